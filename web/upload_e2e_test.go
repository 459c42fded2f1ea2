package web

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserUploadProgress uploads a 3 MB file through the files page in real Chromium on a link
// throttled to 2 MB/s, at 390 and 1366 px in English and Russian: the <progress> bar moves, its
// live region says the percentage in the page's language up to 100 %, and the page the form's redirect
// names lists the file. (Without the script the form posts as before; web/attachments_test.go covers that.)
func TestBrowserUploadProgress(t *testing.T) {
	chrome := findChromium(t)
	eachSite(t, func(t *testing.T, s *testSite) {
		w, _ := newBrowsers(t, s, chrome)
		signUpInBrowser(w, "Upload Person")
		w.click(`a[href="/proposals/new"]`, `document.getElementById("title") !== null`)
		w.do(chromedp.Click(chromedp.ID("tpl-gf-concept-note-pwid")), chromedp.SendKeys(chromedp.ID("title"), "Harm reduction in Osh"), chromedp.SendKeys(chromedp.ID("country"), "Kyrgyzstan"))
		w.click(`form[action="/proposals"] button.primary`, `document.querySelector(".sections") !== null`)
		id := strings.TrimPrefix(w.eval(`location.pathname`), "/proposals/")
		file := filepath.Join(t.TempDir(), "clm-data.csv")
		if err := os.WriteFile(file, bytes.Repeat([]byte("date,site,contacts,tests\n2026-01-05,Osh,42,17\n"), 3<<20/45), 0o600); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "ru"} {
			if lang == "ru" {
				w.click(`button[name="lang"][value="ru"]`, `document.documentElement.lang === "ru"`)
			}
			for _, width := range []int64{390, 1366} {
				name := fmt.Sprintf("upload-%s-%d", lang, width)
				w.do(chromedp.EmulateViewport(width, 900))
				w.open("/proposals/" + id + "/attachments")
				w.waitFor(`document.getElementById("a-file") !== null`)
				w.throttleUpload(2_000_000)
				run(w, chromedp.Evaluate[bool](`(function () {
					var log = [], el = document.getElementById("a-progress-text");
					new MutationObserver(function () {
						log.push(el.textContent + "|" + document.getElementById("a-progress").value);
						sessionStorage.setItem("upload-log", JSON.stringify(log));
					}).observe(el, {childList: true, characterData: true, subtree: true});
					return true;
				})()`))
				w.do(chromedp.SetUploadFiles(chromedp.ID("a-file"), []string{file}), chromedp.SendKeys(chromedp.ID("a-title"), name))
				w.click(`form[data-upload] button.primary`, `document.getElementById("a-progress").value > 0 && document.getElementById("a-progress").value < 100`)
				w.shot(name + "-progress")
				w.waitFor(`location.search.includes("added=1") && document.querySelector("table.list") && document.querySelector("table.list").textContent.includes(` + fmt.Sprintf("%q", name) + `)`)
				w.throttleUpload(-1)
				w.shot(name + "-done")
				said := w.eval(`sessionStorage.getItem("upload-log") || ""`)
				want := map[string]string{"en": "Uploading: 100 %|100", "ru": "Загрузка: 100 %|100"}[lang]
				if !strings.Contains(said, want) || !strings.Contains(said, "|0") {
					t.Errorf("%s: the live region said %s, want it to go from 0 to %q", name, said, want)
				}
				if strings.Count(said, "|") > 20 {
					t.Errorf("%s: the live region changed %d times; every tenth is enough for a screen reader", name, strings.Count(said, "|"))
				}
			}
		}
		// A refusal shows the server's message in place: a program renamed .pdf is not an accepted type.
		exe := filepath.Join(t.TempDir(), "report.pdf")
		if err := os.WriteFile(exe, append([]byte("MZ\x90\x00\x03"), make([]byte, 200<<10)...), 0o600); err != nil {
			t.Fatal(err)
		}
		w.open("/proposals/" + id + "/attachments")
		w.waitFor(`document.getElementById("a-file") !== null`)
		w.do(chromedp.SetUploadFiles(chromedp.ID("a-file"), []string{exe}))
		w.click(`form[data-upload] button.primary`, `document.querySelector("form[data-upload] .error-box") !== null`)
		if msg := w.eval(`document.querySelector("form[data-upload] .error-box").textContent`); !strings.Contains(msg, "PDF, DOCX") || w.eval(`location.search`) != "" {
			t.Errorf("a refused upload shows %q at %s", msg, w.eval(`location.href`))
		}
		w.shot("upload-ru-1366-refused")
	})
}

// throttleUpload limits the browser's upload rate in bytes a second; -1 lifts the limit.
func (b *browser) throttleUpload(rate float64) {
	b.t.Helper()
	run(b, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		var conds []*network.Conditions
		if rate > 0 {
			conds = []*network.Conditions{{UploadThroughput: rate, DownloadThroughput: -1}}
		}
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: conds})
		return chromedp.Void{}, err
	})
}
