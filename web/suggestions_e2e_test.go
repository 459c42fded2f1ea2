package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"iduit/httpkit"
)

// signInBrowser gives a browser the session of a visitor who signed up over HTTP.
func signInBrowser(t *testing.T, s *testSite, b *browser, v *visitor) {
	t.Helper()
	token := sessionTokenOf(t, s, v)
	run(b, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: httpkit.SessionCookie, Value: token, URL: b.base, Path: "/"})
		return chromedp.Void{}, err
	})
}

// selectIn selects the first occurrence of words in a text box, as a person dragging over them would.
// The offered buttons are then pressed from the page's script rather than at screen coordinates, which a
// late layout shift (fonts arriving on a loaded machine) can move.
func selectIn(b *browser, id, words string) {
	b.t.Helper()
	b.eval(`(() => { const el = document.getElementById("` + id + `"); const i = el.value.indexOf("` + words + `");
		el.focus(); el.setSelectionRange(i, i + "` + words + `".length); el.dispatchEvent(new MouseEvent("mouseup", {bubbles: true})); return ""; })()`)
	b.waitFor(`document.querySelector(".select-actions") && !document.querySelector(".select-actions").hidden`)
}

// TestBrowserSelectToCommentAndSuggest: a reviewer selects a passage in the Russian box of a bilingual
// field and comments on it, selects one in the English box and suggests new wording; the owner accepts.
func TestBrowserSelectToCommentAndSuggest(t *testing.T) {
	chrome := findChromium(t)
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Снижение вреда", "ru", true)
		reviewer := addMemberAs(s, owner, id, "Rita Reviewer", "reviewer")
		sec := "/proposals/" + id + "/sections/epidemiology"
		m := versionInput.FindStringSubmatch(owner.get(sec).Body)
		mustSee(t, owner.post(sec, url.Values{"version": {m[1]}, "t.hiv-hcv-epidemiology.ru": {"Нет данных о ВГС среди ЛУИН."},
			"t.hiv-hcv-epidemiology.en": {"No HCV data among PWID."}}), "save")

		w, r := newBrowsers(t, s, chrome)
		signInBrowser(t, s, r, reviewer)
		signInBrowser(t, s, w, owner)

		r.open(sec)
		selectIn(r, "field-hiv-hcv-epidemiology-ru", "ВГС")
		r.eval(`(() => { document.querySelector(".select-actions button:first-child").click(); return ""; })()`)
		if got := r.eval(`[document.getElementById("c-field").value, document.getElementById("c-lang").value, document.getElementById("c-quote").value].join("|")`); got != "hiv-hcv-epidemiology|ru|ВГС" {
			t.Fatalf("Comment filled the form with %q", got)
		}
		r.do(chromedp.SendKeys(chromedp.ID("c-body"), "Which survey?"))
		r.click(`#comment-form button.primary`, `document.querySelector('.thread blockquote[lang="ru"]') !== null`)

		selectIn(r, "field-hiv-hcv-epidemiology-en", "HCV")
		r.eval(`(() => { document.querySelector(".select-actions button:last-child").click(); return ""; })()`)
		if got := r.eval(`[document.getElementById("suggest").open, document.getElementById("s-lang").value, document.getElementById("s-quote").value].join("|")`); got != "true|en|HCV" {
			t.Fatalf("Suggest filled the form with %q", got)
		}
		r.do(chromedp.SetValue(chromedp.ID("s-replacement"), "hepatitis C"))
		r.click(`#suggest-form button.primary`, `document.querySelector(".suggestion del") !== null`)
		r.shot("suggestion-reviewer")

		w.open(sec)
		w.click(`.suggestion button.primary`, `document.getElementById("field-hiv-hcv-epidemiology-en") && document.getElementById("field-hiv-hcv-epidemiology-en").value.includes("hepatitis C")`)
		if got := w.eval(`document.getElementById("field-hiv-hcv-epidemiology-en").value`); !strings.HasPrefix(got, "No hepatitis C data") {
			t.Fatalf("after accepting: %q", got)
		}
	})
}
