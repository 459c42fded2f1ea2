package api

import (
	"fmt"
	"sync/atomic"
	"testing"
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
		if empty < 3 {
			t.Fatalf("only %d queries counted for session, proposal and sections: the counter is not counting", empty)
		}
		if empty != full || full > 4 {
			t.Fatalf("opening a proposal took %d queries when empty and %d with 30 revisions; want the same, at most 4", empty, full)
		}
	})
}
