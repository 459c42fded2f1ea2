package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// rawPut saves a section without the test helpers, so it can run in many goroutines at once.
func (a *testAPI) rawPut(token, path, ifMatch, text string) (int, string) {
	body := fmt.Sprintf(`{"fields":{"data-gaps":%q}}`, text)
	req := httptest.NewRequest("PUT", path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("If-Match", ifMatch)
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec.Code, rec.Header().Get("ETag")
}

func (a *testAPI) rawGetETag(token, path string) string {
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	return rec.Header().Get("ETag")
}

func TestConcurrentSavesWithSameIfMatchLetExactlyOneThrough(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		path := sectionPath(id, "epidemiology")
		const writers = 32
		statuses := make([]int, writers)
		var wg sync.WaitGroup
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				statuses[i], _ = a.rawPut(owner.token, path, `"0"`, fmt.Sprintf("writer %d", i))
			}()
		}
		wg.Wait()
		winner, counts := -1, map[int]int{}
		for i, s := range statuses {
			counts[s]++
			if s == http.StatusOK {
				winner = i
			}
		}
		if counts[http.StatusOK] != 1 || counts[http.StatusPreconditionFailed] != writers-1 {
			t.Fatalf("statuses %v; want one 200 and %d 412", counts, writers-1)
		}
		got := a.do(t, call{method: "GET", path: path, token: owner.token}).want(200).json()
		if got["version"].(float64) != 1 || got["fields"].(map[string]any)["data-gaps"] != fmt.Sprintf("writer %d", winner) {
			t.Fatalf("stored %v, want the winner's text (writer %d)", got, winner)
		}
		if n := a.do(t, call{method: "GET", path: path + "/revisions", token: owner.token}).json()["total"].(float64); n != 1 {
			t.Fatalf("%v revisions, want 1", n)
		}
	})
}

func TestConcurrentWritersLoseNoAcknowledgedSave(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		owner := a.signUp(t, "Owner")
		id := a.newProposal(t, owner)
		path := sectionPath(id, "epidemiology")
		const writers, savesEach = 8, 15
		var mu sync.Mutex
		acked := map[string]string{} // ETag -> text the server acknowledged under it
		failures := make(chan string, writers*savesEach)
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; n < savesEach; {
					text := fmt.Sprintf("writer %d save %d", w, n)
					status, etag := a.rawPut(owner.token, path, a.rawGetETag(owner.token, path), text)
					switch status {
					case http.StatusOK:
						mu.Lock()
						acked[etag] = text
						mu.Unlock()
						n++
					case http.StatusPreconditionFailed: // someone saved in between: read again and retry
					default:
						failures <- fmt.Sprintf("writer %d got %d", w, status)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(failures)
		for f := range failures {
			t.Error(f)
		}
		if len(acked) != writers*savesEach {
			t.Fatalf("%d distinct acknowledged versions, want %d", len(acked), writers*savesEach)
		}
		for etag, text := range acked {
			rev := a.do(t, call{method: "GET", path: path + "/revisions/" + strings.Trim(etag, `"`), token: owner.token}).want(200)
			var body struct{ Fields map[string]string }
			if err := json.Unmarshal(rev.Body.Bytes(), &body); err != nil || body.Fields["data-gaps"] != text {
				t.Fatalf("revision %s holds %q, but %q was acknowledged", etag, body.Fields["data-gaps"], text)
			}
		}
	})
}
