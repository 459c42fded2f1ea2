package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Client is a keep-alive HTTP client sized to the number of workers.
type Client struct {
	base string
	http *http.Client
}

// NewClient keeps up to two idle connections per worker, so a run measures the server, not dialling.
func NewClient(addr string, conns int) *Client {
	tr := &http.Transport{MaxIdleConns: conns * 2, MaxIdleConnsPerHost: conns * 2, IdleConnTimeout: time.Minute}
	return &Client{base: "http://" + addr, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (c *Client) do(ctx context.Context, method, path, token string, body any, header map[string]string) (*http.Response, []byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp, data, err
}

func (c *Client) get(ctx context.Context, path, token string) (int, error) {
	resp, _, err := c.do(ctx, http.MethodGet, path, token, nil, nil)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func (c *Client) signUp(ctx context.Context) (string, error) {
	email := fmt.Sprintf("load-%d@example.org", time.Now().UnixNano())
	creds := map[string]string{"email": email, "name": "Load", "password": "load-test-password"}
	if resp, body, err := c.do(ctx, http.MethodPost, "/api/v1/users", "", creds, nil); err != nil || resp.StatusCode != 201 {
		return "", fmt.Errorf("sign up: %v %s", err, body)
	}
	delete(creds, "name")
	resp, body, err := c.do(ctx, http.MethodPost, "/api/v1/sessions", "", creds, nil)
	if err != nil || resp.StatusCode != 201 {
		return "", fmt.Errorf("sign in: %v %s", err, body)
	}
	var s struct{ Token string }
	return s.Token, json.Unmarshal(body, &s)
}

func (c *Client) createProposal(ctx context.Context, token string) (string, error) {
	in := map[string]string{"template": "gf-concept-note-pwid", "title": "Нагрузочный тест", "language": "ru", "country": "Kyrgyzstan"}
	resp, body, err := c.do(ctx, http.MethodPost, "/api/v1/proposals", token, in, nil)
	if err != nil || resp.StatusCode != 201 {
		return "", fmt.Errorf("create proposal: %v %s", err, body)
	}
	var p struct{ ID string }
	return p.ID, json.Unmarshal(body, &p)
}

// saver returns a worker that saves one section over and over, carrying the ETag of each save into the
// next If-Match, as an editor typing with autosave would.
func (c *Client) saver(path, token string) func(context.Context) (int, error) {
	version, n := 0, 0
	text := strings.Repeat("Сообщество ЛУИН участвует в работе СКМ. ", 20)
	return func(ctx context.Context) (int, error) {
		n++
		body := map[string]any{"fields": map[string]any{"hiv-hcv-epidemiology": text + strconv.Itoa(n)}}
		resp, _, err := c.do(ctx, http.MethodPut, path, token, body, map[string]string{"If-Match": strconv.Quote(strconv.Itoa(version))})
		if err != nil {
			return 0, err
		}
		if resp.StatusCode == http.StatusOK {
			version, _ = strconv.Atoi(strings.Trim(resp.Header.Get("ETag"), `"`))
		}
		return resp.StatusCode, nil
	}
}
