// Package plural writes a count with its noun in the agreeing form («1 символ», «2 символа», «5 символов»,
// «21 символ»), using the CLDR plural rules of golang.org/x/text rather than hand-written endings, so
// every count message in the product agrees the same way.
package plural

import (
	"strconv"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Forms are a noun's forms for the CLDR plural categories: English uses One and Other; Russian One
// («символ»), Few («символа») and Many («символов»). Other is used for any category left empty.
type Forms struct {
	One, Few, Many, Other string
}

// Count returns n followed by the form of the noun that agrees with it in lang ("en" or "ru").
func Count(lang string, n int, f Forms) string {
	return strconv.Itoa(n) + " " + Form(lang, n, f)
}

// Form returns the form of the noun that agrees with n in lang, without the number.
func Form(lang string, n int, f Forms) string {
	tag := language.English
	if lang == "ru" {
		tag = language.Russian
	}
	abs := n
	if abs < 0 {
		abs = -abs
	}
	var s string
	switch plural.Cardinal.MatchPlural(tag, abs, 0, 0, 0, 0) {
	case plural.One:
		s = f.One
	case plural.Few:
		s = f.Few
	case plural.Many:
		s = f.Many
	}
	if s == "" {
		return f.Other
	}
	return s
}
