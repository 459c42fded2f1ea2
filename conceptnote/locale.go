package conceptnote

import (
	"strconv"
	"strings"
	"time"

	"iduit/budget"
)

// The one place the concept note writes numbers, shares and dates for its reader, so every table, field
// and record prints them alike: "5 400 000", "48,0 %", "10.09.2026" in Russian; "5,400,000", "48.0%",
// "10 September 2026" in English. Raw values ("5400000", "2026-09-10") never reach the document.

var monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// formatInt groups an integer's digits for lang.
func formatInt(v int64, lang string) string {
	return budget.GroupDigits(lang, strconv.FormatInt(v, 10))
}

// formatNumber groups the digits of a number as stored ("5400000", "12.5"); text that is not a plain
// decimal is returned as it is.
func formatNumber(s, lang string) string {
	s = strings.TrimSpace(s)
	if _, err := strconv.ParseFloat(s, 64); err != nil || strings.ContainsAny(s, "eE") {
		return s
	}
	return budget.GroupDigits(lang, s)
}

// formatPercent prints a share kept in tenths of a percent: "48.0%" in English; in Russian a comma and
// a no-break space before the sign, "48,0 %", as Russian typography wants.
func formatPercent(t budget.Tenths, lang string) string {
	return t.Readable(lang) + percentSign(lang)
}

// percentSign follows a figure: "%" in English, a no-break space and "%" in Russian.
func percentSign(lang string) string {
	if lang == "ru" {
		return "\u00a0%"
	}
	return "%"
}

// formatDate prints a date stored as YYYY-MM-DD (or an RFC 3339 time); text that is not a date is
// returned as it is.
func formatDate(s, lang string) string {
	s = strings.TrimSpace(s)
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, s); err != nil {
			return s
		}
	}
	return formatTime(t, lang)
}

// formatTime prints a day: "10.09.2026" in Russian, "10 September 2026" in English.
func formatTime(t time.Time, lang string) string {
	if lang == "ru" {
		return t.Format("02.01.2006")
	}
	return strconv.Itoa(t.Day()) + " " + monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// formatMoney prints minor units of a currency with the currency's code: "3 549 000,00 USD".
func formatMoney(v int64, code, lang string) string {
	return currencyOf(code).Readable(v, lang) + "\u00a0" + code
}
