package api

import (
	"fmt"
	"sync/atomic"
	"testing"

	"iduit/models"
)

// TestOpeningAProposalIsAFixedNumberOfQueries opens a proposal when it is empty and again after many
// sections and revisions: the number of queries must not grow with the data.
func TestOpeningAProposalIsAFixedNumberOfQueries(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		var queries atomic.Int64
		if err := a.store.CountQueries(&queries); err != nil {
			t.Fatal(err)
		}
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		open := func() int64 {
			before := queries.Load()
			a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: owner.token}).want(200)
			return queries.Load() - before
		}
		empty := open()
		sections := a.do(t, call{method: "GET", path: "/api/v1/proposals/" + id, token: owner.token}).json()["sections"].([]any)
		for _, s := range sections[:10] {
			key := s.(map[string]any)["key"].(string)
			for v := 0; v < 3; v++ {
				a.do(t, call{method: "PUT", path: sectionPath(id, key), token: owner.token, body: `{"fields":{}}`,
					header: map[string]string{"If-Match": fmt.Sprintf(`"%d"`, v)}}).want(200)
			}
		}
		full := open()
		if empty < 2 {
			t.Fatalf("only %d queries counted for session with proposal, and sections: the counter is not counting", empty)
		}
		if empty != full || full > 4 {
			t.Fatalf("opening a proposal took %d queries when empty and %d with 30 revisions; want the same, at most 4", empty, full)
		}
	})
}

// TestASaveCostsAFixedNumberOfStatements counts what an autosave sends to the database. On PostgreSQL the
// first save on a server is one query for the session, the proposal and the caller's role together, then
// the guarded write in one statement; once the server knows the proposal's template, authentication and
// write are one statement. On SQLite: that query, then, inside the group writer's savepoint and
// release, a read of the section, the update, the revision, the proposal's timestamp and, for the first
// save of an editing burst only, the activity entry. The answers that the fast path must not change come
// first: no token, a stranger, a reader (TestAWarmAutosaveAnswersAsTheOrdinaryWay has the rest).
func TestASaveCostsAFixedNumberOfStatements(t *testing.T) {
	want := map[models.Dialect][]int64{models.DialectPostgres: {2, 1, 1}, models.DialectSQLite: {8, 7, 7}}
	eachAPI(t, func(t *testing.T, a *testAPI) {
		var queries atomic.Int64
		if err := a.store.CountQueries(&queries); err != nil {
			t.Fatal(err)
		}
		owner, stranger, viewer := a.signUp(t, "Owner"), a.signUp(t, "Stranger"), a.signUp(t, "Viewer")
		id := a.newProposal(t, owner)
		a.addMember(t, owner, id, viewer, "viewer")
		save := func(token, version string) result {
			return a.do(t, call{method: "PUT", path: sectionPath(id, "epidemiology"), token: token,
				body: `{"fields":{}}`, header: map[string]string{"If-Match": version}})
		}
		save("not-a-token", `"0"`).want(401)
		save(stranger.token, `"0"`).want(404)
		save(viewer.token, `"0"`).want(403)
		for v, n := range want[a.store.Dialect()] {
			before := queries.Load()
			save(owner.token, fmt.Sprintf(`"%d"`, v)).want(200)
			if got := queries.Load() - before; got != n {
				t.Fatalf("save %d sent %d statements; want %d", v+1, got, n)
			}
		}
		// Reading it back, as autosave clients poll it: the session, access and the section in one query.
		before := queries.Load()
		a.do(t, call{method: "GET", path: sectionPath(id, "epidemiology"), token: owner.token}).want(200)
		if got := queries.Load() - before; got != 1 {
			t.Fatalf("reading the section sent %d queries; want 1", got)
		}
	})
}
