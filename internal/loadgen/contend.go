package loadgen

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Contention is the shared bookkeeping of the "contend" scenario: many writers re-reading and saving the
// same sections with If-Match. Every 200 is recorded with the text it acknowledged, so the database can
// be checked afterwards against what the clients were told.
type Contention struct {
	client *Client
	// writers are the clients the workers take turns on: several servers sharing one database
	writers []*Client
	token   string
	ids     []string
	mu      sync.Mutex
	acked   map[string]string // "proposal/version" -> text acknowledged under that version
	unknown int               // requests whose outcome the client never learnt (transport errors)
}

const contendSection = "epidemiology"

// NewContention signs up one account and creates the proposals the writers will share.
func NewContention(ctx context.Context, c *Client, proposals int) (*Contention, error) {
	token, err := c.signUp(ctx)
	if err != nil {
		return nil, err
	}
	k := &Contention{client: c, writers: []*Client{c}, token: token, acked: map[string]string{}}
	for i := 0; i < proposals; i++ {
		id, err := c.createProposal(ctx, token)
		if err != nil {
			return nil, err
		}
		k.ids = append(k.ids, id)
	}
	return k, nil
}

// Worker returns writer w's request: read the section's version, then save a text unique to this writer
// and attempt under that version.
func (k *Contention) Worker(w int) func(context.Context) (int, error) {
	n := 0
	c := k.writers[w%len(k.writers)]
	return func(ctx context.Context) (int, error) {
		n++
		id := k.ids[(w+n)%len(k.ids)]
		path := "/api/v1/proposals/" + id + "/sections/" + contendSection
		resp, _, err := c.do(ctx, http.MethodGet, path, k.token, nil, nil)
		if err != nil {
			return 0, err
		}
		etag := resp.Header.Get("ETag")
		text := fmt.Sprintf("writer %d attempt %d", w, n)
		body := map[string]any{"fields": map[string]any{"data-gaps": text}}
		resp, _, err = c.do(ctx, http.MethodPut, path, k.token, body, map[string]string{"If-Match": etag})
		if err != nil {
			k.note(func() { k.unknown++ })
			return 0, err
		}
		if resp.StatusCode == http.StatusOK {
			version := strings.Trim(resp.Header.Get("ETag"), `"`)
			k.note(func() { k.acked[id+"/"+version] = text })
		}
		return resp.StatusCode, nil
	}
}

func (k *Contention) note(f func()) {
	k.mu.Lock()
	f()
	k.mu.Unlock()
}

// Verify reads every proposal's full history through the export and compares it with the
// acknowledgements: each acknowledged text must be the revision it was acknowledged as, and no revision
// may exist that nobody was told about (that would be a 412 or a failure that wrote anyway).
func (k *Contention) Verify(ctx context.Context) (checked int, problems []string) {
	for _, id := range k.ids {
		resp, body, err := k.client.do(ctx, http.MethodGet, "/api/v1/proposals/"+id+"/export", k.token, nil, nil)
		if err != nil || resp.StatusCode != http.StatusOK {
			return checked, append(problems, fmt.Sprintf("export %s: %v %s", id, err, body))
		}
		var doc struct {
			Revisions []struct {
				Section string
				Number  int
				Fields  map[string]string
			}
		}
		if err := json.Unmarshal(body, &doc); err != nil {
			return checked, append(problems, err.Error())
		}
		seen := 0
		for _, r := range doc.Revisions {
			if r.Section != contendSection {
				continue
			}
			seen++
			want, ok := k.acked[id+"/"+strconv.Itoa(r.Number)]
			switch {
			case !ok && k.unknown == 0:
				problems = append(problems, fmt.Sprintf("%s revision %d exists but no client was told it saved", id, r.Number))
			case ok && r.Fields["data-gaps"] != want:
				problems = append(problems, fmt.Sprintf("%s revision %d holds %q, acknowledged %q", id, r.Number, r.Fields["data-gaps"], want))
			}
		}
		checked += seen
	}
	if checked < len(k.acked) {
		problems = append(problems, fmt.Sprintf("%d saves were acknowledged but only %d revisions exist", len(k.acked), checked))
	}
	return checked, problems
}

// Acknowledged counts the saves the server answered 200.
func (k *Contention) Acknowledged() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.acked)
}

// Unknown counts the saves whose outcome the client never learnt.
func (k *Contention) Unknown() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.unknown
}

// SpreadOver makes workers take turns on these clients as well, so that several server processes on one
// database contend for the same sections.
func (k *Contention) SpreadOver(clients ...*Client) { k.writers = append(k.writers, clients...) }
