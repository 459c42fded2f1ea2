package web

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"iduit/domain"
	"iduit/service"
)

// sectionBudget is the most a section page may transfer on its first load, CSS and script included:
// people draft on slow, metered connections.
const sectionBudget = 100 * 1024

// findChromium returns Debian's Chromium. Without it the browser test skips on a developer's machine but
// fails under CI=true, where a skipped browser test would prove nothing.
func findChromium(t *testing.T) string {
	for _, name := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but Chromium is not installed (apt-get install chromium): the browser test cannot run")
	}
	t.Skip("Chromium is not installed; the browser test needs /usr/bin/chromium")
	return ""
}

// browser is one person's browser context: its own cookies and storage, sharing the Chromium process.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string
}

func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

func run[T any](b *browser, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return v
}

func (b *browser) open(path string) { b.t.Helper(); b.do(chromedp.Navigate(b.base + path)) }

// waitFor evaluates a JavaScript condition until it holds. It retries through errors because a click
// that submits a form destroys the page the condition was being evaluated in.
func (b *browser) waitFor(expr string) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")"))
		cancel()
		if err == nil && ok {
			return
		}
		lastErr = err
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatalf("waited 20s for %s (last error: %v); page: %s", expr, lastErr, b.eval(`location.href + " " + document.title + " state=" + (document.getElementById("save-state")||{}).className + ":" + (document.getElementById("save-state")||{}).textContent`))
}

// click clicks an element and waits until the condition holds on the page that follows.
func (b *browser) click(sel, then string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel)))
	b.waitFor(then)
}

// shot keeps a full-page screenshot as a test artefact, for a person to look at.
// Right after a navigation Chromium can report a zero-width layout for a moment ("Cannot take screenshot
// with 0 width"), so it retries; a screenshot is an artefact for people, not a check, so one that still
// fails is logged rather than failing the scenario.
func (b *browser) shot(name string) {
	b.t.Helper()
	var lastErr error
	for range 5 {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err == nil {
			if err := os.WriteFile(filepath.Join(b.dir, name+".png"), png, 0o644); err != nil {
				b.t.Fatal(err)
			}
			return
		}
		lastErr = err
		time.Sleep(250 * time.Millisecond)
	}
	b.t.Logf("screenshot %s not taken: %v", name, lastErr)
}

// typeText puts the caret at the end of a text box and types as an input method would: one input event
// per call, which is how a phone keyboard or a paste arrives.
func (b *browser) typeText(id, text string) {
	b.t.Helper()
	b.eval(`(() => { const el = document.getElementById("` + id + `"); el.focus(); el.setSelectionRange(el.value.length, el.value.length); return ""; })()`)
	run(b, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return chromedp.Void{}, err
	})
}

func (b *browser) eval(expr string) string {
	b.t.Helper()
	return run(b, chromedp.Evaluate[string](expr))
}

func (b *browser) setNetwork(offline bool) {
	b.t.Helper()
	run(b, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var conds []*network.Conditions
		if offline {
			conds = []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}
		}
		if _, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: conds}); err != nil {
			return chromedp.Void{}, err
		}
		_, err := cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
		return chromedp.Void{}, err
	})
}

func newBrowsers(t *testing.T, site *testSite, chrome string) (writer, reviewer *browser) {
	dir := screenshotDir(t)
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chrome), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "en-US")}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	wctx, cancelW := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelW(); cancelAlloc() })
	start := func(ctx context.Context) { // the first run starts the browser or tab: no timeout on it
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatalf("start Chromium: %v", err)
		}
	}
	start(wctx)
	rctx, cancelR := chromedp.NewContext(wctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelR)
	start(rctx)
	return &browser{t: t, ctx: wctx, base: site.srv.URL, dir: dir}, &browser{t: t, ctx: rctx, base: site.srv.URL, dir: dir}
}

// TestBrowserScenario drives real Chromium through a drafting round: sign up, switch to Russian, create a
// proposal, type a section and watch autosave reach "saved", survive going offline and a conflict, take a
// reviewer's comment from a second browser, resolve it, run the check and read the history.
func TestBrowserScenario(t *testing.T) {
	chrome := findChromium(t)
	eachSite(t, func(t *testing.T, s *testSite) {
		w, r := newBrowsers(t, s, chrome)
		email := signUpInBrowser(w, "Айгуль Писатель")
		reviewerEmail := signUpInBrowser(r, "Reviewer Partner")

		w.click(`button[name="lang"][value="ru"]`, `document.documentElement.lang === "ru"`)
		w.shot("02-proposals-ru")
		w.click(`a[href="/proposals/new"]`, `document.getElementById("title") !== null`)
		w.shot("03-new-proposal")
		w.do(chromedp.Click(chromedp.ID("tpl-gf-concept-note-pwid")), chromedp.SendKeys(chromedp.ID("title"), "Снижение вреда в Бишкеке"), chromedp.SendKeys(chromedp.ID("country"), "Кыргызстан"))
		w.click(`form[action="/proposals"] button.primary`, `document.querySelector(".sections") !== null`)
		id := strings.TrimPrefix(w.eval(`location.pathname`), "/proposals/")
		w.shot("04-overview")

		sec := "/proposals/" + id + "/sections/epidemiology"
		measureSectionPage(w, sec)
		text := "По данным исследования 2023 года распространенность ВИЧ среди ЛУИН составила 7 процентов."
		w.typeText("field-hiv-hcv-epidemiology-ru", text)
		w.waitFor(`document.getElementById("save-state").classList.contains("is-saved")`)
		if got := w.eval(`document.getElementById("save-state").textContent`); !strings.Contains(got, "сохранены") {
			t.Errorf("save state after autosave: %q", got)
		}
		w.shot("05-section-saved")
		offlineDraft(w, s, email, id)
		offlineReload(w, id)
		csrfAfterRestart(w, s, email, id)
		conflictInBrowser(w, s, email, id)

		w.open("/proposals/" + id + "/members")
		w.do(chromedp.SendKeys(chromedp.ID("m-email"), reviewerEmail), chromedp.SetValue(chromedp.ID("m-role"), "reviewer"))
		w.click(`form[action$="/members"] button.primary`, `document.querySelector(".flash") !== null`)
		w.shot("06-members")

		w.open("/proposals/" + id + "/budget")
		w.do(chromedp.SetValue(chromedp.ID("l0-module"), "pwid-prevention"), chromedp.SetValue(chromedp.ID("l0-intervention"), "needle-syringe-programs"),
			chromedp.SetValue(chromedp.ID("l0-cost_grouping"), "human-resources"), chromedp.SendKeys(chromedp.ID("l0-description"), "Аутрич-работники"),
			chromedp.SendKeys(chromedp.ID("l0-y0"), "12 000,50"))
		w.click(`#save-button`, `document.querySelector(".summary") !== null`)
		w.shot("06b-budget")

		r.open(sec)
		r.do(chromedp.SetValue(chromedp.ID("c-field"), "hiv-hcv-epidemiology"), chromedp.SendKeys(chromedp.ID("c-quote"), "распространенность ВИЧ"),
			chromedp.SendKeys(chromedp.ID("c-body"), "Please add the source: which survey, which year?"))
		r.click(`form.new-comment button`, `document.querySelector(".thread blockquote") !== null`)
		r.shot("07-reviewer-comment")

		w.open(sec)
		w.waitFor(`document.querySelector(".thread") !== null`)
		w.click(`.thread form[action$="/resolve"] button`, `document.querySelector("details.resolved") !== null && document.querySelector(".thread.is-resolved") !== null`)
		w.shot("08-comment-resolved")

		w.open("/proposals/" + id + "/check")
		w.shot("09-check")
		w.click(`.issues a`, `location.hash.startsWith("#field-") && location.pathname.includes("/sections/")`)

		w.open(sec + "/history")
		w.click(`.revisions a`, `document.querySelector(".diff ins") !== null`)
		w.shot("10-history-diff")

		w.do(chromedp.EmulateViewport(390, 844))
		w.open(sec)
		w.shot("11-section-phone")
	})
}

func signUpInBrowser(b *browser, name string) string {
	b.t.Helper()
	email := "browser." + domain.NewID()[:10] + "@example.org" // the PostgreSQL database outlives one run
	b.open("/")
	b.waitFor(`location.pathname === "/signin"`)
	if name != "Reviewer Partner" {
		b.shot("01-signin")
	}
	b.click(`a[href^="/signup"]`, `document.getElementById("name") !== null`)
	b.do(chromedp.SendKeys(chromedp.ID("name"), name), chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), "correct horse battery"))
	b.click(`form[action="/signup"] button`, `location.pathname === "/proposals"`)
	return email
}

// measureSectionPage loads the section page with the cache off and adds up what crossed the network.
func measureSectionPage(b *browser, path string) {
	b.t.Helper()
	setCache := func(disabled bool) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
				return chromedp.Void{}, err
			}
			if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: disabled}); err != nil {
				return chromedp.Void{}, err
			}
			// The service worker would answer from its own cache: a first load is measured without it.
			_, err := cdp.Call(ctx, t, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: disabled})
			return chromedp.Void{}, err
		}
	}
	b.do(setCache(true))
	b.open(path)
	b.waitFor(`document.readyState === "complete"`)
	total := run(b, chromedp.Evaluate[float64](`performance.getEntriesByType("navigation")[0].transferSize +
		performance.getEntriesByType("resource").reduce((n, r) => n + r.transferSize, 0)`))
	b.do(setCache(false))
	b.t.Logf("section page, first load: %.0f bytes transferred (budget %d)", total, sectionBudget)
	if total <= 0 || total > sectionBudget {
		b.t.Errorf("section page transferred %.0f bytes; the budget is %d", total, sectionBudget)
	}
}

// offlineDraft types while the network is down: the page says so and keeps the text on the device, then
// saves it when the connection returns.
func offlineDraft(b *browser, s *testSite, email, id string) {
	b.t.Helper()
	b.setNetwork(true)
	b.typeText("field-data-gaps-ru", "Нет данных о женщинах.")
	b.waitFor(`document.getElementById("save-state").classList.contains("is-offline")`)
	if d := b.eval(`localStorage.getItem("iduit:draft:` + id + `/epidemiology") || ""`); !strings.Contains(d, "женщинах") {
		b.t.Errorf("offline draft not kept on the device: %q", d)
	}
	b.shot("05b-offline")
	b.setNetwork(false)
	b.waitFor(`document.getElementById("save-state").classList.contains("is-saved")`)
	sec := sectionAs(b.t, s, email, id)
	if !strings.Contains(string(sec.Fields["data-gaps"]), "женщинах") {
		b.t.Errorf("the offline text did not reach the server: %s", sec.Fields["data-gaps"])
	}
}

// conflictInBrowser saves the same field from elsewhere, then types on the page: the page shows both
// texts, keeps the writer's, and "keep my text" saves it over the other.
func conflictInBrowser(b *browser, s *testSite, email, id string) {
	b.t.Helper()
	user := userByEmail(b.t, s, email)
	cur := sectionAs(b.t, s, email, id)
	fields := domain.Fields{}
	for k, v := range cur.Fields {
		fields[k] = v
	}
	fields["hiv-hcv-epidemiology"] = json.RawMessage(`"Текст, сохраненный в другой вкладке."`)
	if _, err := s.svc.SaveSection(context.Background(), service.AccessOf(user), service.SaveSectionInput{ProposalID: id, Key: "epidemiology", ExpectedVersion: cur.Version, Fields: fields}); err != nil {
		b.t.Fatal(err)
	}
	b.typeText("field-hiv-hcv-epidemiology-ru", " Источник: ИБПИ.")
	b.waitFor(`document.querySelector(".conflict-panel textarea") !== null`)
	if theirs := b.eval(`document.querySelector(".conflict-panel textarea").value`); !strings.Contains(theirs, "другой вкладке") {
		b.t.Errorf("conflict panel shows %q", theirs)
	}
	b.shot("05c-conflict")
	b.click(`.conflict-actions button`, `document.getElementById("save-state").classList.contains("is-saved")`)
	if got := string(sectionAs(b.t, s, email, id).Fields["hiv-hcv-epidemiology"]); !strings.Contains(got, "ИБПИ") {
		b.t.Errorf("keeping my text did not save it: %s", got)
	}
}

func userByEmail(t *testing.T, s *testSite, email string) domain.User {
	t.Helper()
	token, _, err := s.svc.SignIn(context.Background(), email, "correct horse battery", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	_, u, err := s.svc.Authenticate(context.Background(), token)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func sectionAs(t *testing.T, s *testSite, email, id string) domain.Section {
	t.Helper()
	sec, err := s.svc.Section(context.Background(), service.AccessOf(userByEmail(t, s, email)), id, "epidemiology")
	if err != nil {
		t.Fatal(err)
	}
	return sec
}

// offlineReload goes offline with a section open, types, reloads and presses Save: the page comes back
// from the service worker with the typed text, and Save keeps the text and says it will be sent.
func offlineReload(b *browser, id string) {
	b.t.Helper()
	sec := "/proposals/" + id + "/sections/epidemiology"
	b.open(sec) // a page loaded under the worker's control (the size measure bypassed it), so it is kept
	b.waitFor(`document.getElementById("save-state") !== null && navigator.serviceWorker.controller !== null`)
	b.setNetwork(true)
	b.typeText("field-data-gaps-ru", " Офлайн-черновик.")
	b.waitFor(`document.getElementById("save-state").classList.contains("is-offline")`)
	b.do(chromedp.Reload())
	b.waitFor(`document.getElementById("field-data-gaps-ru") !== null && document.getElementById("field-data-gaps-ru").value.includes("Офлайн-черновик")`)
	b.shot("05d-offline-reload")
	b.do(chromedp.Click(chromedp.ID("save-button")))
	b.waitFor(`document.getElementById("save-state").classList.contains("is-queued")`)
	if got := b.eval(`document.getElementById("save-state").textContent`); !strings.Contains(got, "будет отправлен") {
		b.t.Errorf("Save offline says %q", got)
	}
	if got := b.eval(`document.getElementById("field-data-gaps-ru").value`); !strings.Contains(got, "Офлайн-черновик") {
		b.t.Errorf("Save offline lost the text: %q", got)
	}
	b.shot("05e-offline-save")
	b.setNetwork(false)
	b.waitFor(`document.getElementById("save-state").classList.contains("is-saved")`)
	// Online, Save posts through the service worker and lands on the saved page as without it.
	b.click(`#save-button`, `document.querySelector(".flash") !== null && location.pathname.endsWith("/sections/epidemiology")`)
}

// csrfAfterRestart restarts the site's pages with a new CSRF secret while a section is open: autosave is
// refused once, fetches the session's new token and saves.
func csrfAfterRestart(b *browser, s *testSite, email, id string) {
	b.t.Helper()
	s.restartPages()
	b.typeText("field-data-gaps-ru", " После перезапуска.")
	b.waitFor(`document.getElementById("save-state").classList.contains("is-saved")`)
	if got := string(sectionAs(b.t, s, email, id).Fields["data-gaps"]); !strings.Contains(got, "После перезапуска") {
		b.t.Errorf("after a restart the text did not reach the server: %s", got)
	}
}
