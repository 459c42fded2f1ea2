package templates

import (
	"regexp"
	"strings"
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
	cyrillic := regexp.MustCompile(`\p{Cyrillic}`)
	for _, tpl := range c.List() {
		count := 0
		forEachText(tpl, func(where string, text Text) {
			count++
			if text["en"] == "" || text["ru"] == "" {
				t.Errorf("%s %s: missing a language: %v", tpl.Key, where, text)
			}
			if !cyrillic.MatchString(text["ru"]) {
				t.Errorf("%s %s.ru is not Russian text: %q", tpl.Key, where, text["ru"])
			}
		})
		// A template is dozens of texts; a handful means the walk missed a level, not that all is well.
		if count < 40 {
			t.Errorf("%s: only %d texts visited", tpl.Key, count)
		}
	}
}

// Every template draws on the whole IDUIT: a chapter no section names is a part of the programme the
// writer is never asked about.
func TestEveryTemplateCoversAllIDUITChapters(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range c.List() {
		covered := map[int]bool{}
		for _, s := range tpl.Sections {
			for _, ch := range s.IDUITChapters {
				covered[ch] = true
			}
			for _, f := range s.Fields {
				for _, ch := range f.IDUITChapters {
					covered[ch] = true
				}
			}
		}
		for ch := 1; ch <= 5; ch++ {
			if !covered[ch] {
				t.Errorf("%s: no section or field draws on IDUIT chapter %d", tpl.Key, ch)
			}
		}
	}
}

// The current funding request asks for no number the proposal computes or holds as structured data
// elsewhere (issue 14): a number field or table here would be a second source of truth.
func TestFundingRequestHoldsNarrativeOnly(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpl, ok := c.Latest(DefaultKey)
	if !ok {
		t.Fatalf("the default template %q is not shipped", DefaultKey)
	}
	for _, s := range tpl.Sections {
		for _, f := range s.Fields {
			if !f.Type.IsText() {
				t.Errorf("%s.%s is a %s field; amounts, shares, interventions, priorities and consultations are structured data", s.Key, f.Key, f.Type)
			}
		}
	}
	// The form's headings were not verified, so the template must say its numbering is its own.
	for lang, want := range map[string]string{"en": "this tool's own summary", "ru": "краткое изложение этого инструмента"} {
		if !strings.Contains(tpl.Description[lang], want) {
			t.Errorf("description.%s does not say the numbering is this tool's own summary (%q)", lang, want)
		}
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
