package web

import (
	"strings"
	"testing"
)

// TestBrowserAutosaveShowsFieldProblems: the autosave's 400 is a problem document, and the page's script
// puts each of its errors under the box it names (errors[].field, errors[].message), without a reload.
func TestBrowserAutosaveShowsFieldProblems(t *testing.T) {
	chrome := findChromium(t)
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Снижение вреда", "ru", false)
		w, _ := newBrowsers(t, s, chrome)
		signInBrowser(t, s, w, owner)
		w.open("/proposals/" + id + "/sections/epidemiology")
		w.waitFor(`document.getElementById("field-pwid-size-estimate-in") !== null`)
		w.typeText("field-pwid-size-estimate-in", "много")
		live := `document.querySelector('.field[data-field="pwid-size-estimate"] .field-error.live')`
		w.waitFor(live + ` !== null && ` + live + `.textContent !== ""`)
		w.shot("autosave-field-problem")
		if got := w.eval(live + `.textContent`); !strings.Contains(got, "number") {
			t.Errorf("the problem under the box reads %q, want the service's reason (a number)", got)
		}
	})
}
