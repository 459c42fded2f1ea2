package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"iduit/httpkit"
	"iduit/internal/testdb"
	"iduit/templates"
)

// phoneFold is how far down a section's first input may start on a 390×844 phone: within the first
// screen and a little, so that a person sees where to type without scrolling past the guidance.
const phoneFold = 900

// screenshotDir is where browser tests keep their screenshots for people to look at: the folder
// IDUIT_SCREENSHOTS names, else artifacts/screenshots at the repository root under CI (kept as CI
// artefacts), else the git-ignored web/testdata/screenshots.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("IDUIT_SCREENSHOTS")
	switch {
	case dir != "":
	case os.Getenv("CI") == "true":
		dir = filepath.Join("..", "artifacts", "screenshots")
	default:
		dir = filepath.Join("testdata", "screenshots")
	}
	dir = filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "-"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// layoutPage is one kind of page the layout test visits, found by a path on the prepared proposal.
type layoutPage struct{ name, path string }

// TestPageLayout opens every kind of page at a phone's width and a laptop's, in both languages, and
// checks that none is wider than the screen; on a phone the first input of every section must lie
// within the first screen. It runs on SQLite only: it checks the pages, not the storage.
func TestPageLayout(t *testing.T) {
	chrome := findChromium(t)
	store := testdb.Open(t, "sqlite:"+filepath.Join(t.TempDir(), "iduit.db"))
	s := newTestSite(t, store)
	owner, id, clm := prepareLayoutProposal(t, s)
	token := sessionTokenOf(t, s, owner)
	dir := screenshotDir(t)

	phone, laptop := newLayoutTabs(t, s, chrome, dir)
	const sec = "epidemiology"
	signedOut := []layoutPage{{"signin", "/signin"}, {"signup", "/signup"}}
	signedIn := []layoutPage{
		{"proposals", "/proposals"}, {"new", "/proposals/new"}, {"proposal", "/proposals/" + id},
		{"section", "/proposals/" + id + "/sections/" + sec}, {"section-table", "/proposals/" + id + "/sections/programmatic-gaps"},
		{"history", "/proposals/" + id + "/sections/" + sec + "/history"}, {"revision", "/proposals/" + id + "/sections/" + sec + "/history/1"},
		{"check", "/proposals/" + id + "/check"}, {"members", "/proposals/" + id + "/members"}, {"activity", "/proposals/" + id + "/activity"},
		{"budget", "/proposals/" + id + "/budget"}, {"indicators", "/proposals/" + id + "/indicators"}, {"error", "/proposals/no-such-proposal"},
		{"priorities", "/proposals/" + id + "/priorities"}, {"settings", "/proposals/" + id + "/settings"},
	}
	for _, tab := range []*layoutTab{phone, laptop} {
		for _, lang := range languages {
			tab.setCookie(langCookie, lang)
			tab.deleteCookie(httpkit.SessionCookie)
			for _, pg := range signedOut {
				tab.check(pg, lang)
			}
			tab.setCookie(httpkit.SessionCookie, token)
			for _, pg := range signedIn {
				tab.check(pg, lang)
			}
			tab.conflictView(owner, id, sec, lang)
		}
		tab.liveConflict(owner, id, sec)
	}

	// On the phone a field links to the comments about it, and the save bars stay out of the way.
	phone.open("/proposals/" + id + "/sections/" + sec)
	jump := `document.querySelector('a[data-comments-for="hiv-hcv-epidemiology"]')`
	if text := phone.eval(jump + `.textContent`); !regexp.MustCompile(`\(1\)$`).MatchString(text) {
		t.Errorf("the field's link to its comments reads %q, want the count of its one comment", text)
	}
	phone.click(`a[data-comments-for="hiv-hcv-epidemiology"]`, `location.hash.startsWith("#c-") && document.querySelector(location.hash).classList.contains("thread")`)
	for _, path := range []string{"/proposals/" + id + "/sections/" + sec, "/proposals/" + id + "/budget", "/proposals/" + id + "/indicators"} {
		phone.open(path)
		if pos := phone.eval(`getComputedStyle(document.querySelector(".savebar")).position`); pos == "sticky" || pos == "fixed" {
			t.Errorf("%s on the phone: the save bar is %s and covers the inputs under it", path, pos)
		}
	}

	// Every section of both templates, in Russian (the longer words), on the phone: none is wider than the
	// screen with its guidance open; once the person folds the guidance, it stays folded on every section
	// and the first input of each is on the first screen.
	phone.setCookie(langCookie, "ru")
	phone.open("/proposals/" + id + "/sections/" + sec)
	phone.do(chromedp.Click(chromedp.CSS(`.section-guide > summary`)))
	phone.waitFor(`!document.querySelector(".section-guide").open`)
	for _, p := range []struct{ id, template string }{{id, "gf-concept-note-pwid"}, {clm, "clm-proposal"}} {
		tpl, ok := mustCatalogue(t).Latest(p.template)
		if !ok {
			t.Fatalf("no template %s", p.template)
		}
		for _, section := range tpl.Sections {
			phone.open("/proposals/" + p.id + "/sections/" + section.Key)
			if open := phone.eval(`String(document.querySelector(".section-guide").open)`); open != "false" {
				t.Errorf("section %s: the guidance the person folded is open again", section.Key)
			}
			phone.fits("section " + section.Key)
			phone.firstInputOnScreen("section " + section.Key + " (guidance folded)")
		}
	}
	phone.do(chromedp.Click(chromedp.CSS(`.section-guide > summary`)))
	phone.waitFor(`document.querySelector(".section-guide").open`)
	for _, key := range []string{"legal-environment", "modular-budget"} { // the longest guidance, open
		phone.open("/proposals/" + id + "/sections/" + key)
		phone.fits("section " + key + " (guidance open)")
		phone.shot("section-" + key + "-390-ru")
	}
}

func mustCatalogue(t *testing.T) *templates.Catalogue {
	t.Helper()
	c, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// prepareLayoutProposal fills a bilingual concept note the way a working team would leave it: text
// saved twice (so there is a history), a reviewer with a comment on a field, a budget and indicators;
// and a CLM proposal for its sections.
func prepareLayoutProposal(t *testing.T, s *testSite) (owner *visitor, id, clm string) {
	t.Helper()
	owner = s.visitor()
	owner.signUp("Айгуль Длиннофамильная-Писательница")
	id = owner.createProposal("Снижение вреда и доступ к услугам для людей, употребляющих наркотики, в Чуйской области", "ru", true)
	reviewer := addMemberAs(s, owner, id, "Reviewer Partner With A Long Name", "reviewer")
	sec := "/proposals/" + id + "/sections/epidemiology"
	saveText(owner, sec, "По данным исследования 2023 года распространенность ВИЧ среди ЛУИН составила 7 процентов.")
	saveText(owner, sec, "По данным ИБПИ 2023 года распространенность ВИЧ среди ЛУИН составила 7,2 процента.")
	reviewer.get(sec)
	if p := reviewer.post(sec+"/comments", url.Values{"field": {"hiv-hcv-epidemiology"}, "quote": {"распространенность ВИЧ"},
		"body": {"Please add the source: which survey, which year, and how many people took part in it?"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("comment: %d", p.Status)
	}
	if p := reviewer.post(sec+"/suggestions", url.Values{"field": {"hiv-hcv-epidemiology"}, "lang": {"ru"}, "quote": {"ЛУИН"},
		"replacement": {"людей, употребляющих инъекционные наркотики (ЛУИН), по оценке на основе выборки из нескольких городов"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("suggestion: %d", p.Status)
	}
	owner.get("/proposals/" + id + "/budget")
	if p := owner.post("/proposals/"+id+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
		t.Fatalf("budget save: %d", p.Status)
	}
	owner.get("/proposals/" + id + "/indicators")
	if p := owner.post("/proposals/"+id+"/indicators", url.Values{"version": {"0"}, "rows": {"2"}, "gap_rows": {"2"},
		"i.0.code": {"KP-1d"}, "i.0.b.value": {"41,2"}, "i.0.b.num": {"412"}, "i.0.b.den": {"1000"}, "i.0.b.year": {"2025"}, "i.0.b.source": {"IBBS 2025"}, "i.0.t1.value": {"55,5"}, "i.0.t1.num": {"555"}, "i.0.t1.den": {"1000"},
		"g.0.indicator": {"KP-4"}, "g.0.year": {"2028"}, "g.0.need": {"1 000 000"}, "g.0.others": {"300000"}, "g.0.this": {"500 000"},
	}); p.Status != http.StatusSeeOther {
		t.Fatalf("indicators save: %d\n%s", p.Status, p.Body)
	}
	// Records and priorities, so that the priorities page has its chart.
	owner.get("/proposals/" + id + "/interventions")
	if p := owner.post("/proposals/"+id+"/interventions", recordPost("0")); p.Status != http.StatusSeeOther {
		t.Fatalf("records save: %d\n%s", p.Status, p.Body)
	}
	owner.get("/proposals/" + id + "/priorities")
	if p := owner.post("/proposals/"+id+"/priorities", url.Values{"version": {"0"}, "rows": {"2"}, "p.0.title.ru": {"Доступ к программам обмена шприцев в районах"},
		"p.0.status": {"paar"}, "p.1.title.ru": {"Жилье"}, "p.1.status": {"not_included"}, "p.1.reason.ru": {"Не входит в мандат Глобального фонда"}}); p.Status != http.StatusSeeOther {
		t.Fatalf("priorities save: %d\n%s", p.Status, p.Body)
	}
	owner.get("/proposals/new")
	p := owner.post("/proposals", url.Values{"template": {"clm-proposal"}, "title": {"Мониторинг силами сообщества"}, "country": {"Кыргызстан"}, "language": {"ru"}})
	if p.Status != http.StatusSeeOther {
		t.Fatalf("create CLM proposal: %d", p.Status)
	}
	return owner, id, p.Location[len("/proposals/"):]
}

var versionInput = regexp.MustCompile(`name="version" value="(\d+)"`)

// saveText saves the section's first text field through the form, at the section's current version.
func saveText(v *visitor, sec, text string) {
	v.t.Helper()
	m := versionInput.FindStringSubmatch(v.get(sec).Body)
	if m == nil {
		v.t.Fatalf("no version on %s", sec)
	}
	if p := v.post(sec, url.Values{"version": {m[1]}, "t.hiv-hcv-epidemiology.ru": {text}}); p.Status != http.StatusSeeOther {
		v.t.Fatalf("save %s: %d\n%s", sec, p.Status, p.Body)
	}
}

func sessionTokenOf(t *testing.T, s *testSite, v *visitor) string {
	t.Helper()
	u, _ := url.Parse(s.srv.URL)
	for _, c := range v.client.Jar.Cookies(u) {
		if c.Name == httpkit.SessionCookie {
			return c.Value
		}
	}
	t.Fatal("the visitor has no session cookie")
	return ""
}

// layoutTab is one tab of the shared browser, kept at one window size.
type layoutTab struct {
	*browser
	width, height int64
}

// newLayoutTabs starts one Chromium with two tabs in one browser context (so they share cookies): a
// 390×844 phone and a 1366×900 laptop. Both are desktop viewports: a mobile one would zoom out to fit a
// too-wide page, and innerWidth would grow with it, hiding the fault this test looks for.
func newLayoutTabs(t *testing.T, s *testSite, chrome, dir string) (phone, laptop *layoutTab) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1366, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true)}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	first, cancelFirst := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelFirst(); cancelAlloc() })
	tab := func(ctx context.Context, w, h int64) *layoutTab {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil { // starts the browser or tab: no timeout
			t.Fatalf("start Chromium: %v", err)
		}
		lt := &layoutTab{browser: &browser{t: t, ctx: ctx, base: s.srv.URL, dir: dir}, width: w, height: h}
		lt.do(chromedp.EmulateViewport(w, h))
		return lt
	}
	phone = tab(first, 390, 844)
	// Only now, with the browser running, does a child context open a tab in it rather than a second browser.
	second, cancelSecond := chromedp.NewContext(first)
	t.Cleanup(cancelSecond)
	return phone, tab(second, 1366, 900)
}

func (b *layoutTab) setCookie(name, value string) {
	b.t.Helper()
	run(b.browser, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, network.SetCookie, network.SetCookieParams{Name: name, Value: value, URL: b.base, Path: "/"})
		return chromedp.Void{}, err
	})
}

func (b *layoutTab) deleteCookie(name string) {
	b.t.Helper()
	run(b.browser, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, network.DeleteCookies, network.DeleteCookiesParams{Name: name, URL: b.base})
		return chromedp.Void{}, err
	})
}

func (b *layoutTab) open(path string) {
	b.t.Helper()
	b.browser.open(path)
	b.waitFor(`document.readyState === "complete"`)
}

// check opens a page, checks its width (and, for a section on a phone, its first input) and keeps a
// screenshot named by page, width and language.
func (b *layoutTab) check(pg layoutPage, lang string) {
	b.t.Helper()
	b.open(pg.path)
	if got := b.eval(`document.documentElement.lang`); got != lang {
		b.t.Errorf("%s at %d: the page is in %q, want %q", pg.name, b.width, got, lang)
	}
	b.fits(pg.name + " (" + lang + ")")
	if b.width < 600 && (pg.name == "section" || pg.name == "section-table") {
		b.firstInputOnScreen(pg.name + " (" + lang + ")")
	}
	b.axe(pg.name + " (" + lang + ")")
	b.shot(fmt.Sprintf("%s-%d-%s", pg.name, b.width, lang))
}

// axe runs axe-core on the page when IDUIT_AXE names its axe.min.js (npm i axe-core): an optional
// accessibility check for a developer's machine, as CI has no npm packages. Each violation fails.
func (b *layoutTab) axe(what string) {
	b.t.Helper()
	path := os.Getenv("IDUIT_AXE")
	if path == "" {
		return
	}
	src, err := os.ReadFile(path)
	if err != nil {
		b.t.Fatal(err)
	}
	b.eval(string(src) + `; ""`)
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	found, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
	  r.violations.map(v => v.id + " on " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")).join("; "))`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("axe on %s: %v", what, err)
	}
	if found != "" {
		b.t.Errorf("%s at %d px: axe finds %s", what, b.width, found)
	}
}

// fits fails when the page scrolls sideways: the document is wider than the window.
func (b *layoutTab) fits(what string) {
	b.t.Helper()
	got := b.eval(`document.documentElement.scrollWidth + " " + window.innerWidth`)
	var scroll, inner int
	if _, err := fmt.Sscan(got, &scroll, &inner); err != nil {
		b.t.Fatalf("%s: %q: %v", what, got, err)
	}
	if scroll > inner {
		b.t.Errorf("%s at %d px: the page is %d px wide, wider than the %d px window; widest: %s", what, b.width, scroll, inner,
			b.eval(widestElement))
	}
}

// widestElement names the deepest element that reaches past the window's right edge, to say what to fix.
const widestElement = `(() => { let worst = null;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && !el.closest(".table-wrap, .tabs") && (!worst || worst.contains(el))) { worst = el; }
  }
  return worst ? worst.tagName.toLowerCase() + (worst.id ? "#" + worst.id : "") + "." + String(worst.className).replace(/ /g, ".") +
    " right=" + Math.round(worst.getBoundingClientRect().right) : "none outside a scroll box"; })()`

// firstInputOnScreen fails when the section's first input starts below the phone's first screen.
func (b *layoutTab) firstInputOnScreen(what string) {
	b.t.Helper()
	top := b.eval(`String(Math.round(document.querySelector("#section-form .field :is(input:not([type=hidden]), textarea, select)").getBoundingClientRect().top + window.scrollY))`)
	if n, err := strconv.Atoi(top); err != nil || n >= phoneFold {
		b.t.Errorf("%s at %d px: the first input starts %s px down, below the first %d px", what, b.width, top, phoneFold)
	}
}

// conflictView opens the section, lets someone else save the same field, then submits the page's form
// without its script, as a browser without JavaScript would: the answer is the side-by-side conflict page.
func (b *layoutTab) conflictView(other *visitor, id, sec, lang string) {
	b.t.Helper()
	path := "/proposals/" + id + "/sections/" + sec
	b.open(path)
	saveText(other, path, "Текст, сохраненный в другой вкладке, пока вы писали свой: "+lang+strconv.FormatInt(b.width, 10))
	b.eval(`(() => { const f = document.getElementById("section-form");
	  f.elements["t.hiv-hcv-epidemiology.ru"].value = "Мой текст, написанный на телефоне, длиннее, чем их.";
	  HTMLFormElement.prototype.submit.call(f); return ""; })()`)
	b.waitFor(`document.getElementById("conflict") !== null && document.readyState === "complete"`)
	b.fits("conflict (" + lang + ")")
	b.axe("conflict (" + lang + ")")
	b.shot(fmt.Sprintf("conflict-%d-%s", b.width, lang))
}

// liveConflict types on the page after someone else saved the same field: autosave gets a 412 and the
// script puts their text beside the writer's. Keeping the writer's text ends it, so that no draft is left
// for the pages opened after.
func (b *layoutTab) liveConflict(other *visitor, id, sec string) {
	b.t.Helper()
	path := "/proposals/" + id + "/sections/" + sec
	b.open(path)
	saveText(other, path, "Другая вкладка сохранила это поле, пока здесь печатали.")
	b.typeText("field-hiv-hcv-epidemiology-ru", " И еще одно предложение.")
	b.waitFor(`document.querySelector(".conflict-panel textarea") !== null`)
	b.fits("live conflict")
	b.shot(fmt.Sprintf("conflict-live-%d-ru", b.width))
	b.click(`.conflict-actions button`, `document.getElementById("save-state").classList.contains("is-saved")`)
}
