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

// bilingualProposal starts a Russian-first bilingual proposal with its title, country and network in
// both languages, and returns its id.
func bilingualProposal(t *testing.T, a *testAPI, owner account) string {
	t.Helper()
	body := map[string]any{"template": testTemplate, "title": "Снижение вреда в Бишкеке", "language": "ru", "country": "Кыргызстан",
		"network": "ЕСЛУН", "bilingual": true, "title_translation": "Harm reduction in Bishkek", "country_translation": "Kyrgyzstan",
		"network_translation": "ENPUD"}
	return a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
}

// bilingualBudget has a line described in both languages with its implementer, and one described the
// way clients wrote descriptions before they were bilingual: a plain string, the working language's.
func bilingualBudget() map[string]any {
	b := sampleBudget()
	lines := b["lines"].([]map[string]any)
	lines[0]["description"] = map[string]string{"ru": "Координатор сети ЛУИН", "en": "Network coordinator"}
	lines[0]["implementer"] = "ENPUD"
	return b
}

// A budget line's description is kept in both languages of a bilingual proposal (a string sent is the
// working language's), its implementer is kept as typed, and the check reports both what is missing.
func TestBudgetLinesInBothLanguages(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := bilingualProposal(t, a, owner)
		path := "/api/v1/proposals/" + id + "/budget"
		a.do(t, call{method: "PUT", path: path, token: owner.token, body: bilingualBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		var got struct {
			Lines []struct {
				Description map[string]string `json:"description"`
				Implementer *string           `json:"implementer"`
			} `json:"lines"`
		}
		if err := json.Unmarshal(a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if l := got.Lines[0]; l.Description["en"] != "Network coordinator" || l.Description["ru"] != "Координатор сети ЛУИН" || l.Implementer == nil || *l.Implementer != "ENPUD" {
			t.Fatalf("line 1 %+v", l)
		}
		if l := got.Lines[1]; l.Description["ru"] != "Шприцы для ПОШ" || l.Description["en"] != "" || l.Implementer != nil {
			t.Fatalf("line 2 %+v", l)
		}
		errs, warns := checkIssues(t, a, owner.token, id)
		if is := findIssue(errs, "budget", "lines[1].description", "one_language"); is == nil || !strings.Contains(is.Message, "английском") {
			t.Errorf("no error for the line without an English description: %v", errs)
		}
		if findIssue(warns, "budget", "lines[1].implementer", "line_without_implementer") == nil {
			t.Errorf("no warning for the line without an implementer: %v", warns)
		}

		edit := func(f func(l map[string]any)) map[string]any {
			b := bilingualBudget()
			f(b["lines"].([]map[string]any)[0])
			return b
		}
		for _, bad := range []struct {
			name, field string
			body        map[string]any
		}{
			{"a language the proposal has not", "lines[0].description.de", edit(func(l map[string]any) { l["description"] = map[string]string{"de": "Koordinator"} })},
			{"an implementer past a name's length", "lines[0].implementer", edit(func(l map[string]any) { l["implementer"] = strings.Repeat("о", 201) })},
			{"no description in any language", "lines[0].description", edit(func(l map[string]any) { l["description"] = map[string]string{"en": " ", "ru": ""} })},
			{"a description past the limit in one language", "lines[0].description.en", edit(func(l map[string]any) {
				l["description"] = map[string]string{"en": strings.Repeat("a", 501), "ru": "Координатор"}
			})},
		} {
			r := a.do(t, call{method: "PUT", path: path, token: owner.token, body: bad.body, header: map[string]string{"If-Match": `"1"`}}).want(400)
			if fields := r.problemFields(); len(fields) != 1 || fields[0] != bad.field {
				t.Errorf("%s: problems %v, want %s", bad.name, fields, bad.field)
			}
		}

		one := a.newProposal(t, owner) // in Russian only: a description is a string, as it always was
		onePath := "/api/v1/proposals/" + one + "/budget"
		r := a.do(t, call{method: "PUT", path: onePath, token: owner.token, body: bilingualBudget(), header: map[string]string{"If-Match": `"0"`}}).want(400)
		if fields := r.problemFields(); len(fields) != 1 || fields[0] != "lines[0].description" {
			t.Errorf("an object description in a one-language proposal: %v", fields)
		}
		a.do(t, call{method: "PUT", path: onePath, token: owner.token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
		lines := a.do(t, call{method: "GET", path: onePath, token: owner.token}).want(200).json()["lines"].([]any)
		if d := lines[0].(map[string]any)["description"]; d != "Координатор сети ЛУИН" {
			t.Errorf("a one-language proposal's description reads %v", d)
		}
	})
}

// A budget stored before descriptions were bilingual and lines had implementers (plain-string
// descriptions, no implementer member) still loads: an export file holding one imports, and its
// descriptions read as the working language's.
func TestBudgetStoredInTheOldShapeLoads(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := bilingualProposal(t, a, owner)
		a.do(t, call{method: "PUT", path: "/api/v1/proposals/" + id + "/budget", token: owner.token, body: sampleBudget(),
			header: map[string]string{"If-Match": `"0"`}}).want(200)
		var file map[string]any
		if err := json.Unmarshal(a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/export", token: owner.token}).want(200).Body.Bytes(), &file); err != nil {
			t.Fatal(err)
		}
		old := json.RawMessage(`{"currency":"USD","years":[2027,2028],"lines":[` +
			`{"module":"pwid-prevention","intervention":"community-empowerment","cost_grouping":"human-resources","description":"Координатор сети ЛУИН","amounts":[1200000,1200000]}]}`)
		for _, part := range file["documents"].([]any) {
			if p := part.(map[string]any); p["kind"] == "budget" {
				p["body"] = old
			}
		}
		imported := a.do(t, call{method: "POST", path: "/api/v1/proposals/import", token: owner.token, body: file}).want(201).json()
		path := "/api/v1/proposals/" + imported["proposal"].(map[string]any)["id"].(string) + "/budget"
		line := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()["lines"].([]any)[0].(map[string]any)
		if d := line["description"].(map[string]any); d["ru"] != "Координатор сети ЛУИН" || d["en"] != "" {
			t.Fatalf("an old line's description reads %v", d)
		}
		if _, ok := line["implementer"]; ok {
			t.Fatalf("an old line has an implementer: %v", line)
		}
	})
}
