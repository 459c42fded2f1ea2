package budget

import "strings"

// GroupDigits prints a plain decimal ("-84000.00") for reading: "84,000.00" in English, "84 000,00" in
// Russian, with no-break spaces so an amount never wraps inside a table cell. The PDF and the pages
// both print amounts through it.
func GroupDigits(lang, plain string) string {
	sign := ""
	if strings.HasPrefix(plain, "-") {
		sign, plain = "-", plain[1:]
	}
	whole, frac, hasFrac := strings.Cut(plain, ".")
	sep, mark := ",", "."
	if lang == "ru" {
		sep, mark = "\u00a0", ","
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if hasFrac {
		out += mark + frac
	}
	return out
}

// Readable prints minor units of the currency for reading in lang.
func (c Currency) Readable(minor int64, lang string) string {
	return GroupDigits(lang, c.Format(minor))
}

// Readable prints a share with the language's decimal sign: 28.6 in English, 28,6 in Russian.
func (t Tenths) Readable(lang string) string {
	if lang == "ru" {
		return strings.Replace(t.String(), ".", ",", 1)
	}
	return t.String()
}
