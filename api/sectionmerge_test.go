package api

import (
	"fmt"
	"slices"
	"testing"
)

// TestMergingSectionSave: two people read a section at one version and each changes a different field;
// with PATCH both saves land and neither loses the other's text. Changing the same field differently is
// a 409 naming it, with the current version, and nothing is saved; a field sent without its base, or
// with a base the section never had, is a 400 naming it.
func TestMergingSectionSave(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		owner, editor := tm.people["owner"].token, tm.people["editor"].token
		a.saveText(t, tm, "epidemiology", "data-gaps", "Нет данных о ВГС", 0) // version 1
		path := sectionPath(tm.id, "epidemiology")
		merge := func(token string, fields map[string]any, bases map[string]int) result {
			return a.do(t, call{method: "PATCH", path: path, token: token, body: map[string]any{"fields": fields, "bases": bases}})
		}

		// Both read version 1; the editor changes one field, then the owner another, from version 1.
		merge(editor, map[string]any{"hiv-hcv-epidemiology": "ВИЧ 14,3 %"}, map[string]int{"hiv-hcv-epidemiology": 1}).want(200)
		r := merge(owner, map[string]any{"data-gaps": "Нет данных о ВГС в Оше"}, map[string]int{"data-gaps": 1}).want(200)
		if v := r.Header().Get("ETag"); v != `"3"` {
			t.Errorf("the second merged save has ETag %s, want \"3\"", v)
		}
		fields := a.do(t, call{method: "GET", path: path, token: owner}).want(200).json()["fields"].(map[string]any)
		if fields["hiv-hcv-epidemiology"] != "ВИЧ 14,3 %" || fields["data-gaps"] != "Нет данных о ВГС в Оше" {
			t.Fatalf("after two merged saves of different fields: %v", fields)
		}

		// The editor, still at version 1, changes data-gaps too, differently: a conflict, nothing saved.
		p := merge(editor, map[string]any{"data-gaps": "Данные есть"}, map[string]int{"data-gaps": 1}).want(409).json()
		if c, _ := p["conflicts"].([]any); !slices.Contains(c, any("data-gaps")) || fmt.Sprint(p["current_version"]) != "3" {
			t.Errorf("a conflicting merge answers %v, want conflicts [data-gaps] and current_version 3", p)
		}
		if got := a.do(t, call{method: "GET", path: path, token: owner}).want(200).json()["fields"].(map[string]any)["data-gaps"]; got != "Нет данных о ВГС в Оше" {
			t.Errorf("a conflicting merge changed data-gaps to %v", got)
		}
		// The same value as the one stored is no conflict.
		merge(editor, map[string]any{"data-gaps": "Нет данных о ВГС в Оше"}, map[string]int{"data-gaps": 1}).want(200)

		for name, c := range map[string]struct {
			bases map[string]int
			field string
		}{
			"no base":           {map[string]int{}, "bases.data-gaps"},
			"a version to come": {map[string]int{"data-gaps": 99}, "bases.data-gaps"},
		} {
			if got := merge(owner, map[string]any{"data-gaps": "x"}, c.bases).want(400).problemFields(); !slices.Contains(got, c.field) {
				t.Errorf("%s: problems name %v, want %s", name, got, c.field)
			}
		}
		// A reader may not merge (the route matrix holds every other caller).
		merge(tm.people["viewer"].token, map[string]any{"data-gaps": "x"}, map[string]int{"data-gaps": 1}).want(403)
	})
}
