package web

import (
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"iduit/api"
	"iduit/domain"
	"iduit/httpkit"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

// cheapPasswords keeps argon2id real but fast in tests.
var cheapPasswords = service.PasswordParams{Memory: 64, Time: 1, Threads: 1}

// testSite is the real router (API and pages) over a real store, served on a loopback listener.
type testSite struct {
	t     *testing.T
	srv   *httptest.Server
	svc   *service.Service
	store *models.Store
	users atomic.Int64
	// router is what srv serves; restartPages swaps it as a restarted server would be.
	router atomic.Pointer[http.Handler]
	log    *slog.Logger
}

func newTestSite(t *testing.T, store *models.Store) *testSite {
	t.Helper()
	return newTestSiteWith(t, store, service.Config{Passwords: cheapPasswords})
}

// newTestSiteWith is newTestSite with the service configured by cfg.
func newTestSiteWith(t *testing.T, store *models.Store, cfg service.Config) *testSite {
	t.Helper()
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(store, catalogue, cfg)
	log := slog.New(slog.NewTextHandler(testLogOut(), nil))
	pages, err := New(Config{Service: svc, Logger: log, CSRFSecret: []byte("test-secret-of-at-least-16-bytes")})
	if err != nil {
		t.Fatal(err)
	}
	router := newSiteRouter(svc, store, log, pages)
	site := &testSite{t: t, svc: svc, store: store, log: log}
	site.router.Store(&router)
	// Each site's visitors come from an address of their own, so that sign-in counters (kept in the
	// database, which the PostgreSQL half of the suite shares) never mix between tests.
	addr := fmt.Sprintf("[2001:db8:%x:%x:%x::2]:1234", rand.Uint32()>>16, rand.Uint32()>>16, rand.Uint32()>>16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.RemoteAddr = addr
		(*site.router.Load()).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	site.srv = srv
	return site
}

// restartPages replaces the router with a new one over the same database, as a server restarted without
// a shared CSRF secret: sessions live on, the tokens in open pages no longer match.
func (s *testSite) restartPages() {
	s.t.Helper()
	pages, err := New(Config{Service: s.svc, Logger: s.log}) // no secret: a random one, as in production
	if err != nil {
		s.t.Fatal(err)
	}
	router := newSiteRouter(s.svc, s.store, s.log, pages)
	s.router.Store(&router)
}

// newSiteRouter mounts the API and the pages side by side on one engine, as cmd/iduit does: the web tests
// reach the API too (tokens, exports, the problem documents of /api/ paths), which is why this test file,
// and only it, imports package api.
func newSiteRouter(svc *service.Service, store *models.Store, log *slog.Logger, pages *Pages) http.Handler {
	e := httpkit.New(httpkit.Config{Logger: log, Pages: pages})
	api.Mount(e, api.Deps{Service: svc, Ready: store.Ping})
	pages.Mount(e)
	return e
}

// eachSite runs fn on every database backend.
func eachSite(t *testing.T, fn func(t *testing.T, s *testSite)) {
	testdb.Each(t, func(t *testing.T, store *models.Store) { fn(t, newTestSite(t, store)) })
}

// visitor is one browser without JavaScript: a cookie jar that does not follow redirects on its own.
type visitor struct {
	t      *testing.T
	site   *testSite
	client *http.Client
	csrf   string // the token of the last page read
}

func (s *testSite) visitor() *visitor {
	jar, _ := cookiejar.New(nil)
	return &visitor{t: s.t, site: s, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// page is a response with its body read (and un-gzipped).
type page struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
	Wire     int // bytes on the wire, before decompression
}

var csrfInput = regexp.MustCompile(`name="csrf-token" content="([^"]+)"`)

func (v *visitor) do(req *http.Request) page {
	v.t.Helper()
	resp, err := v.client.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	p := page{Status: resp.StatusCode, Header: resp.Header, Location: resp.Header.Get("Location"), Wire: len(raw)}
	body := raw
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(strings.NewReader(string(raw)))
		if err != nil {
			v.t.Fatal(err)
		}
		body, _ = io.ReadAll(zr)
	}
	p.Body = string(body)
	if m := csrfInput.FindStringSubmatch(p.Body); m != nil {
		v.csrf = html.UnescapeString(m[1])
	}
	return p
}

func (v *visitor) get(path string) page {
	v.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, v.site.srv.URL+path, nil)
	return v.do(req)
}

// post sends a form with the current CSRF token unless the form names its own.
func (v *visitor) post(path string, form url.Values) page {
	v.t.Helper()
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", v.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, v.site.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return v.do(req)
}

// signUp creates an account through the sign-up page and leaves the visitor signed in.
func (v *visitor) signUp(name string) string {
	v.t.Helper()
	// Unique across tests and runs: the PostgreSQL database is shared by the whole suite.
	email := "person" + strconv.FormatInt(v.site.users.Add(1), 10) + "." + domain.NewID()[:8] + "@example.org"
	v.get("/signup")
	p := v.post("/signup", url.Values{"name": {name}, "email": {email}, "password": {"correct horse battery"}})
	if p.Status != http.StatusSeeOther || p.Location != "/proposals" {
		v.t.Fatalf("sign-up: %d %s\n%s", p.Status, p.Location, p.Body)
	}
	return email
}

// createProposal starts a proposal through the form and returns its id.
func (v *visitor) createProposal(title, lang string, bilingual bool) string {
	v.t.Helper()
	v.get("/proposals/new")
	form := url.Values{"template": {"gf-concept-note-pwid"}, "title": {title}, "country": {"Kyrgyzstan"}, "language": {lang}}
	if bilingual {
		form.Set("bilingual", "on")
		form.Set("submission_language", "en")
	}
	p := v.post("/proposals", form)
	if p.Status != http.StatusSeeOther || !strings.HasPrefix(p.Location, "/proposals/") {
		v.t.Fatalf("create proposal: %d %s\n%s", p.Status, p.Location, p.Body)
	}
	return strings.TrimPrefix(p.Location, "/proposals/")
}

// testLogOut shows the server's log with IDUIT_TEST_LOG=1, for debugging a failing test.
func testLogOut() io.Writer {
	if os.Getenv("IDUIT_TEST_LOG") != "" {
		return os.Stderr
	}
	return io.Discard
}

var staticRef = map[string]string{"app.css": `href="(/static/app\.css\?v=[0-9a-f]+)"`, "app.js": `src="(/static/app\.js\?v=[0-9a-f]+)"`}

// staticURL reads a static file's versioned address from the sign-in page, as a browser would.
func (s *testSite) staticURL(name string) (string, bool) {
	p := s.visitor().get("/signin")
	m := regexp.MustCompile(staticRef[name]).FindStringSubmatch(p.Body)
	if m == nil {
		return "", false
	}
	return m[1], true
}
