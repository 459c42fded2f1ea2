package api

import (
	"encoding/json"
	"strings"
	"testing"

	"iduit/templates"
)

// A bilingual proposal keeps its title, country and network in both languages: POST takes both, GET
// answers both, PATCH writes only the members sent (guarded by If-Match), and changing the working
// language keeps each text with its language. A one-language proposal refuses a translation and answers
// as it always did.
func TestProposalTextsInBothLanguages(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		body := map[string]any{"template": testTemplate, "title": "Снижение вреда в Бишкеке", "language": "ru", "country": "Кыргызстан",
			"bilingual": true, "title_translation": "Harm reduction in Bishkek", "country_translation": "Kyrgyzstan"}
		created := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201)
		id, base := created.str("id"), "/api/v1/proposals/"+created.str("id")
		got := a.do(t, call{method: "GET", path: base, token: owner.token}).want(200).json()
		if got["title_translation"] != "Harm reduction in Bishkek" || got["country_translation"] != "Kyrgyzstan" || got["title"] != "Снижение вреда в Бишкеке" {
			t.Fatalf("GET %v", got)
		}
		if _, ok := got["network_translation"]; ok {
			t.Errorf("an untranslated network is answered: %v", got["network_translation"])
		}

		etag := created.Header().Get("ETag")
		patched := a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"network": "ЕСЛУН", "network_translation": "ENPUD"},
			header: map[string]string{"If-Match": etag}}).want(200)
		p := patched.json()
		if p["network_translation"] != "ENPUD" || p["network"] != "ЕСЛУН" || p["title_translation"] != "Harm reduction in Bishkek" || p["country"] != "Кыргызстан" {
			t.Fatalf("PATCH wrote more or less than sent: %v", p)
		}
		a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"title_translation": "Stale"},
			header: map[string]string{"If-Match": etag}}).want(412)
		a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"title_translation": "No guard"}}).want(428)
		if again := a.do(t, call{method: "GET", path: base, token: owner.token}).json(); again["title_translation"] != "Harm reduction in Bishkek" {
			t.Fatalf("a refused PATCH wrote: %v", again["title_translation"])
		}

		swapped := a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"language": "en"},
			header: map[string]string{"If-Match": patched.Header().Get("ETag")}}).want(200).json()
		if swapped["title"] != "Harm reduction in Bishkek" || swapped["title_translation"] != "Снижение вреда в Бишкеке" ||
			swapped["network"] != "ENPUD" || swapped["network_translation"] != "ЕСЛУН" {
			t.Fatalf("after the working language changed: %v", swapped)
		}

		mono := map[string]any{"template": testTemplate, "title": "Снижение вреда", "language": "ru", "country": "Кыргызстан", "title_translation": "Harm reduction"}
		refused := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: mono}).want(400)
		if fields := refused.problemFields(); len(fields) != 1 || fields[0] != "title_translation" {
			t.Fatalf("a one-language proposal's translation: %v", fields)
		}
		delete(mono, "title_translation")
		one := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: mono}).want(201).json()
		for _, k := range []string{"title_translation", "country_translation", "network_translation"} {
			if _, ok := one[k]; ok {
				t.Errorf("a one-language proposal answers %s", k)
			}
		}

		// The export carries the translations, and an import takes them back; a file written before they
		// existed imports as untranslated.
		exported := a.do(t, call{method: "GET", path: base + "/export", token: owner.token}).want(200).Body.Bytes()
		var file map[string]any
		if err := json.Unmarshal(exported, &file); err != nil {
			t.Fatal(err)
		}
		if pr := file["proposal"].(map[string]any); pr["title_translation"] != "Снижение вреда в Бишкеке" || pr["network_translation"] != "ЕСЛУН" {
			t.Fatalf("export %v", pr)
		}
		imported := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: file}).want(201).json()["proposal"].(map[string]any)
		if imported["title_translation"] != "Снижение вреда в Бишкеке" || imported["country_translation"] != "Кыргызстан" || imported["id"] == id {
			t.Fatalf("import %v", imported)
		}
		old := file["proposal"].(map[string]any)
		for _, k := range []string{"title_translation", "country_translation", "network_translation"} {
			delete(old, k)
		}
		old["id"] = "older-file"
		older := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: file,
			header: map[string]string{"Idempotency-Key": "older-file"}}).want(201).json()["proposal"].(map[string]any)
		if _, ok := older["title_translation"]; ok || older["title"] != "Harm reduction in Bishkek" {
			t.Fatalf("an export without translations imported as %v", older)
		}
	})
}

// A bilingual proposal whose title or country is in one language only is not ready: the check names the
// missing side (an error, as for a required field's text) and "final" is refused; a network in one
// language is a warning.
func TestOneLanguageTitleBlocksFinal(t *testing.T) {
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := catalogue.Latest(testTemplate)
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := walkToReady(t, a, owner, tpl, true)
		base := "/api/v1/proposals/" + id
		etag := a.do(t, call{method: "GET", path: base, token: owner.token}).want(200).Header().Get("ETag")
		a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"title_translation": " ", "network": "ЕСЛУН"},
			header: map[string]string{"If-Match": etag}}).want(200)
		errs, warns := checkIssues(t, a, owner.token, id)
		is := findIssue(errs, "proposal", "title_translation", "one_language")
		if is == nil || !strings.Contains(is.Message, "английском") {
			t.Fatalf("errors %v", errs)
		}
		if findIssue(warns, "proposal", "network_translation", "one_language") == nil || findIssue(errs, "proposal", "country_translation", "one_language") != nil {
			t.Fatalf("warnings %v, errors %v", warns, errs)
		}
		reviewer := a.signUp(t, "Reviewer")
		a.addMember(t, owner, id, reviewer, "reviewer")
		a.do(t, call{method: "POST", path: base + "/status", token: owner.token, body: map[string]string{"status": "in_review"}}).want(200)
		a.do(t, call{method: "POST", path: base + "/status", token: reviewer.token, body: map[string]string{"status": "approved"}}).want(200)
		a.do(t, call{method: "POST", path: base + "/status", token: owner.token, body: map[string]string{"status": "final"}}).want(422)
		etag = a.do(t, call{method: "GET", path: base, token: owner.token}).want(200).Header().Get("ETag")
		a.do(t, call{method: "PATCH", path: base, token: owner.token, body: map[string]any{"title_translation": "The way", "network_translation": "ENPUD"},
			header: map[string]string{"If-Match": etag}}).want(200)
		if errs, warns := checkIssues(t, a, owner.token, id); len(errs)+len(warns) != 0 {
			t.Fatalf("translated, the check still finds %v %v", errs, warns)
		}
		a.do(t, call{method: "POST", path: base + "/status", token: owner.token, body: map[string]string{"status": "final"}}).want(200)
	})
}
