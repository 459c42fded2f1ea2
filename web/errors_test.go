package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"iduit/domain"
	"iduit/glossary"
)

// TestServiceErrorsSpeakThePageLanguage: a refusal from the service reads in the reader's language, not
// in the service's English.
func TestServiceErrorsSpeakThePageLanguage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Ошибки", "ru", false)
		viewer := addMemberAs(s, owner, id, "Vera Viewer", "viewer")
		path := "/proposals/" + id + "/budget"
		viewer.get(path)
		viewer.post("/lang", url.Values{"lang": {"ru"}, "next": {path}})
		viewer.get(path)
		p := viewer.post(path, budgetPost("0"))
		if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Ваша роль в этой заявке (Наблюдатель) не позволяет") {
			t.Fatalf("a viewer's refused save in Russian: %d\n%s", p.Status, p.Body)
		}
		if strings.Contains(p.Body, "does not allow this") {
			t.Fatal("the English service message is still on the Russian page")
		}
	})
}

// Counts agree with their number in Russian, from the one plural helper: «21 символ», «2 символа»,
// «5 символов»; after «не короче» the genitive («не короче 21 символа»).
func TestRussianCountsAgree(t *testing.T) {
	tests := []struct{ in, want string }{
		{"is 21 characters long; the limit is 20", "длина — 21 символ, допустимо не более 20 символов"},
		{"is 2 characters long; the limit is 1", "длина — 2 символа, допустимо не более 1 символа"},
		{"is 5 characters long; the limit is 4", "длина — 5 символов, допустимо не более 4 символов"},
		{"must be at least 21 characters", "должен быть не короче 21 символа"},
		{"must be at least 10 characters", "должен быть не короче 10 символов"},
		{"is required", "нужно заполнить"},
	}
	for _, tt := range tests {
		if got := localiseProblem("ru", tt.in); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNotReadyCountsAgree(t *testing.T) {
	for _, tt := range []struct {
		lang string
		n    int
		want string
	}{
		{"ru", 1, "Проверка нашла 1 ошибку — исправьте"},
		{"ru", 3, "Проверка нашла 3 ошибки — исправьте"},
		{"ru", 11, "Проверка нашла 11 ошибок — исправьте"},
		{"en", 1, "The check for errors found 1 error;"},
		{"en", 2, "The check for errors found 2 errors;"},
	} {
		if got := localiseError(tt.lang, domain.ErrNotReady(tt.n)); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s %d: %q, want it to start %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

// The pages name the IDUIT's chapters exactly as the glossary (and so the PDF) does.
func TestChapterTitlesFollowTheGlossary(t *testing.T) {
	g, err := glossary.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for ch := 1; ch <= 5; ch++ {
		term, _ := g.Term(fmt.Sprintf("iduit-chapter-%d", ch))
		m := catalogue[fmt.Sprintf("iduit.ch%d", ch)]
		if m.en != term.En || m.ru != term.Ru {
			t.Errorf("chapter %d: pages %q / %q, glossary %q / %q", ch, m.en, m.ru, term.En, term.Ru)
		}
	}
}
