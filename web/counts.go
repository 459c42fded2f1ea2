package web

import (
	"fmt"

	"iduit/internal/plural"
)

// countedNouns are the nouns the interface counts, in each language's plural forms; plural.Count picks
// the form that agrees with the number («21 символ», «2 символа», «5 символов»). The ".gen" forms follow
// «не меньше», «не короче», «не длиннее», which take the genitive («не короче 21 символа»).
var countedNouns = map[string]struct{ en, ru plural.Forms }{
	"characters": {
		en: plural.Forms{One: "character", Other: "characters"},
		ru: plural.Forms{One: "символ", Few: "символа", Many: "символов", Other: "символа"},
	},
	"errors.acc": {
		en: plural.Forms{One: "error", Other: "errors"},
		ru: plural.Forms{One: "ошибку", Few: "ошибки", Many: "ошибок", Other: "ошибки"},
	},
	"characters.gen": {
		en: plural.Forms{One: "character", Other: "characters"},
		ru: plural.Forms{One: "символа", Few: "символов", Many: "символов", Other: "символа"},
	},
}

// countedErrorArgs names, per coded service error, the counted noun of each of its numeric arguments.
var countedErrorArgs = map[string][]string{"not_ready": {"errors.acc"}}

// count writes n with the agreeing form of a counted noun; an unknown noun is an error so that the page
// tests catch it rather than a reader.
func count(lang string, n int, noun string) (string, error) {
	forms, ok := countedNouns[noun]
	if !ok {
		return "", fmt.Errorf("no counted noun %q", noun)
	}
	if lang == "ru" {
		return plural.Count(lang, n, forms.ru), nil
	}
	return plural.Count(lang, n, forms.en), nil
}
