package api

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"iduit/templates"
)

// words returns n Russian words.
func words(n int) string {
	return strings.TrimSpace(strings.Repeat("сообщество ", n))
}

// answer builds a value that satisfies a field without any warning: text within its limits, every
// required checklist item ticked, one table row.
func answer(f *templates.Field, bilingual bool) any {
	switch f.Type {
	case templates.TypeText, templates.TypeLongText:
		n := 3
		if f.Type == templates.TypeLongText {
			n = 12
		}
		if f.WordLimit != nil && f.WordLimit.Hard > 0 && n > f.WordLimit.Hard {
			n = f.WordLimit.Hard
		}
		if bilingual {
			return map[string]string{"ru": words(n), "en": strings.TrimSpace(strings.Repeat("community ", n))}
		}
		return words(n)
	case templates.TypeChoice:
		return f.Options[0].Key
	case templates.TypeChecklist:
		var ticked []string
		for _, o := range f.Options {
			if o.Required || len(ticked) == 0 {
				ticked = append(ticked, o.Key)
			}
		}
		return ticked
	case templates.TypeNumber:
		return 42
	case templates.TypeDate:
		return "2027-01-01"
	case templates.TypeTable:
		return []map[string]any{{f.Columns[0].Key: answer(&templates.Field{Type: f.Columns[0].Type}, false)}}
	}
	return nil
}

func TestWalkEveryTemplateFromEmptyToReady(t *testing.T) {
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		for _, tpl := range catalogue.List() {
			for _, bilingual := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s bilingual=%v", tpl.Key, bilingual), func(t *testing.T) {
					walkToReady(t, a, owner, tpl, bilingual)
				})
			}
		}
	})
}

// walkToReady answers every field of a new proposal and returns its id once the check finds nothing.
func walkToReady(t *testing.T, a *testAPI, owner account, tpl *templates.Template, bilingual bool) string {
	body := map[string]any{"template": tpl.Key, "title": "Путь", "language": "ru", "country": "Беларусь", "bilingual": bilingual}
	if bilingual { // the title and the country are required text: in both languages, like the fields
		body["title_translation"], body["country_translation"] = "The way", "Belarus"
	}
	id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
	base := "/api/v1/proposals/" + id
	check := a.do(t, call{method: "GET", path: base + "/check", token: owner.token}).want(200).json()
	if check["ready"] != false || len(check["errors"].([]any)) == 0 {
		t.Fatalf("an empty proposal is ready: %v", check)
	}
	for i, sec := range tpl.Sections {
		progress := a.do(t, call{method: "GET", path: base + "/progress", token: owner.token}).want(200).json()
		if progress["next_section"] != sec.Key {
			t.Fatalf("next section is %v, want %s", progress["next_section"], sec.Key)
		}
		if state := progress["sections"].([]any)[i].(map[string]any)["state"]; state != "empty" {
			t.Fatalf("section %s is %v before any save", sec.Key, state)
		}
		fields := map[string]any{}
		for j := range sec.Fields {
			fields[sec.Fields[j].Key] = answer(&sec.Fields[j], bilingual)
		}
		a.do(t, call{method: "PUT", path: sectionPath(id, sec.Key), token: owner.token, body: map[string]any{"fields": fields},
			header: map[string]string{"If-Match": `"0"`}}).want(200)
		after := a.do(t, call{method: "GET", path: base + "/progress", token: owner.token}).want(200).json()
		if state := after["sections"].([]any)[i].(map[string]any)["state"]; state != "complete" {
			t.Fatalf("section %s is %v after answering every field", sec.Key, state)
		}
	}
	final := a.do(t, call{method: "GET", path: base + "/check", token: owner.token}).want(200).json()
	if final["ready"] != true || len(final["warnings"].([]any)) != 0 {
		t.Fatalf("a fully answered proposal is not ready or has warnings: %v", final)
	}
	if p := a.do(t, call{method: "GET", path: base + "/progress", token: owner.token}).json(); p["next_section"] != nil {
		t.Fatalf("next_section %v after everything is complete", p["next_section"])
	}
	return id
}

type issue struct{ Section, Field, Code, Message string }

func checkIssues(t *testing.T, a *testAPI, token, id string) (errs, warns []issue) {
	t.Helper()
	var body struct{ Errors, Warnings []issue }
	r := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id + "/check", token: token}).want(200)
	if err := json.Unmarshal(r.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	return body.Errors, body.Warnings
}

func findIssue(list []issue, section, field, code string) *issue {
	for i := range list {
		if list[i].Section == section && list[i].Field == field && list[i].Code == code {
			return &list[i]
		}
	}
	return nil
}

func TestCheckReportsEachCode(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		hard := fieldOf(t, "epidemiology", "hiv-hcv-epidemiology").WordLimit
		evidence := fieldOf(t, "ccm-inclusive-process", "evidence")
		var optional string
		for _, o := range evidence.Options {
			if !o.Required {
				optional = o.Key
			}
		}
		tests := []struct {
			name, language      string
			bilingual           bool
			section, field      string
			value               any
			wantError           bool
			code, wantInMessage string
		}{
			{"required field empty", "en", false, "epidemiology", "data-gaps", words(12), true, "required_missing", "required"},
			{"hard word limit", "ru", false, "epidemiology", "hiv-hcv-epidemiology", words(hard.Hard + 1), true, "hard_limit_exceeded", fmt.Sprintf("не более %d", hard.Hard)},
			{"soft word limit", "en", false, "epidemiology", "hiv-hcv-epidemiology", words(hard.Soft + 1), false, "soft_limit_exceeded", fmt.Sprintf("at most %d", hard.Soft)},
			{"very short answer", "ru", false, "epidemiology", "hiv-hcv-epidemiology", "Нет данных", false, "too_short", "всего 2 слова;"},
			{"required item unticked", "en", false, "ccm-inclusive-process", "evidence", []string{optional}, true, "required_item_unticked", "must be ticked"},
			{"one language only", "ru", true, "epidemiology", "hiv-hcv-epidemiology", map[string]string{"ru": words(12)}, true, "one_language", "нет текста на английском языке"},
			{"letters the PDF cannot print", "ru", false, "epidemiology", "data-gaps", "Тбилиси (თბილისი): данных нет, " + words(10), false, "unprintable_characters", "(თბილს)"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := map[string]any{"template": testTemplate, "title": "T", "language": tt.language, "country": "Kyrgyzstan", "bilingual": tt.bilingual}
				id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
				a.do(t, call{method: "PUT", path: sectionPath(id, tt.section), token: owner.token,
					body: map[string]any{"fields": map[string]any{tt.field: tt.value}}, header: map[string]string{"If-Match": `"0"`}}).want(200)
				errs, warns := checkIssues(t, a, owner.token, id)
				field := tt.field
				if tt.code == "required_missing" {
					field = "hiv-hcv-epidemiology" // the field left empty beside the one filled
				}
				list := warns
				if tt.wantError {
					list = errs
				}
				got := findIssue(list, tt.section, field, tt.code)
				if got == nil || !strings.Contains(got.Message, tt.wantInMessage) {
					t.Fatalf("no %s issue on %s/%s mentioning %q; errors %v warnings %v", tt.code, tt.section, field, tt.wantInMessage, errs, warns)
				}
			})
		}
	})
}

// Kyrgyz and Kazakh letters print since the PDF has a fallback face for
// them; a script it has no face for still draws the warning, so the check
// is known to run on the same kind of text.
func TestCheckUnprintableCharacters(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		tests := []struct {
			name, text, wantInMessage string // wantInMessage empty: no warning
		}{
			{"Kyrgyz", "Өмүрбек Түндүк: маалымат жок, баңгизат, үй-бүлө, " + words(10), ""},
			{"Kazakh", "Қазақстан, Ғалия Ұлжанқызы: әйелдер, Һ, " + words(10), ""},
			{"Belarusian and Ukrainian", "Ўладзімір, Їжак, Євген, Ґанок, " + words(10), ""},
			{"Georgian", "Тбилиси (თბილისი), " + words(10), "(თბილს)"},
			{"emoji", "Өмүрбек 🙂, " + words(10), "(🙂)"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := map[string]any{"template": testTemplate, "title": "T", "language": "ru", "country": "Kyrgyzstan"}
				id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
				a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: owner.token,
					body:   map[string]any{"fields": map[string]any{"data-gaps": tt.text}},
					header: map[string]string{"If-Match": `"0"`}}).want(200)
				_, warns := checkIssues(t, a, owner.token, id)
				got := findIssue(warns, "epidemiology", "data-gaps", "unprintable_characters")
				switch {
				case tt.wantInMessage == "" && got != nil:
					t.Errorf("warned about letters the PDF prints: %v", got)
				case tt.wantInMessage != "" && (got == nil || !strings.Contains(got.Message, tt.wantInMessage)):
					t.Errorf("no unprintable_characters warning mentioning %q; warnings %v", tt.wantInMessage, warns)
				}
			})
		}
	})
}

func TestTranslationOutdated(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		body := map[string]any{"template": testTemplate, "title": "T", "language": "ru", "country": "Kyrgyzstan", "bilingual": true}
		id := a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
		path := sectionPath(id, "epidemiology")
		save := func(version int, value map[string]string) map[string]any {
			r := a.do(t, call{method: "PUT", path: path, token: owner.token, body: map[string]any{"fields": map[string]any{"data-gaps": value}},
				header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)}}).want(200)
			return r.json()["fields"].(map[string]any)["data-gaps"].(map[string]any)
		}
		ru, en := words(12), strings.TrimSpace(strings.Repeat("community ", 12))
		if v := save(0, map[string]string{"ru": ru, "en": en}); v["outdated"] != nil {
			t.Fatalf("both sides saved together are not outdated: %v", v)
		}
		if v := save(1, map[string]string{"ru": ru + " плюс", "en": en}); v["outdated"] != "en" {
			t.Fatalf("changing only Russian should flag English as outdated: %v", v)
		}
		_, warns := checkIssues(t, a, owner.token, id)
		if w := findIssue(warns, "epidemiology", "data-gaps", "translation_outdated"); w == nil || !strings.Contains(w.Message, "английском") {
			t.Fatalf("no translation_outdated warning in Russian: %v", warns)
		}
		if v := save(2, map[string]string{"ru": ru + " плюс", "en": en}); v["outdated"] != "en" {
			t.Fatalf("saving without touching English must keep the flag: %v", v)
		}
		if v := save(3, map[string]string{"ru": ru + " плюс", "en": en + " more"}); v["outdated"] != nil {
			t.Fatalf("updating English should clear the flag: %v", v)
		}
		a.do(t, call{method: "PUT", path: path, token: owner.token, body: `{"fields":{"data-gaps":"plain string"}}`,
			header: map[string]string{"If-Match": `"4"`}}).want(400)
	})
}
