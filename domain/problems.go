package domain

import "fmt"

// The input problems people meet most, each with a stable code. The English text here is what the API
// sends as a problem's message; the pages look the code up in their catalogue ("problem.<code>") with
// the same arguments, so no layer has to translate English back by pattern.
const (
	ProblemRequired          = "required"
	ProblemTooLong           = "too_long"
	ProblemTooShortPassword  = "password_too_short"
	ProblemTooLongPassword   = "password_too_long"
	ProblemInvalidUTF8       = "invalid_utf8"
	ProblemControlChar       = "control_char"
	ProblemNotEmail          = "not_email"
	ProblemNotNumber         = "not_number"
	ProblemNotFinite         = "not_finite"
	ProblemNumberRange       = "number_range"
	ProblemNotNumberSuchAs   = "not_number_such_as"
	ProblemNegativeAmount    = "negative_amount"
	ProblemNegative          = "negative"
	ProblemNotOneOf          = "not_one_of"
	ProblemNotDate           = "not_date"
	ProblemNotDateString     = "not_date_string"
	ProblemQuoteNotFound     = "quote_not_found"
	ProblemQuoteNeedsField   = "quote_needs_field"
	ProblemCommonPassword    = "common_password"
	ProblemOnlySpaces        = "only_spaces"
	ProblemFewDistinct       = "few_distinct"
	ProblemPasswordIsEmail   = "password_is_email"
	ProblemWrongPassword     = "wrong_password"
	ProblemNoAccount         = "no_account"
	ProblemFileEmpty         = "file_empty"
	ProblemNotSectionOfTempl = "not_section"
	ProblemNotTimeZone       = "not_time_zone"
)

// problemFormats are the English texts of the coded problems, with fmt verbs for their arguments.
var problemFormats = map[string]string{
	ProblemRequired:          "is required",
	ProblemTooLong:           "is %d characters long; the limit is %d",
	ProblemTooShortPassword:  "must be at least %d characters",
	ProblemTooLongPassword:   "must be at most %d characters",
	ProblemInvalidUTF8:       "is not valid UTF-8 text",
	ProblemControlChar:       "contains the control character U+%04X",
	ProblemNotEmail:          "is not an email address",
	ProblemNotNumber:         "must be a number",
	ProblemNotFinite:         "must be a finite number",
	ProblemNumberRange:       "must be a number from %s to %s",
	ProblemNotNumberSuchAs:   "is not a number such as 12 000,50 or 12000.50",
	ProblemNegativeAmount:    "is negative; amounts are zero or more",
	ProblemNegative:          "is negative",
	ProblemNotOneOf:          "must be one of %v",
	ProblemNotDate:           "must be a date YYYY-MM-DD",
	ProblemNotDateString:     "must be a date string YYYY-MM-DD",
	ProblemQuoteNotFound:     "does not appear in the field's current text",
	ProblemQuoteNeedsField:   "is required with a quote",
	ProblemCommonPassword:    "is one of the most common passwords; choose another",
	ProblemOnlySpaces:        "must not be only spaces",
	ProblemFewDistinct:       "must contain at least %d different characters",
	ProblemPasswordIsEmail:   "must not be your email address",
	ProblemWrongPassword:     "is wrong",
	ProblemNoAccount:         "has no account here; ask the person to sign up first",
	ProblemFileEmpty:         "is empty",
	ProblemNotSectionOfTempl: "is not a section of this proposal's template",
	ProblemNotTimeZone:       "is not a time zone such as Asia/Bishkek or UTC",
}

// ProblemCodes lists every problem code, for the test that each has a translation.
func ProblemCodes() []string {
	out := make([]string, 0, len(problemFormats))
	for code := range problemFormats {
		out = append(out, code)
	}
	return out
}

// NewProblem builds a coded problem; its English message comes from the one table above.
func NewProblem(field, code string, args ...any) *Problem {
	format, ok := problemFormats[code]
	if !ok {
		format = code // a programming error; the message still says something and the key test finds it
	}
	return &Problem{Field: field, Code: code, Args: args, Message: fmt.Sprintf(format, args...)}
}
