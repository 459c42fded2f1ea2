package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"
)

// apiClient is a minimal signed-in client for the fault tests.
type apiClient struct {
	base, token string
	http        *http.Client
}

func splitHostPort(addr string) (string, string, error) { return net.SplitHostPort(addr) }

func newAPIClient(t *testing.T, addr string) *apiClient {
	t.Helper()
	c := &apiClient{base: "http://" + addr, http: &http.Client{Timeout: 10 * time.Second}}
	email := fmt.Sprintf("faults-%d@example.org", time.Now().UnixNano())
	creds := map[string]string{"email": email, "name": "Faults", "password": "correct horse"}
	if status, body := c.call(t, "POST", "/api/v1/users", creds, nil); status != 201 {
		t.Fatalf("sign up: %d %s", status, body)
	}
	delete(creds, "name")
	status, body := c.call(t, "POST", "/api/v1/sessions", creds, nil)
	if status != 201 {
		t.Fatalf("sign in: %d %s", status, body)
	}
	var s struct{ Token string }
	_ = json.Unmarshal(body, &s)
	c.token = s.Token
	return c
}

func (c *apiClient) call(t *testing.T, method, path string, body any, header map[string]string) (int, []byte) {
	t.Helper()
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return resp.StatusCode, buf.Bytes()
}

func (c *apiClient) newProposal(t *testing.T) string {
	t.Helper()
	status, body := c.call(t, "POST", "/api/v1/proposals", map[string]string{"template": "gf-concept-note-pwid", "title": "Сбой", "language": "ru", "country": "KG"}, nil)
	if status != 201 {
		t.Fatalf("create proposal: %d %s", status, body)
	}
	var p struct{ ID string }
	_ = json.Unmarshal(body, &p)
	return p.ID
}

// save writes text into one field of the first section, based on version.
func (c *apiClient) save(t *testing.T, id string, version int, text string) int {
	t.Helper()
	status, _ := c.call(t, "PUT", "/api/v1/proposals/"+id+"/sections/epidemiology", map[string]any{"fields": map[string]any{"data-gaps": text}},
		map[string]string{"If-Match": fmt.Sprintf(`"%d"`, version)})
	return status
}
