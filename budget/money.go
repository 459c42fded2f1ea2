package budget

import (
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
)

// Currency is an ISO 4217 currency a budget may be written in. Digits is the size of its minor unit
// (2 for cents and tiyin), which is all the package needs to read and print amounts exactly.
type Currency struct {
	Code   string
	Digits int
}

// currencies are those of the region the project serves, plus the funder's own and two with other minor
// units (XOF has none, TND has three; both are Global Fund grant currencies) so that the code never
// silently assumes cents. This is how amounts are read and printed, not which currencies a proposal may
// use: that list is its template's (templates.Template.Currencies), checked by the service.
var currencies = map[string]Currency{}

func init() {
	for _, c := range []Currency{
		{"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CHF", 2},
		{"KGS", 2}, {"BYN", 2}, {"RUB", 2}, {"KZT", 2}, {"UAH", 2}, {"GEL", 2},
		{"MDL", 2}, {"TJS", 2}, {"UZS", 2}, {"AMD", 2}, {"AZN", 2},
		{"XOF", 0}, {"TND", 3},
	} {
		currencies[c.Code] = c
	}
}

// LookupCurrency returns the currency with the given upper-case ISO 4217 code, if a budget may use it.
func LookupCurrency(code string) (Currency, bool) {
	c, ok := currencies[code]
	return c, ok
}

// Currencies lists the accepted currencies by code, for a form's drop-down.
func Currencies() []Currency {
	out := make([]Currency, 0, len(currencies))
	for _, c := range currencies {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// Format prints an amount in minor units as a plain decimal ("1234.56"); grouping and the currency sign
// are left to the renderer, which knows the reader's language.
func (c Currency) Format(minor int64) string {
	sign := ""
	abs := uint64(minor)
	if minor < 0 {
		sign, abs = "-", -abs // two's complement negation is exact even for math.MinInt64
	}
	digits := strconv.FormatUint(abs, 10)
	if c.Digits == 0 {
		return sign + digits
	}
	if pad := c.Digits + 1 - len(digits); pad > 0 {
		digits = strings.Repeat("0", pad) + digits
	}
	cut := len(digits) - c.Digits
	return sign + digits[:cut] + "." + digits[cut:]
}

// Parse reads a non-negative decimal amount such as "1234.56" into minor units exactly. More decimals
// than the currency has is an error, never a rounding: a budget must add up to what its author typed.
func (c Currency) Parse(s string) (int64, error) {
	whole, frac, hasPoint := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || !allDigits(frac) || (hasPoint && frac == "") {
		return 0, fmt.Errorf("%q is not an amount like 1234.56", s)
	}
	if len(frac) > c.Digits {
		return 0, fmt.Errorf("%q has more than %d decimals for %s", s, c.Digits, c.Code)
	}
	frac += strings.Repeat("0", c.Digits-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Tenths is a percentage in tenths of a percent (123 means 12.3%), so that shares and indicator values
// are exact integers and print the same everywhere.
type Tenths int64

// String prints the percentage with one decimal and no sign, as the funder's tables show it: "12.3".
func (t Tenths) String() string {
	return Currency{Digits: 1}.Format(int64(t))
}

// PercentTenths returns num ÷ den × 100, rounded half up to a tenth of a percent, from the exact
// fraction: rounding to basis points first would round twice and turn 12.345% into 12.4.
// It reports false for a negative numerator, a denominator that is not positive, or a result too large.
func PercentTenths(num, den int64) (Tenths, bool) {
	q, ok := roundDiv(num, den, 1000)
	return Tenths(q), ok
}

// roundDiv returns num × scale ÷ den rounded half up, through a 128-bit product so that no input in
// range can overflow on the way.
func roundDiv(num, den, scale int64) (int64, bool) {
	if num < 0 || den <= 0 || scale <= 0 {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(num), uint64(scale))
	if hi >= uint64(den) {
		return 0, false // the quotient would not fit in 64 bits
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	if r >= uint64(den)-r { // 2r ≥ den, written so that 2r cannot overflow
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	return int64(q), true
}

// addChecked adds two amounts and reports false instead of wrapping around.
func addChecked(a, b int64) (int64, bool) {
	s := a + b
	if (s > a) != (b > 0) {
		return 0, false
	}
	return s, true
}

// mulChecked multiplies two amounts and reports false instead of wrapping around.
func mulChecked(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return p, true
}
