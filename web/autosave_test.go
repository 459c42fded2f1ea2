package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// autosave sends what the page's script sends: the whole form, the field to save, If-Match and the
// CSRF header. Every refusal must be a problem document, as the API's are.
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
	if ct := p.Header.Get("Content-Type"); p.Status >= 400 && (ct != "application/problem+json" || out["status"] != float64(p.Status)) {
		v.t.Errorf("autosave answered %d as %q: %s; want application/problem+json with its status", p.Status, ct, p.Body)
	}
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
		// The script asks for a new token when the problem's code is "csrf".
		if status, body := v.autosave(sec, form, "hiv-hcv-epidemiology", `"2"`, ""); status != http.StatusForbidden ||
			body["type"] != "urn:iduit:problem:forbidden" || body["code"] != "csrf" {
			t.Errorf("autosave without the CSRF header: %d %v, want 403 with code csrf", status, body)
		}
		if status, body := v.autosave(sec, form, "hiv-hcv-epidemiology", "", v.csrf); status != http.StatusPreconditionRequired ||
			body["type"] != "urn:iduit:problem:precondition_required" {
			t.Errorf("autosave without If-Match: %d %v, want 428", status, body)
		}
		// A count that is not a number: the problem names the field's key (the script finds the box by
		// it) and says what is wrong in the reader's language.
		bad := url.Values{"version": {"2"}, "f.pwid-size-estimate": {"много"}}
		if status, body := v.autosave(sec, bad, "pwid-size-estimate", `"2"`, v.csrf); status != http.StatusBadRequest ||
			body["type"] != "urn:iduit:problem:invalid" || !strings.Contains(mustJSONString(body["errors"]), `"field":"pwid-size-estimate"`) {
			t.Errorf("autosave of a count that is not a number: %d %v, want 400 naming the field", status, body)
		}
		form.Set("t.hiv-hcv-epidemiology.ru", "Другой текст с версии 1")
		status, body = v.autosave(sec, form, "hiv-hcv-epidemiology", `"1"`, v.csrf)
		if status != http.StatusPreconditionFailed || body["type"] != "urn:iduit:problem:precondition_failed" || body["current_version"] != 2.0 {
			t.Fatalf("stale autosave: %d %v, want 412 at version 2", status, body)
		}
		if !strings.Contains(mustJSONString(body["fields"]), "Первый и второй") {
			t.Errorf("the conflict answer does not carry the other text: %v", body)
		}
	})
}

func mustJSONString(v any) string { b, _ := json.Marshal(v); return string(b) }
