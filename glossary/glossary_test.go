package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// userFacing are the files whose text users read: templates, web pages and message catalogues, the
// budget catalogue, the words of the PDF, Word and Excel files, the status names and the mail. Tests are left out: they may quote a banned variant to
// prove it is refused.
var userFacing = []string{
	"../templates/*.yaml",
	"../web/pages/*.html",
	"../web/messages*.go",
	"../budget/catalogue.yaml",
	"../budget/crosscheck.go",
	"../conceptnote/*.go",
	"../pdf/*.go",
	"../docx/words.go",
	"../annexes/words.go",
	"../domain/review.go",
	"../domain/funding.go",
	"../service/mailtexts.go",
	"../service/notifymail.go",
	"../service/messages.go",
}

func TestNoBannedVariantInUserFacingText(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, pattern := range userFacing {
		names, err := filepath.Glob(pattern)
		if err != nil || len(names) == 0 {
			t.Fatalf("%s matches no file (%v): the test would pass without looking", pattern, err)
		}
		for _, name := range names {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			files++
			for i, line := range strings.Split(string(data), "\n") {
				for _, v := range g.Check(line) {
					t.Errorf("%s:%d: %q is a banned variant of %s; use %q", name, i+1, v.Found, v.Term, v.Preferred)
				}
			}
		}
	}
	if files < 20 {
		t.Fatalf("only %d files checked", files)
	}
}

func TestCheckFindsVariants(t *testing.T) {
	g, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
	}{
		{"Показатели, исходные уровни и целевые значения", "indicator"},
		{"Исходный уровень", "baseline"},
		{"в рамочном документе по результатам деятельности", "performance-framework"},
		{"Предельная сумма выделения", "allocation-amount"},
		{"по данным био-поведенческого исследования", "bio-behavioural-survey"},
		{"Прочие меры", "intervention"},
		{"Allocation ceiling (optional)", "allocation-amount"},
	}
	for _, tt := range tests {
		vs := g.Check(tt.text)
		if len(vs) == 0 || vs[0].Term != tt.want {
			t.Errorf("%q: got %+v, want a %s violation", tt.text, vs, tt.want)
		}
	}
	// Idioms built on the same letters are not the concept.
	for _, ok := range []string{"в полной мере", "по мере готовности", "мероприятия сообщества", "индикатор охвата", "биоповеденческого"} {
		if vs := g.Check(ok); len(vs) != 0 {
			t.Errorf("%q wrongly flagged: %+v", ok, vs)
		}
	}
}

func TestParseRejectsVariantEqualToPreferred(t *testing.T) {
	_, err := Parse([]byte("terms:\n  - key: x\n    en: a\n    ru: индикатор\n    banned: {en: [], ru: [\"индикатор\"]}\n"))
	if err == nil || !strings.Contains(err.Error(), "matches the preferred name") {
		t.Fatalf("got %v", err)
	}
}
