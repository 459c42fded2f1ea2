package web

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

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
	"open_comments": {
		en: plural.Forms{One: "open comment", Other: "open comments"},
		ru: plural.Forms{One: "открытый комментарий", Few: "открытых комментария", Many: "открытых комментариев", Other: "открытого комментария"},
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

// countedProblemTexts are the service's input messages that carry counts (problemTexts holds the rest):
// each numeric group becomes the number with its agreeing noun before ru is applied, so "$1" stands for
// «21 символ». counts names the counted noun of each group, in order.
var countedProblemTexts = []struct {
	re     *regexp.Regexp
	ru     string
	counts []string
}{
	{regexp.MustCompile(`^must be at least (\d+) characters$`), "должен быть не короче $1", []string{"characters.gen"}},
	{regexp.MustCompile(`^must be at most (\d+) characters$`), "должен быть не длиннее $1", []string{"characters.gen"}},
	{regexp.MustCompile(`^is (\d+) characters long; the limit is (\d+)$`), "длина — $1, допустимо не более $2", []string{"characters", "characters.gen"}},
}

// localiseCountedProblem says a counted input message in Russian, or reports that it is not one.
func localiseCountedProblem(message string) (string, bool) {
	for _, pt := range countedProblemTexts {
		m := pt.re.FindStringSubmatch(message)
		if m == nil {
			continue
		}
		out := pt.ru
		for i := len(m) - 1; i >= 1; i-- { // from the last group, so "$1" never eats the "1" of "$12"
			arg := m[i]
			if n, err := strconv.Atoi(arg); err == nil && i <= len(pt.counts) {
				arg, _ = count("ru", n, pt.counts[i-1])
			}
			out = strings.ReplaceAll(out, "$"+strconv.Itoa(i), arg)
		}
		return out, true
	}
	return "", false
}
