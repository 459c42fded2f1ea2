package web

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// latinSentence is three or more English-looking words in a row: what leaks when a message is not in
// the catalogue. Codes, field keys and single words (a currency, "English") do not match.
var latinSentence = regexp.MustCompile(`[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}`)

// messageBlocks are the parts of a page that carry messages to the reader: field errors, error boxes,
// the problem lists and the error page's explanation.
var messageBlocks = regexp.MustCompile(`(?s)<(p|ul|div|span|td)[^>]*class="[^"]*(?:error|problems|errors)[^"]*"[^>]*>(.*?)</(?:p|ul|div|span|td)>`)

var tags = regexp.MustCompile(`<[^>]*>`)

// messagesOf returns the reader-facing message text of a page.
func messagesOf(body string) []string {
	var out []string
	for _, m := range messageBlocks.FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(tags.ReplaceAllString(m[2], " ")))
	}
	return out
}

// TestRussianMessagesOnly renders every error kind the pages can show to a Russian reader — from the
// page's own parsing, the service and the storage — and finds no English sentence in them.
func TestRussianMessagesOnly(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		ru := func(v *visitor) *visitor {
			u, _ := url.Parse(s.srv.URL)
			v.client.Jar.SetCookies(u, []*http.Cookie{{Name: langCookie, Value: "ru"}})
			return v
		}
		check := func(what string, p page, wantStatus int) {
			t.Helper()
			if p.Status != wantStatus {
				t.Errorf("%s: status %d, want %d", what, p.Status, wantStatus)
				return
			}
			msgs := messagesOf(p.Body)
			if strings.Contains(p.Body, `class="problems"`) || strings.Contains(p.Body, "error-detail") {
				// the error page: its whole main is messages
				if m := regexp.MustCompile(`(?s)<main[^>]*>(.*?)</main>`).FindStringSubmatch(p.Body); m != nil {
					msgs = append(msgs, html.UnescapeString(tags.ReplaceAllString(regexp.MustCompile(`(?s)<textarea.*?</textarea>|<code>.*?</code>`).ReplaceAllString(m[1], ""), " ")))
				}
			}
			if len(msgs) == 0 {
				t.Errorf("%s: no message shown", what)
			}
			for _, m := range msgs {
				if l := latinSentence.FindString(m); l != "" {
					t.Errorf("%s: English in a Russian message: %q in %q", what, l, strings.Join(strings.Fields(m), " "))
				}
			}
		}

		anon := ru(s.visitor())
		anon.get("/signup")
		check("sign-up, short password", anon.post("/signup", url.Values{"name": {"Аня"}, "email": {"anya@example.org"}, "password": {"abc"}}), http.StatusBadRequest)
		check("sign-up, common password", anon.post("/signup", url.Values{"name": {"Аня"}, "email": {"anya@example.org"}, "password": {"password123"}}), http.StatusBadRequest)
		anon.get("/signin")
		check("sign-in", anon.post("/signin", url.Values{"email": {"nobody@example.org"}, "password": {"wrong password"}}), http.StatusUnauthorized)

		owner := ru(s.visitor())
		owner.signUp("Аида")
		id := owner.createProposal("Только по-русски", "ru", false)
		base := "/proposals/" + id

		sec := base + "/sections/epidemiology"
		owner.get(sec)
		check("section save, not a number", owner.post(sec, url.Values{"version": {"0"}, "f.pwid-size-estimate": {"много"}}), http.StatusBadRequest)
		check("comment without text", owner.post(sec+"/comments", url.Values{"body": {" "}}), http.StatusBadRequest)
		check("comment quoting without a field", owner.post(sec+"/comments", url.Values{"body": {"Вопрос"}, "quote": {"цитата"}}), http.StatusBadRequest)

		owner.get(base + "/budget")
		badBudget := budgetPost("0")
		badBudget.Set("l.0.amount.0", "тридцать")
		check("budget row", owner.post(base+"/budget", badBudget), http.StatusBadRequest)
		if p := owner.post(base+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("budget save: %d", p.Status)
		}
		owner.get(base + "/indicators")
		check("indicators row", owner.post(base+"/indicators", url.Values{"version": {"0"}, "rows": {"1"}, "gap_rows": {"0"},
			"i.0.code": {"KP-1d"}, "i.0.b.value": {"сорок"}, "i.0.b.year": {"2025"}, "i.0.b.source": {"IBBS"}}), http.StatusBadRequest)

		owner.get(base + "/members")
		check("members, not an address", owner.post(base+"/members", url.Values{"email": {"не адрес"}, "role": {"editor"}}), http.StatusBadRequest)

		owner.get(base + "/settings")
		badSettings := settingsPost("0")
		badSettings.Set("allocation_amount", "миллион")
		check("settings", owner.post(base+"/settings", badSettings), http.StatusBadRequest)

		owner.get(base + "/interventions")
		badRecords := recordPost("0")
		badRecords.Set("r.1.paar_amount", "полторы тысячи")
		check("interventions", owner.post(base+"/interventions", badRecords), http.StatusBadRequest)

		owner.get(base + "/priorities")
		check("priorities", owner.post(base+"/priorities", url.Values{"version": {"0"}, "rows": {"1"}, "p.0.title.ru": {"Жилье"}, "p.0.status": {"not_included"}}), http.StatusBadRequest)

		owner.get(base + "/ccm-process")
		check("ccm-process", owner.post(base+"/ccm-process", url.Values{"version": {"0"}, "rows": {"1"}, "c.0.date": {"2026-04-14"}, "c.0.place": {"Бишкек"},
			"c.0.participants_total": {"тридцать"}, "meeting_date": {"2026-05-20"}}), http.StatusBadRequest)

		owner.get("/account")
		check("account, time zone", owner.post("/account/timezone", url.Values{"time_zone": {"Mars/Olympus"}}), http.StatusBadRequest)
		check("account, wrong password", owner.post("/account/password", url.Values{"current_password": {"wrong one"}, "new_password": {"a new passphrase"}}), http.StatusBadRequest)

		owner.get(base + "/attachments")
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("csrf", owner.csrf)
		_ = mw.WriteField("title", "Протокол")
		_ = mw.WriteField("kind", "other")
		fw, _ := mw.CreateFormFile("file", "empty.pdf")
		_, _ = fw.Write(nil)
		_ = mw.Close()
		req, _ := http.NewRequest(http.MethodPost, s.srv.URL+base+"/attachments", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		check("attachments, an empty file", owner.do(req), http.StatusBadRequest)
	})
}
