package web

import (
	"errors"
	"strconv"
	"strings"

	"iduit/budget"
)

// Numbers on the budget and indicator pages are typed the way people write them ("12 000,50",
// "12,000.50", "41,2") and shown the way their language prints them; the budget package only ever
// sees exact integers.

var (
	errNotANumber = errors.New("not a number")
	errNegative   = errors.New("negative")
)

// normaliseDecimal turns a typed number into the plain form budget.Currency.Parse reads ("12000.50"):
// spaces of every kind are grouping; when both "," and "." appear the last one is the decimal mark; a
// lone comma is a decimal comma, except in English where "12,000" groups thousands.
func normaliseDecimal(lang, s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u2009', '\'', '\t':
			return -1
		}
		return r
	}, s)
	comma, point := strings.LastIndex(s, ","), strings.LastIndex(s, ".")
	switch {
	case comma >= 0 && point >= 0 && comma > point:
		s = strings.ReplaceAll(s, ".", "")
		s = strings.Replace(s, ",", ".", 1)
	case comma >= 0 && point >= 0:
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && lang == "en" && (strings.Count(s, ",") > 1 || len(s)-comma-1 == 3):
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0:
		s = strings.Replace(s, ",", ".", 1)
	}
	return s
}

// parseMinor reads a typed amount into minor units of cur; "" is not an amount.
func parseMinor(lang string, cur budget.Currency, s string) (int64, error) {
	n := normaliseDecimal(lang, s)
	if strings.HasPrefix(n, "-") {
		return 0, errNegative
	}
	v, err := cur.Parse(n)
	if err != nil {
		return 0, errNotANumber
	}
	return v, nil
}

// parseCount reads a typed whole number such as "25 000".
func parseCount(lang, s string) (int64, error) {
	n := normaliseDecimal(lang, s)
	if strings.HasPrefix(n, "-") {
		return 0, errNegative
	}
	v, err := strconv.ParseInt(n, 10, 64)
	if err != nil {
		return 0, errNotANumber
	}
	return v, nil
}

// tenthsOfPercent reads "41.2" or "41,2" exactly into 412.
var tenthsOfPercent = budget.Currency{Code: "%", Digits: 1}

// withoutPercentSign drops one "%" a person typed after a percentage ("45%", "45 %"), so that a field
// that is a percentage takes the number with or without its sign.
func withoutPercentSign(s string) string {
	s = strings.TrimSpace(s)
	if t, ok := strings.CutSuffix(s, "%"); ok {
		return strings.TrimRight(t, " \u00a0\u202f\u2009")
	}
	return s
}

// parsePercentTenths reads a typed percentage ("45", "45%", "41,2 %") into tenths of a percent.
func parsePercentTenths(lang, s string) (int64, error) {
	n := normaliseDecimal(lang, withoutPercentSign(s))
	if strings.HasPrefix(n, "-") {
		return 0, errNegative
	}
	v, err := tenthsOfPercent.Parse(n)
	if err != nil {
		return 0, errNotANumber
	}
	return v, nil
}

// decimalMark replaces the point of a plain decimal with the language's mark, for values put back
// into inputs: "12000.50" in English, "12000,50" in Russian.
func decimalMark(lang, plain string) string {
	if lang == "ru" {
		return strings.Replace(plain, ".", ",", 1)
	}
	return plain
}
