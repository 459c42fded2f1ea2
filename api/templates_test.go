package api

import (
	"strings"
	"testing"
)

func TestTemplates(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		list := a.do(t, call{method: "GET", path: "/api/v1/templates"}).want(200).json()["items"].([]any)
		if len(list) < 2 {
			t.Fatalf("templates %v", list)
		}
		tests := []struct {
			path      string
			status    int
			wantTitle map[string]bool // which languages the title must (true) or must not (false) have
		}{
			{"/api/v1/templates/" + testTemplate, 200, map[string]bool{"en": true, "ru": true}},
			{"/api/v1/templates/" + testTemplate + "?lang=ru", 200, map[string]bool{"en": false, "ru": true}},
			{"/api/v1/templates/" + testTemplate + "?version=1&lang=en", 200, map[string]bool{"en": true, "ru": false}},
			{"/api/v1/templates/" + testTemplate + "?version=99", 404, nil},
			{"/api/v1/templates/" + testTemplate + "?lang=fr", 400, nil},
			{"/api/v1/templates/no-such-template", 404, nil},
		}
		for _, tt := range tests {
			t.Run(tt.path, func(t *testing.T) {
				r := a.do(t, call{method: "GET", path: tt.path}).want(tt.status)
				if tt.status != 200 {
					return
				}
				body := r.json()
				sections := body["sections"].([]any)
				first := sections[0].(map[string]any)
				for lang, present := range tt.wantTitle {
					for _, text := range []any{body["title"], first["title"], first["guidance"]} {
						if _, ok := text.(map[string]any)[lang]; ok != present {
							t.Fatalf("language %s present=%v, want %v in %v", lang, ok, present, text)
						}
					}
				}
			})
		}
	})
}

// A new user meets the current funding request first and gets it when naming no template; the retired
// 2014–2016 concept note is listed last and still opens by name.
func TestDefaultTemplate(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		list := a.do(t, call{method: "GET", path: "/api/v1/templates?lang=en"}).want(200).json()["items"].([]any)
		first, last := list[0].(map[string]any), list[len(list)-1].(map[string]any)
		if first["key"] != "gf-funding-request" || first["default"] != true {
			t.Fatalf("first listed template %v, want the default gf-funding-request", first)
		}
		if last["key"] != "gf-concept-note-pwid" || last["superseded_by"] != "gf-funding-request" {
			t.Fatalf("last listed template %v, want the superseded concept note", last)
		}
		owner := a.signUp(t, "Default")
		body := map[string]string{"title": "Запрос 8-го цикла", "language": "ru", "country": "Kyrgyzstan"}
		p := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).json()
		if p["template"] != "gf-funding-request" || p["template_version"] != float64(1) {
			t.Fatalf("proposal without a template started from %v v%v", p["template"], p["template_version"])
		}
		ws := a.do(t, call{method: "GET", path: "/api/v1/templates/gf-funding-request/worksheet.pdf?lang=ru"}).want(200)
		if text := pdfText(t, ws.Body.Bytes()); !strings.Contains(text, "Как определялись приоритеты") {
			t.Errorf("the funding request's worksheet lacks a Russian question; text starts %q", text[:min(len(text), 300)])
		}
		old := a.newProposal(t, owner) // the concept note, by name
		a.do(t, call{method: "GET", path: "/api/v1/proposals/" + old, token: owner.token}).want(200)
	})
}
