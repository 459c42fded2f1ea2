package api

import (
	"fmt"
	"net/http"
	"testing"

	"iduit/httpkit"
)

// callers are the six kinds of caller the matrix tries on every route, least privileged first.
var callers = []string{"none", "stranger", "viewer", "reviewer", "editor", "owner"}

// fixture is a fresh proposal in state changes_requested with one member per role, an extra viewer to
// remove, a section at version 1, a reviewer's comment, a snapshot and a notification for each member.
type fixture struct {
	tm       team
	extra    account
	comment  string
	snapshot string
	notes    map[string]string
	// attachment is a file the editor attached.
	attachment string
	// suggestion is the reviewer's open suggestion on the section's text.
	suggestion string
}

func (a *testAPI) newFixture(t *testing.T) fixture {
	t.Helper()
	f := fixture{tm: a.newTeam(t), extra: a.signUp(t, "Extra"), notes: map[string]string{"none": "x", "stranger": "nope"}}
	a.addMember(t, f.tm.people["owner"], f.tm.id, f.extra, "viewer")
	a.saveText(t, f.tm, "epidemiology", "data-gaps", "Нет данных о ВГС.", 0)
	p := f.tm.people
	f.comment = a.comment(t, f.tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС",
		"body": fmt.Sprintf("@%s @%s @%s проверьте", p["owner"].email, p["editor"].email, p["viewer"].email)})["id"].(string)
	a.comment(t, f.tm, "owner", map[string]any{"section": "epidemiology", "body": "@" + p["reviewer"].email})
	f.suggestion = a.suggest(t, f.tm, "reviewer", map[string]any{"section": "epidemiology", "field": "data-gaps", "quote": "ВГС", "replacement": "гепатите C"}).want(201).str("id")
	a.do(t, call{method: "PUT", path: pp(f, "/budget"), token: p["owner"].token, body: sampleBudget(), header: map[string]string{"If-Match": `"0"`}}).want(200)
	a.setStatus(t, f.tm, "editor", "in_review", 200)
	a.setStatus(t, f.tm, "reviewer", "changes_requested", 200)
	f.snapshot = a.do(t, call{method: "GET", path: "/api/v1/proposals/" + f.tm.id + "/snapshots", token: p["owner"].token}).json()["items"].([]any)[0].(map[string]any)["id"].(string)
	f.attachment = a.upload(t, p["editor"].token, f.tm.id, upload{kind: "minutes", filename: "m.pdf", content: smallPDF}).want(201).str("id")
	for _, who := range []string{"viewer", "reviewer", "editor", "owner"} {
		items := a.do(t, call{method: "GET", path: "/api/v1/notifications", token: p[who].token}).json()["items"].([]any)
		f.notes[who] = items[0].(map[string]any)["id"].(string)
	}
	return f
}

func (f fixture) token(who string) string { return f.tm.people[who].token }

type routeCase struct {
	build func(f fixture, who string) call
	want  [6]int // per caller, in the order of callers
}

func each(status int) [6]int { return [6]int{status, status, status, status, status, status} }

// member statuses: no token 401, stranger 404, then viewer, reviewer, editor, owner.
func member(viewer, reviewer, editor, owner int) [6]int {
	return [6]int{401, 404, viewer, reviewer, editor, owner}
}

func signedIn(status int) [6]int { return [6]int{401, status, status, status, status, status} }

var v1 = "/api/v1"

func pp(f fixture, rest string) string { return v1 + "/proposals/" + f.tm.id + rest }

func sec(f fixture, rest string) string { return pp(f, "/sections/epidemiology"+rest) }

var ifMatch1 = map[string]string{"If-Match": `"1"`}

// routeMatrix holds the expected status of every route for every caller. A route missing here fails
// TestAuthorizationMatrix, so a new endpoint cannot ship without deciding who may call it.
var routeMatrix = map[string]routeCase{
	"GET /healthz":               {func(f fixture, w string) call { return call{method: "GET", path: "/healthz"} }, each(200)},
	"GET /readyz":                {func(f fixture, w string) call { return call{method: "GET", path: "/readyz"} }, each(200)},
	"GET /api/v1/openapi.yaml":   {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/openapi.yaml"} }, each(200)},
	"GET /api/v1/templates":      {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/templates"} }, each(200)},
	"GET /api/v1/templates/:key": {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/templates/" + testTemplate} }, each(200)},
	"POST /api/v1/users": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/users", body: map[string]string{"email": "new-" + randomHex(6) + "@example.org", "name": "N", "password": "correct horse"}}
	}, each(201)},
	"POST /api/v1/sessions": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/sessions", body: map[string]string{"email": f.extra.email, "password": "correct horse"}}
	}, each(201)},
	"POST /api/v1/password-resets": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/password-resets", body: map[string]string{"email": f.extra.email}}
	}, each(202)},
	"POST /api/v1/password-resets/redeem": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/password-resets/redeem", body: map[string]string{"token": "not-a-token", "password": "a long passphrase"}}
	}, each(404)},
	"PUT /api/v1/me/password": {func(f fixture, w string) call {
		return call{method: "PUT", path: v1 + "/me/password", body: map[string]string{"current_password": "wrong", "new_password": "a long passphrase"}}
	}, signedIn(400)},
	"GET /api/v1/proposals/:id/invitations": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/invitations")} }, member(403, 403, 403, 200)},
	"POST /api/v1/proposals/:id/invitations": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/invitations"), body: map[string]string{"email": "invited-" + randomHex(6) + "@example.org", "role": "viewer"}}
	}, member(403, 403, 403, 201)},
	"DELETE /api/v1/proposals/:id/invitations/:iid": {func(f fixture, w string) call {
		return call{method: "DELETE", path: pp(f, "/invitations/no-such-invitation")}
	}, member(403, 403, 403, 404)},
	"DELETE /api/v1/sessions/current": {func(f fixture, w string) call { return call{method: "DELETE", path: v1 + "/sessions/current"} }, signedIn(204)},
	"GET /api/v1/me":                  {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/me"} }, signedIn(200)},
	"POST /api/v1/proposals": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/proposals", body: map[string]string{"template": testTemplate, "title": "T", "language": "ru", "country": "KG"}}
	}, signedIn(201)},
	"POST /api/v1/proposals/import": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/proposals/import", body: `{"format":"iduit-proposal","version":1,"proposal":{"template":"clm-proposal","template_version":1,"title":"T","language":"en","submission_language":"en","country":"KG","status":"draft"}}`}
	}, signedIn(201)},
	"GET /api/v1/proposals":     {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/proposals"} }, signedIn(200)},
	"GET /api/v1/notifications": {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/notifications"} }, signedIn(200)},
	"POST /api/v1/notifications/:nid/read": {func(f fixture, w string) call {
		return call{method: "POST", path: v1 + "/notifications/" + f.notes[w] + "/read"}
	}, [6]int{401, 404, 204, 204, 204, 204}},
	"POST /api/v1/notifications/read": {func(f fixture, w string) call { return call{method: "POST", path: v1 + "/notifications/read"} }, signedIn(204)},
	"GET /api/v1/me/notification-settings": {func(f fixture, w string) call {
		return call{method: "GET", path: v1 + "/me/notification-settings"}
	}, signedIn(200)},
	"PUT /api/v1/me/notification-settings": {func(f fixture, w string) call {
		return call{method: "PUT", path: v1 + "/me/notification-settings", body: map[string]string{"mail": "daily", "lang": "ru"}}
	}, signedIn(200)},
	"GET /api/v1/proposals/:id": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "")} }, member(200, 200, 200, 200)},
	"PATCH /api/v1/proposals/:id": {func(f fixture, w string) call {
		return call{method: "PATCH", path: pp(f, ""), body: map[string]string{"title": "Новое"}, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"DELETE /api/v1/proposals/:id":         {func(f fixture, w string) call { return call{method: "DELETE", path: pp(f, "")} }, member(403, 403, 403, 204)},
	"GET /api/v1/proposals/:id/export":     {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/export")} }, member(403, 403, 403, 200)},
	"GET /api/v1/proposals/:id/export.zip": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/export.zip")} }, member(403, 403, 403, 200)},
	"GET /api/v1/proposals/:id/members":    {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/members")} }, member(200, 200, 200, 200)},
	"POST /api/v1/proposals/:id/members": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/members"), body: map[string]string{"email": f.tm.people["stranger"].email, "role": "viewer"}}
	}, member(403, 403, 403, 201)},
	"DELETE /api/v1/proposals/:id/members/:userID": {func(f fixture, w string) call {
		return call{method: "DELETE", path: pp(f, "/members/"+f.extra.id)}
	}, member(403, 403, 403, 204)},
	"GET /api/v1/templates/:key/worksheet.pdf": {func(f fixture, w string) call {
		return call{method: "GET", path: v1 + "/templates/" + testTemplate + "/worksheet.pdf"}
	}, each(200)},
	"GET /api/v1/proposals/:id/pdf":          {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/pdf")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/docx":         {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/docx?comments=1")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/annexes.xlsx": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/annexes.xlsx")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/package.zip":  {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/package.zip")} }, member(200, 200, 200, 200)},
	"GET /api/v1/catalogue":                  {func(f fixture, w string) call { return call{method: "GET", path: v1 + "/catalogue"} }, each(200)},
	"GET /api/v1/proposals/:id/budget":       {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/budget")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/budget": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/budget"), body: sampleBudget(), header: ifMatch1}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/budget/summary": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/budget/summary")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/indicators":     {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/indicators")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/indicators": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/indicators"), body: `{"indicators":[],"gaps":[]}`, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/interventions": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/interventions")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/interventions": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/interventions"), body: `{"records":[]}`, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/priorities": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/priorities")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/priorities": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/priorities"), body: `{"priorities":[]}`, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/settings": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/settings")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/settings": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/settings"), body: `{"currency":"USD"}`, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/ccm-process": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/ccm-process")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/ccm-process": {func(f fixture, w string) call {
		return call{method: "PUT", path: pp(f, "/ccm-process"), body: `{"consultations":[],"endorsement":{"signatories":[]}}`, header: map[string]string{"If-Match": `"0"`}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/progress":      {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/progress")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/check":         {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/check")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/sections/:key": {func(f fixture, w string) call { return call{method: "GET", path: sec(f, "")} }, member(200, 200, 200, 200)},
	"PUT /api/v1/proposals/:id/sections/:key": {func(f fixture, w string) call {
		return call{method: "PUT", path: sec(f, ""), body: `{"fields":{}}`, header: ifMatch1}
	}, member(403, 403, 200, 200)},
	"PATCH /api/v1/proposals/:id/sections/:key": {func(f fixture, w string) call {
		return call{method: "PATCH", path: sec(f, ""), body: `{"fields":{"data-gaps":"ВГС"},"bases":{"data-gaps":1}}`}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/sections/:key/revisions":    {func(f fixture, w string) call { return call{method: "GET", path: sec(f, "/revisions")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/sections/:key/revisions/:n": {func(f fixture, w string) call { return call{method: "GET", path: sec(f, "/revisions/1")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/sections/:key/revisions/:n/diff/:m": {func(f fixture, w string) call {
		return call{method: "GET", path: sec(f, "/revisions/0/diff/1")}
	}, member(200, 200, 200, 200)},
	"POST /api/v1/proposals/:id/sections/:key/revisions/:n/restore": {func(f fixture, w string) call {
		return call{method: "POST", path: sec(f, "/revisions/1/restore"), header: ifMatch1}
	}, member(403, 403, 200, 200)},
	"POST /api/v1/proposals/:id/comments": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/comments"), body: map[string]string{"section": "risks", "body": "Замечание"}}
	}, member(403, 201, 201, 201)},
	"GET /api/v1/proposals/:id/comments": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/comments")} }, member(200, 200, 200, 200)},
	"PATCH /api/v1/proposals/:id/comments/:cid": {func(f fixture, w string) call {
		return call{method: "PATCH", path: pp(f, "/comments/"+f.comment), body: map[string]string{"body": "правка"}}
	}, member(403, 200, 403, 403)},
	"DELETE /api/v1/proposals/:id/comments/:cid": {func(f fixture, w string) call {
		return call{method: "DELETE", path: pp(f, "/comments/"+f.comment)}
	}, member(403, 204, 403, 403)},
	"POST /api/v1/proposals/:id/comments/:cid/resolve": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/comments/"+f.comment+"/resolve")}
	}, member(403, 200, 200, 200)},
	"POST /api/v1/proposals/:id/comments/:cid/reopen": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/comments/"+f.comment+"/reopen")}
	}, member(403, 200, 200, 200)},
	"POST /api/v1/proposals/:id/suggestions": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/suggestions"), body: map[string]string{"section": "epidemiology", "field": "data-gaps", "quote": "данных", "replacement": "сведений"}}
	}, member(403, 201, 201, 201)},
	"GET /api/v1/proposals/:id/suggestions": {func(f fixture, w string) call {
		return call{method: "GET", path: pp(f, "/suggestions?section=epidemiology")}
	}, member(200, 200, 200, 200)},
	"POST /api/v1/proposals/:id/suggestions/:sid/accept": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/suggestions/"+f.suggestion+"/accept"), header: ifMatch1}
	}, member(403, 403, 200, 200)},
	"POST /api/v1/proposals/:id/suggestions/:sid/reject": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/suggestions/"+f.suggestion+"/reject")}
	}, member(403, 403, 200, 200)},
	"POST /api/v1/proposals/:id/suggestions/:sid/withdraw": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/suggestions/"+f.suggestion+"/withdraw")}
	}, member(403, 200, 403, 403)},
	"POST /api/v1/proposals/:id/status": {func(f fixture, w string) call {
		return call{method: "POST", path: pp(f, "/status"), body: map[string]string{"status": "in_review"}}
	}, member(403, 403, 200, 200)},
	"GET /api/v1/proposals/:id/snapshots": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/snapshots")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/snapshots/:sid": {func(f fixture, w string) call {
		return call{method: "GET", path: pp(f, "/snapshots/"+f.snapshot)}
	}, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/activity": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/activity")} }, member(200, 200, 200, 200)},
	"POST /api/v1/proposals/:id/attachments": {func(f fixture, w string) call {
		return uploadCall(pp(f, "/attachments"), upload{kind: "data", filename: "d.pdf", content: smallPDF})
	}, member(403, 403, 201, 201)},
	"GET /api/v1/proposals/:id/attachments": {func(f fixture, w string) call { return call{method: "GET", path: pp(f, "/attachments")} }, member(200, 200, 200, 200)},
	"GET /api/v1/proposals/:id/attachments/:aid": {func(f fixture, w string) call {
		return call{method: "GET", path: pp(f, "/attachments/"+f.attachment)}
	}, member(200, 200, 200, 200)},
	"PATCH /api/v1/proposals/:id/attachments/:aid": {func(f fixture, w string) call {
		return call{method: "PATCH", path: pp(f, "/attachments/"+f.attachment), body: map[string]string{"title": "Протокол"}}
	}, member(403, 403, 200, 200)},
	"DELETE /api/v1/proposals/:id/attachments/:aid": {func(f fixture, w string) call {
		return call{method: "DELETE", path: pp(f, "/attachments/"+f.attachment)}
	}, member(403, 403, 204, 204)},
}

// TestAuthorizationMatrix tries every registered route as each kind of caller, on a fresh fixture each
// time so that one caller's change cannot decide the next one's answer.
func TestAuthorizationMatrix(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		for _, r := range a.handler.(*httpkit.Engine).Routes() {
			key := r.Method + " " + r.Path
			rc, ok := routeMatrix[key]
			if !ok {
				t.Errorf("route %s has no entry in routeMatrix: decide who may call it", key)
				continue
			}
			t.Run(key, func(t *testing.T) {
				for i, who := range callers {
					f := a.newFixture(t)
					c := rc.build(f, who)
					if who != "none" {
						c.token = f.token(who)
					}
					if got := a.do(t, c).Code; got != rc.want[i] {
						t.Errorf("%s as %s: %d %s, want %d", key, who, got, http.StatusText(got), rc.want[i])
					}
				}
			})
		}
	})
}
