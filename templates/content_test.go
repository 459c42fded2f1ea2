package templates

import (
	"regexp"
	"testing"
)

// Guidance must stay within what the domain reference confirms: the IDUIT's sub-section numbers are not
// verified, and indicator codes newer than the 2017 framework are not either.
var unverified = []*regexp.Regexp{
	regexp.MustCompile(`(?i)IDUIT[^.\n]{0,40}\b\d+\.\d+`), // "IDUIT section 3.2"
	regexp.MustCompile(`(?i)(section|раздел)\s+\d+\.\d+\s+of\s+the\s+IDUIT`),
	regexp.MustCompile(`\b(HTS-3d|KP-8)\b`),                             // codes marked [unverified]
	regexp.MustCompile(`(?i)IDUIT\s+(says|states|writes)\s*:?\s*["“«]`), // presented as a quotation
}

func TestGuidanceMakesNoUnverifiedClaims(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range c.List() {
		forEachText(tpl, func(where string, text Text) {
			for lang, s := range text {
				for _, re := range unverified {
					if m := re.FindString(s); m != "" {
						t.Errorf("%s %s.%s: %q looks like an unverified IDUIT reference", tpl.Key, where, lang, m)
					}
				}
			}
		})
	}
}

func TestEveryTextIsInBothLanguages(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	cyrillic := regexp.MustCompile(`\p{Cyrillic}`)
	for _, tpl := range c.List() {
		forEachText(tpl, func(where string, text Text) {
			count++
			if text["en"] == "" || text["ru"] == "" {
				t.Errorf("%s %s: missing a language: %v", tpl.Key, where, text)
			}
			if !cyrillic.MatchString(text["ru"]) {
				t.Errorf("%s %s.ru is not Russian text: %q", tpl.Key, where, text["ru"])
			}
		})
	}
	if count < 100 {
		t.Fatalf("only %d texts visited", count)
	}
}

// forEachText visits every human-readable text of a template.
func forEachText(t *Template, visit func(where string, text Text)) {
	visit("title", t.Title)
	visit("description", t.Description)
	for _, s := range t.Sections {
		visit(s.Key+".title", s.Title)
		visit(s.Key+".guidance", s.Guidance)
		if s.Example != nil {
			visit(s.Key+".example", s.Example)
		}
		for _, f := range s.Fields {
			for name, text := range map[string]Text{"label": f.Label, "guidance": f.Guidance, "example": f.Example} {
				if text != nil {
					visit(s.Key+"."+f.Key+"."+name, text)
				}
			}
			for _, o := range f.Options {
				visit(s.Key+"."+f.Key+"."+o.Key, o.Label)
			}
			for _, col := range f.Columns {
				visit(s.Key+"."+f.Key+"."+col.Key, col.Label)
			}
		}
	}
}
