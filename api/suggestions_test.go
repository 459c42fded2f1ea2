package api

import (
	"strings"
	"testing"
)

func (a *testAPI) suggest(t *testing.T, tm team, who string, body map[string]any) result {
	t.Helper()
	return a.do(t, call{method: "POST", path: "/api/v1/proposals/" + tm.id + "/suggestions", token: tm.people[who].token, body: body})
}

func suggestionsPath(tm team, rest string) string {
	return "/api/v1/proposals/" + tm.id + "/suggestions" + rest
}

// fieldText reads one field's text of a monolingual proposal's section, with the section's ETag.
func (a *testAPI) fieldText(t *testing.T, tm team, section, field string) (string, string) {
	t.Helper()
	r := a.do(t, call{method: "GET", path: sectionPath(tm.id, section), token: tm.people["owner"].token}).want(200)
	text, _ := r.json()["fields"].(map[string]any)[field].(string)
	return text, r.Header().Get("ETag")
}

func TestSuggestionAcceptedReplacesTheTextInOneRevision(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС среди ЛУИН.", 0)
		a.suggest(t, tm, "viewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "replacement": "x"}).want(403)
		a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "нет такого", "replacement": "x"}).want(400)
		g := a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС",
			"replacement": "гепатите C", "comment": "Без сокращений"}).want(201).json()
		if g["status"] != "open" || g["anchor"].(map[string]any)["start"].(float64) != 13 {
			t.Fatalf("created %v", g)
		}
		id := g["id"].(string)
		items := a.do(t, call{method: "GET", path: suggestionsPath(tm, "?section=epidemiology&status=open"), token: tm.people["viewer"].token}).want(200).json()["items"].([]any)
		if len(items) != 1 {
			t.Fatalf("listed %d open suggestions, want 1", len(items))
		}
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+id+"/accept"), token: tm.people["reviewer"].token, header: map[string]string{"If-Match": `"1"`}}).want(403)
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+id+"/accept"), token: tm.people["owner"].token}).want(428)
		r := a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+id+"/accept"), token: tm.people["editor"].token, header: map[string]string{"If-Match": `"1"`}}).want(200)
		if r.Header().Get("ETag") != `"2"` || r.json()["status"] != "accepted" || r.json()["revision"].(float64) != 2 {
			t.Fatalf("accepted: ETag %s, %v", r.Header().Get("ETag"), r.json())
		}
		if text, tag := a.fieldText(t, tm, "epidemiology", "data-gaps"); text != "Нет данных о гепатите C среди ЛУИН." || tag != `"2"` {
			t.Fatalf("after accepting: %q at %s", text, tag)
		}
		revs := a.do(t, call{method: "GET", path: sectionPath(tm.id, "epidemiology") + "/revisions", token: tm.people["owner"].token}).want(200).json()
		if revs["total"].(float64) != 2 {
			t.Fatalf("%v revisions after one save and one acceptance, want 2", revs["total"])
		}
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+id+"/reject"), token: tm.people["owner"].token}).want(409)
		activity := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + tm.id + "/activity", token: tm.people["owner"].token}).want(200).json()["items"].([]any)
		last := activity[0].(map[string]any)
		if last["kind"] != "suggestion_accepted" || last["subject"] != tm.people["reviewer"].id || last["actor"].(map[string]any)["id"] != tm.people["editor"].id {
			t.Fatalf("the acceptance was logged as %v", last)
		}
		notes := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people["reviewer"].token}).want(200).json()["items"].([]any)
		if len(notes) != 1 || notes[0].(map[string]any)["kind"] != "suggestion_accepted" || notes[0].(map[string]any)["suggestion_id"] != id {
			t.Fatalf("the suggester was told %v", notes)
		}
	})
}

func TestSuggestionRejectedAndWithdrawn(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС.", 0)
		body := map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "Нет данных", "replacement": ""}
		first := a.suggest(t, tm, "reviewer", body).want(201).str("id")
		second := a.suggest(t, tm, "reviewer", body).want(201).str("id")
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+first+"/reject"), token: tm.people["reviewer"].token}).want(403)
		if got := a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+first+"/reject"), token: tm.people["owner"].token}).want(200).json()["status"]; got != "rejected" {
			t.Fatalf("rejected suggestion reads %v", got)
		}
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+second+"/withdraw"), token: tm.people["owner"].token}).want(403)
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+second+"/withdraw"), token: tm.people["reviewer"].token}).want(200)
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+second+"/accept"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"1"`}}).want(409)
		if text, _ := a.fieldText(t, tm, "epidemiology", "data-gaps"); text != "Нет данных о ВГС." {
			t.Fatalf("the text changed to %q", text)
		}
		for status, want := range map[string]int{"rejected": 1, "withdrawn": 1, "open": 0, "accepted": 0} {
			if n := len(a.do(t, call{method: "GET", path: suggestionsPath(tm, "?status="+status), token: tm.people["owner"].token}).want(200).json()["items"].([]any)); n != want {
				t.Errorf("%d %s suggestions, want %d", n, status, want)
			}
		}
		notes := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people["reviewer"].token}).want(200).json()["items"].([]any)
		if len(notes) != 1 || notes[0].(map[string]any)["kind"] != "suggestion_rejected" {
			t.Fatalf("the suggester was told %v (a withdrawal tells no one)", notes)
		}
	})
}

func TestSuggestionOutdatedAndConflicting(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС. Охват низкий.", 0)
		gone := a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "replacement": "гепатите C"}).want(201).str("id")
		kept := a.suggest(t, tm, "editor", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "низкий", "replacement": "около 10%"}).want(201).str("id")
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных. Охват низкий.", 1) // someone edits the quote away

		outdated := a.do(t, call{method: "GET", path: suggestionsPath(tm, "?status=outdated"), token: tm.people["owner"].token}).want(200).json()["items"].([]any)
		if len(outdated) != 1 || outdated[0].(map[string]any)["id"] != gone || outdated[0].(map[string]any)["anchor"] != nil {
			t.Fatalf("outdated: %v", outdated)
		}
		// The acceptor saw version 1; the section moved and the passage is gone: 412 with the current version.
		r := a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+gone+"/accept"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"1"`}}).want(412)
		if r.json()["current_version"].(float64) != 2 {
			t.Fatalf("412 without the current version: %s", r.Body.String())
		}
		// At the current version the passage is still gone: the suggestion is outdated, not applicable.
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+gone+"/accept"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"2"`}}).want(409)
		// The other passage survived the edit: it applies to the current text, whatever version was seen.
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+kept+"/accept"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"1"`}}).want(200)
		if text, tag := a.fieldText(t, tm, "epidemiology", "data-gaps"); text != "Нет данных. Охват около 10%." || tag != `"3"` {
			t.Fatalf("after accepting: %q at %s", text, tag)
		}
		// Accepting one's own suggestion notifies no one.
		if n := len(a.do(t, call{method: "GET", path: "/api/v1/notifications", token: tm.people["editor"].token}).want(200).json()["items"].([]any)); n != 1 {
			t.Fatalf("the editor has %d notifications, want 1 (accepted by the owner)", n)
		}
	})
}

func TestSuggestionInEitherLanguageOfABilingualField(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]any{"bilingual": true}, header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "epidemiology"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"0"`},
			body: map[string]any{"fields": map[string]any{"data-gaps": map[string]string{"en": "No HCV data.", "ru": "Нет данных о ВГС."}}}}).want(200)
		en := a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "lang": "en", "quote": "HCV", "replacement": "hepatitis C"}).want(201).str("id")
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+en+"/accept"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"1"`}}).want(200)
		r := a.do(t, call{method: "GET", path: sectionPath(tm.id, "epidemiology"), token: tm.people["owner"].token}).want(200)
		got := r.json()["fields"].(map[string]any)["data-gaps"].(map[string]any)
		if got["en"] != "No hepatitis C data." || got["ru"] != "Нет данных о ВГС." || got["outdated"] != "ru" {
			t.Fatalf("after accepting the English suggestion: %v", got)
		}
	})
}

func TestHiddenReviewerStaysHiddenInSuggestions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		a.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]any{"hide_reviewer_names": true}, header: map[string]string{"If-Match": `"0"`}}).want(200)
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС.", 0)
		id := a.suggest(t, tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "replacement": "гепатите C"}).want(201).str("id")
		a.do(t, call{method: "POST", path: suggestionsPath(tm, "/"+id+"/accept"), token: tm.people["editor"].token, header: map[string]string{"If-Match": `"1"`}}).want(200)
		for _, path := range []string{suggestionsPath(tm, ""), "/api/v1/proposals/" + tm.id + "/activity"} {
			body := a.do(t, call{method: "GET", path: path, token: tm.people["editor"].token}).want(200).Body.String()
			if strings.Contains(body, tm.people["reviewer"].id) || strings.Contains(body, tm.people["reviewer"].email) {
				t.Fatalf("%s names the hidden reviewer to an editor: %s", path, body)
			}
		}
	})
}
