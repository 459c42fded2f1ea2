// Package glossary is the project's one term per concept, in English and Russian, as data: the
// preferred wording of each term and the variants that must not appear in anything users read. It
// imports nothing of the project, so templates, pages and the PDF can all be checked against it.
package glossary

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"iduit/internal/yamldata"
)

//go:embed glossary.yaml
var glossaryYAML []byte

// Term is one concept with its preferred names and banned variants.
type Term struct {
	Key    string `yaml:"key"`
	En     string `yaml:"en"`
	Ru     string `yaml:"ru"`
	Banned struct {
		En []string `yaml:"en"`
		Ru []string `yaml:"ru"`
	} `yaml:"banned"`
	// Allowed are phrases of another concept that contain a banned word ("меры защиты" for safeguards).
	Allowed []string `yaml:"allowed,omitempty"`
}

// Glossary is the list of terms with their banned variants compiled for searching.
type Glossary struct {
	Terms  []Term
	banned []bannedVariant
}

type bannedVariant struct {
	term, lang, variant string
	re                  *regexp.Regexp
	allowed             []*regexp.Regexp
}

// Violation is one banned variant found in a text.
type Violation struct {
	// Term is the key of the concept; Preferred is the wording to use instead.
	Term, Lang, Variant, Found, Preferred string
}

// Embedded parses the glossary shipped with the project.
func Embedded() (*Glossary, error) { return Parse(glossaryYAML) }

// Parse reads a glossary; every term needs both preferred names, and a variant may not be a preferred name.
func Parse(data []byte) (*Glossary, error) {
	var doc struct {
		Terms []Term `yaml:"terms"`
	}
	if err := yamldata.Decode(data, &doc); err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	g := &Glossary{Terms: doc.Terms}
	var errs []error
	for _, t := range doc.Terms {
		if t.Key == "" || t.En == "" || t.Ru == "" {
			errs = append(errs, fmt.Errorf("glossary: term %q needs a key and both preferred names", t.Key))
		}
		for lang, variants := range map[string][]string{"en": t.Banned.En, "ru": t.Banned.Ru} {
			for _, v := range variants {
				b := bannedVariant{term: t.Key, lang: lang, variant: v, re: variantPattern(v)}
				for _, a := range t.Allowed {
					b.allowed = append(b.allowed, variantPattern(a))
				}
				if b.re.MatchString(t.En) || b.re.MatchString(t.Ru) {
					errs = append(errs, fmt.Errorf("glossary: %s: banned %q matches the preferred name", t.Key, v))
				}
				g.banned = append(g.banned, b)
			}
		}
	}
	return g, errors.Join(errs...)
}

// variantPattern matches a variant as whole words, case-insensitively; "word*" allows any ending.
func variantPattern(v string) *regexp.Regexp {
	words := strings.Fields(v)
	for i, w := range words {
		if stem, ok := strings.CutSuffix(w, "*"); ok {
			words[i] = regexp.QuoteMeta(stem) + `\p{L}*`
		} else {
			words[i] = regexp.QuoteMeta(w)
		}
	}
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}-])(` + strings.Join(words, `\s+`) + `)(?:[^\p{L}-]|$)`)
}

// Check returns every banned variant found in text.
func (g *Glossary) Check(text string) []Violation {
	var out []Violation
	for _, b := range g.banned {
		rest := text
		for _, a := range b.allowed {
			rest = a.ReplaceAllString(rest, " ")
		}
		for _, m := range b.re.FindAllStringSubmatch(rest, -1) {
			out = append(out, Violation{Term: b.term, Lang: b.lang, Variant: b.variant, Found: m[1], Preferred: g.preferred(b.term, b.lang)})
		}
	}
	return out
}

func (g *Glossary) preferred(key, lang string) string {
	t, _ := g.Term(key)
	if lang == "ru" {
		return t.Ru
	}
	return t.En
}

// Term returns the term with the given key, for code that must print a glossary name exactly.
func (g *Glossary) Term(key string) (Term, bool) {
	for _, t := range g.Terms {
		if t.Key == key {
			return t, true
		}
	}
	return Term{}, false
}
