package api

import "testing"

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
