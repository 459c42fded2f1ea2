package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// autosave sends what the page's script sends: the whole form, the field to save, If-Match and the
// CSRF header.
func (v *visitor) autosave(path string, form url.Values, field, ifMatch, token string) (int, map[string]any) {
	v.t.Helper()
	form.Set("only", field)
	req, _ := http.NewRequest(http.MethodPut, v.site.srv.URL+path+"/autosave", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	if token != "" {
		req.Header.Set("X-CSRF-Token", token)
	}
	p := v.do(req)
	var out map[string]any
	_ = json.Unmarshal([]byte(p.Body), &out)
	return p.Status, out
}

func TestAutosave(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.signUp("Aida Writer")
		id := v.createProposal("Autosave", "ru", false)
		sec := "/proposals/" + id + "/sections/epidemiology"
		v.get(sec)
		form := url.Values{"version": {"0"}, "t.hiv-hcv-epidemiology.ru": {"Первый"}}
		status, body := v.autosave(sec, form, "hiv-hcv-epidemiology", `"0"`, v.csrf)
		if status != http.StatusOK || body["version"] != 1.0 {
			t.Fatalf("first autosave: %d %v", status, body)
		}
		form.Set("t.hiv-hcv-epidemiology.ru", "Первый и второй")
		form.Set("base.hiv-hcv-epidemiology", "1")
		status, body = v.autosave(sec, form, "hiv-hcv-epidemiology", `"1"`, v.csrf)
		if status != http.StatusOK || body["version"] != 2.0 {
			t.Fatalf("second autosave: %d %v", status, body)
		}
		if status, _ := v.autosave(sec, form, "hiv-hcv-epidemiology", `"2"`, ""); status != http.StatusForbidden {
			t.Errorf("autosave without the CSRF header: %d, want 403", status)
		}
		if status, _ := v.autosave(sec, form, "hiv-hcv-epidemiology", "", v.csrf); status != http.StatusPreconditionRequired {
			t.Errorf("autosave without If-Match: %d, want 428", status)
		}
		form.Set("t.hiv-hcv-epidemiology.ru", "Другой текст с версии 1")
		status, body = v.autosave(sec, form, "hiv-hcv-epidemiology", `"1"`, v.csrf)
		if status != http.StatusPreconditionFailed {
			t.Fatalf("stale autosave: %d %v, want 412", status, body)
		}
		if !strings.Contains(mustJSONString(body), "Первый и второй") {
			t.Errorf("the conflict answer does not carry the other text: %v", body)
		}
	})
}

func mustJSONString(v any) string { b, _ := json.Marshal(v); return string(b) }
