package api

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

func sectionPath(id, key string) string { return "/api/v1/proposals/" + id + "/sections/" + key }

// fieldOf finds a field in the shipped template, so tests follow the template rather than copy it.
func fieldOf(t *testing.T, section, field string) *templates.Field {
	t.Helper()
	c, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := c.Latest(testTemplate)
	sec, ok := tpl.Section(section)
	if !ok {
		t.Fatalf("template has no section %s", section)
	}
	f, ok := sec.Field(field)
	if !ok {
		t.Fatalf("section %s has no field %s", section, field)
	}
	return f
}

func TestSaveSection(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		path := sectionPath(id, "epidemiology")

		r := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200)
		if r.Header().Get("ETag") != `"0"` || r.json()["version"].(float64) != 0 {
			t.Fatalf("a never-saved section should be version 0: %s %v", r.Body.String(), r.Header())
		}
		text := "По оценкам 2023 года, в стране около 25 000 ЛУИН (укажите источник). Mixed English text."
		body := map[string]any{"fields": map[string]any{"hiv-hcv-epidemiology": text, "pwid-size-estimate": 25000}}
		saved := a.do(t, call{method: "PUT", path: path, token: owner.token, body: body, header: map[string]string{"If-Match": `"0"`}}).want(200)
		if saved.Header().Get("ETag") != `"1"` || saved.str("updated_by") != owner.id {
			t.Fatalf("first save: %s %v", saved.Body.String(), saved.Header())
		}
		got := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()
		if got["fields"].(map[string]any)["hiv-hcv-epidemiology"] != text {
			t.Fatalf("text did not round-trip: %v", got)
		}

		t.Run("stale If-Match is 412 with the current version and changes nothing", func(t *testing.T) {
			stale := map[string]any{"fields": map[string]any{"hiv-hcv-epidemiology": "overwrite"}}
			p := a.do(t, call{method: "PUT", path: path, token: owner.token, body: stale, header: map[string]string{"If-Match": `"0"`}}).want(412).json()
			if p["current_version"].(float64) != 1 || p["code"] != "stale_version" {
				t.Fatalf("412 body %v", p)
			}
			if a.do(t, call{method: "GET", path: path, token: owner.token}).json()["fields"].(map[string]any)["hiv-hcv-epidemiology"] != text {
				t.Fatal("a stale save changed the text")
			}
		})
		t.Run("no If-Match is 428", func(t *testing.T) {
			a.do(t, call{method: "PUT", path: path, token: owner.token, body: body}).want(428)
			a.do(t, call{method: "PUT", path: path, token: owner.token, body: body, header: map[string]string{"If-Match": "*"}}).want(400)
		})
		t.Run("the response of a GET can be sent back as is", func(t *testing.T) {
			cur := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200)
			a.do(t, call{method: "PUT", path: path, token: owner.token, body: cur.Body.String(), header: map[string]string{"If-Match": cur.Header().Get("ETag")}}).want(200)
		})
		t.Run("revisions keep every save", func(t *testing.T) {
			list := a.do(t, call{method: "GET", path: path + "/revisions", token: owner.token}).want(200).json()
			if list["total"].(float64) != 2 || list["items"].([]any)[0].(map[string]any)["number"].(float64) != 2 {
				t.Fatalf("revisions %v", list)
			}
			first := a.do(t, call{method: "GET", path: path + "/revisions/1", token: owner.token}).want(200).json()
			if first["fields"].(map[string]any)["hiv-hcv-epidemiology"] != text {
				t.Fatalf("revision 1 %v", first)
			}
			a.do(t, call{method: "GET", path: path + "/revisions/9", token: owner.token}).want(404)
			a.do(t, call{method: "GET", path: path + "/revisions/zero", token: owner.token}).want(400)
		})
	})
}

func TestSaveSectionRejectsBadValues(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		enabler := fieldOf(t, "legal-environment", "critical-enablers").Options[0].Key
		column := fieldOf(t, "community-systems", "community-organisations").Columns[0].Key
		tests := []struct {
			name, section string
			fields        string
			wantField     string
		}{
			{"unknown field", "epidemiology", `{"no-such-field": "x"}`, "fields.no-such-field"},
			{"number as text", "epidemiology", `{"pwid-size-estimate": "many"}`, "fields.pwid-size-estimate"},
			{"text as number", "epidemiology", `{"hiv-hcv-epidemiology": 5}`, "fields.hiv-hcv-epidemiology"},
			{"control character", "epidemiology", `{"size-estimate-source": "a\u0000b"}`, "fields.size-estimate-source"},
			{"new line in a one-line text", "epidemiology", `{"size-estimate-source": "a\nb"}`, "fields.size-estimate-source"},
			{"text over the length limit", "epidemiology", fmt.Sprintf(`{"size-estimate-source": %q}`, strings.Repeat("ж", 2001)), "fields.size-estimate-source"},
			{"unknown checklist item", "legal-environment", `{"critical-enablers": ["not-an-option"]}`, "fields.critical-enablers"},
			{"checklist item twice", "legal-environment", fmt.Sprintf(`{"critical-enablers": [%q, %q]}`, enabler, enabler), "fields.critical-enablers"},
			{"unknown choice", "community-systems", `{"ccm-representation": "maybe"}`, "fields.ccm-representation"},
			{"table with unknown column", "community-systems", `{"community-organisations": [{"nope": "x"}]}`, "fields.community-organisations[0].nope"},
			{"table that is not a list", "community-systems", fmt.Sprintf(`{"community-organisations": {%q: "x"}}`, column), "fields.community-organisations"},
			{"bad date", "programme-management", `{"start-date": "31.12.2027"}`, "fields.start-date"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := a.do(t, call{method: "PUT", path: sectionPath(id, tt.section), token: owner.token,
					body: `{"fields": ` + tt.fields + `}`, header: map[string]string{"If-Match": `"0"`}}).want(400)
				if !slices.Contains(r.problemFields(), tt.wantField) {
					t.Fatalf("problem does not name %q: %s", tt.wantField, r.Body.String())
				}
				if v := a.do(t, call{method: "GET", path: sectionPath(id, tt.section), token: owner.token}).json()["version"]; v.(float64) != 0 {
					t.Fatalf("a rejected save changed the section to version %v", v)
				}
			})
		}
		t.Run("unknown section: 400 on save, 404 on read", func(t *testing.T) {
			r := a.do(t, call{method: "PUT", path: sectionPath(id, "no-such-section"), token: owner.token, body: `{"fields":{}}`, header: map[string]string{"If-Match": `"0"`}}).want(400)
			if !strings.Contains(r.str("detail"), "no-such-section") {
				t.Fatalf("detail does not name the section: %s", r.Body.String())
			}
			a.do(t, call{method: "GET", path: sectionPath(id, "no-such-section"), token: owner.token}).want(404)
		})
		t.Run("missing fields member", func(t *testing.T) {
			a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: owner.token, body: `{}`, header: map[string]string{"If-Match": `"0"`}}).want(400)
		})
	})
}

func TestSaveSectionAcceptsEveryFieldType(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		choice := fieldOf(t, "community-systems", "ccm-representation").Options[1].Key
		columns := fieldOf(t, "community-systems", "community-organisations").Columns
		row := map[string]any{}
		for _, c := range columns {
			switch c.Type {
			case templates.TypeNumber:
				row[c.Key] = 12
			case templates.TypeDate:
				row[c.Key] = "2027-01-31"
			default:
				row[c.Key] = "Кыргызская сеть снижения вреда"
			}
		}
		body := map[string]any{"fields": map[string]any{"ccm-representation": choice, "community-organisations": []any{row}, "community-capacity": nil}}
		r := a.do(t, call{method: "PUT", path: sectionPath(id, "community-systems"), token: owner.token, body: body, header: map[string]string{"If-Match": `"0"`}}).want(200).json()
		fields := r["fields"].(map[string]any)
		if fields["ccm-representation"] != choice || len(fields["community-organisations"].([]any)) != 1 {
			t.Fatalf("saved %v", fields)
		}
		if _, kept := fields["community-capacity"]; kept {
			t.Fatal("a null value should clear the field, not be stored")
		}
	})
}

func TestSaveSectionByRole(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		want := map[string]int{"owner": 200, "editor": 200, "reviewer": 403, "viewer": 403, "stranger": 404}
		version := 0
		for _, role := range []string{"owner", "editor", "reviewer", "viewer", "stranger"} {
			t.Run(role, func(t *testing.T) {
				who := owner
				if role != "owner" {
					who = a.signUp(t, role)
					if role != "stranger" {
						a.addMember(t, owner, id, who, role)
					}
				}
				body := map[string]any{"fields": map[string]any{"data-gaps": "written by " + role}}
				a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: who.token, body: body,
					header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)}}).want(want[role])
				if want[role] == 200 {
					version++
				}
				readStatus := 200
				if role == "stranger" {
					readStatus = 404
				}
				a.do(t, call{method: "GET", path: sectionPath(id, "epidemiology") + "/revisions", token: who.token}).want(readStatus)
			})
		}
	})
}

// TestAWarmAutosaveAnswersAsTheOrdinaryWay: once a server knows a proposal's template, a save first tries
// to authenticate and write in one statement (on PostgreSQL). Every refusal must still get the answer
// the ordinary way gives — the same request to a server that has not seen the proposal — and write
// nothing.
func TestAWarmAutosaveAnswersAsTheOrdinaryWay(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		// Both servers share a clock that a case may move past every session's expiry.
		var ahead atomic.Int64
		clock := func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
		warm := newTestAPIAt(t, store, clock)
		// The ordinary way is what a server that has not seen the proposal does: a new one per request.
		ordinary := func(t *testing.T, req call, want int) result {
			return newTestAPIAt(t, store, clock).do(t, req).want(want)
		}
		tm := warm.newTeam(t)
		path := sectionPath(tm.id, "epidemiology")
		warm.saveText(t, tm, "epidemiology", "hiv-hcv-epidemiology", "Первая версия", 0)
		gone := warm.signUp(t, "Gone")
		warm.addMember(t, tm.people["owner"], tm.id, gone, "editor")
		warm.do(t, call{method: "DELETE", path: "/api/v1/sessions/current", token: gone.token}).want(204)

		valid := `{"fields":{"hiv-hcv-epidemiology":"Вторая версия"}}`
		cases := []struct {
			name, who, token, ifMatch, body string
			later                           time.Duration
			want                            int
		}{
			{name: "no token", ifMatch: `"1"`, body: valid, want: 401},
			{name: "unknown token", token: "not-a-token", ifMatch: `"1"`, body: valid, want: 401},
			{name: "signed out", token: gone.token, ifMatch: `"1"`, body: valid, want: 401},
			{name: "session expired", who: "owner", later: service.DefaultSessionTTL + time.Hour, ifMatch: `"1"`, body: valid, want: 401},
			{name: "stranger", who: "stranger", ifMatch: `"1"`, body: valid, want: 404},
			{name: "stranger, unknown field", who: "stranger", ifMatch: `"1"`, body: `{"fields":{"nope":"x"}}`, want: 404},
			// Errors that say nothing about the proposal come before membership is checked, as they always have.
			{name: "stranger, malformed JSON", who: "stranger", ifMatch: `"1"`, body: `{"fields":`, want: 400},
			{name: "stranger, no If-Match", who: "stranger", body: valid, want: 428},
			{name: "viewer", who: "viewer", ifMatch: `"1"`, body: valid, want: 403},
			{name: "reviewer", who: "reviewer", ifMatch: `"1"`, body: valid, want: 403},
			{name: "owner, stale version", who: "owner", ifMatch: `"0"`, body: valid, want: 412},
			{name: "owner, unknown field", who: "owner", ifMatch: `"1"`, body: `{"fields":{"nope":"x"}}`, want: 400},
			{name: "owner, no If-Match", who: "owner", body: valid, want: 428},
		}
		unchanged := func(t *testing.T, version float64, text string) {
			t.Helper()
			s := warm.do(t, call{method: "GET", path: path, token: tm.people["owner"].token}).want(200).json()
			if s["version"] != version || s["fields"].(map[string]any)["hiv-hcv-epidemiology"] != text {
				t.Fatalf("a refused save changed the section: %v", s)
			}
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				token := tc.token
				if tc.who != "" {
					token = tm.people[tc.who].token
				}
				req := call{method: "PUT", path: path, token: token, body: tc.body, header: map[string]string{}}
				if tc.ifMatch != "" {
					req.header["If-Match"] = tc.ifMatch
				}
				ahead.Store(int64(tc.later))
				sameAnswer(t, warm.do(t, req).want(tc.want), ordinary(t, req, tc.want))
				ahead.Store(0)
				unchanged(t, 1, "Первая версия")
			})
		}

		t.Run("an editor's save is theirs", func(t *testing.T) {
			editor := tm.people["editor"]
			s := warm.do(t, call{method: "PUT", path: path, token: editor.token, body: valid, header: map[string]string{"If-Match": `"1"`}}).want(200)
			if s.Header().Get("ETag") != `"2"` || s.str("updated_by") != editor.id {
				t.Fatalf("ETag %s, updated_by %s; want \"2\" and %s", s.Header().Get("ETag"), s.str("updated_by"), editor.id)
			}
			rev := warm.do(t, call{method: "GET", path: path + "/revisions/2", token: editor.token}).want(200)
			if rev.str("created_by") != editor.id {
				t.Fatalf("revision 2 created by %s; want %s", rev.str("created_by"), editor.id)
			}
		})

		t.Run("a bilingual proposal's save is checked as such", func(t *testing.T) {
			warm.do(t, call{method: "PATCH", path: "/api/v1/proposals/" + tm.id, token: tm.people["owner"].token, body: map[string]any{"bilingual": true},
				header: map[string]string{"If-Match": `"0"`}}).want(200)
			req := call{method: "PUT", path: path, token: tm.people["owner"].token, body: valid, header: map[string]string{"If-Match": `"2"`}}
			sameAnswer(t, warm.do(t, req).want(400), ordinary(t, req, 400))
			unchanged(t, 2, "Вторая версия")
		})
	})
}

// sameAnswer compares two problem answers but for their request ids.
func sameAnswer(t *testing.T, got, want result) {
	t.Helper()
	g, w := got.json(), want.json()
	delete(g, "request_id")
	delete(w, "request_id")
	if diff := cmp.Diff(w, g); diff != "" {
		t.Fatalf("the answer differs from the ordinary way's (-ordinary +got):\n%s", diff)
	}
}
