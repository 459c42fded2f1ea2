package api

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"iduit/docs"
	"iduit/httpkit"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

// cheapPasswords keeps argon2id real but fast enough to create hundreds of accounts in a test run.
var cheapPasswords = service.PasswordParams{Memory: 64, Time: 1, Threads: 1}

var specRouter routers.Router

func init() {
	openapi3filter.RegisterBodyDecoder(problemContentType, openapi3filter.JSONBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/yaml", openapi3filter.FileBodyDecoder)
	openapi3filter.RegisterBodyDecoder("application/pdf", openapi3filter.FileBodyDecoder)
	spec, err := openapi3.NewLoader().LoadFromData(docs.OpenAPI)
	if err != nil {
		panic(fmt.Sprintf("docs/openapi.yaml does not load: %v", err))
	}
	if err := spec.Validate(context.Background()); err != nil {
		panic(fmt.Sprintf("docs/openapi.yaml is not valid: %v", err))
	}
	specRouter, err = legacy.NewRouter(spec)
	if err != nil {
		panic(err)
	}
}

// testAPI is the real router over a real store; every response it sees is checked against the spec.
type testAPI struct {
	t       *testing.T
	handler http.Handler
	store   *models.Store
	users   atomic.Int64
	// addr is the client address of requests that name none: one per harness, so that sign-in counters
	// (kept in the database, which the PostgreSQL half of the suite shares) never mix between tests.
	addr string
}

func newTestAPI(t *testing.T, store *models.Store) *testAPI {
	t.Helper()
	return newTestAPIAt(t, store, nil)
}

// newTestAPIAt is newTestAPI with the service's clock replaced (nil keeps the real one).
func newTestAPIAt(t *testing.T, store *models.Store, now func() time.Time) *testAPI {
	t.Helper()
	return newTestAPIWith(t, store, service.Config{Passwords: cheapPasswords, Now: now})
}

// newTestAPIWith is newTestAPI with the service configured by cfg.
func newTestAPIWith(t *testing.T, store *models.Store, cfg service.Config) *testAPI {
	t.Helper()
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	svc := service.New(store, catalogue, cfg)
	h := newRouter(svc, store.Ping)
	return &testAPI{t: t, handler: h, store: store, addr: uniqueAddr()}
}

// problemContentType is what every error answers with.
const problemContentType = httpkit.ProblemContentType

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = crand.Read(b)
	return hex.EncodeToString(b)
}

// newRouter is the API alone on the shared engine, as cmd/iduit mounts it (without the pages).
func newRouter(svc *service.Service, ready func(context.Context) error) *httpkit.Engine {
	e := httpkit.New(httpkit.Config{Logger: discardLogger()})
	Mount(e, Deps{Service: svc, Ready: ready})
	return e
}

// uniqueAddr is a random address in the documentation range 2001:db8::/32, with a port.
func uniqueAddr() string {
	return fmt.Sprintf("[2001:db8:%x:%x:%x::1]:1234", rand.Uint32()>>16, rand.Uint32()>>16, rand.Uint32()>>16)
}

// eachAPI runs fn on every database backend.
func eachAPI(t *testing.T, fn func(t *testing.T, a *testAPI)) {
	testdb.Each(t, func(t *testing.T, store *models.Store) { fn(t, newTestAPI(t, store)) })
}

// call is one request; body may be a string (sent as is) or a value (sent as JSON).
type call struct {
	method, path, token string
	body                any
	header              map[string]string
	// remote is the client's address ("host:port"); empty means the harness's own.
	remote string
}

type result struct {
	*httptest.ResponseRecorder
	t *testing.T
}

func (a *testAPI) do(t *testing.T, c call) result {
	t.Helper()
	req := httptest.NewRequest(c.method, c.path, bodyReader(t, c.body))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = a.addr
	if c.remote != "" {
		req.RemoteAddr = c.remote
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range c.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	a.handler.ServeHTTP(rec, req)
	checkAgainstSpec(t, req, rec)
	return result{rec, t}
}

func bodyReader(t *testing.T, body any) io.Reader {
	switch b := body.(type) {
	case nil:
		return nil
	case string:
		return strings.NewReader(b)
	case []byte:
		return bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		return bytes.NewReader(data)
	}
}

// checkAgainstSpec fails the test when a response's status, headers or body are not what
// docs/openapi.yaml promises for that route.
func checkAgainstSpec(t *testing.T, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	route, params, err := specRouter.FindRoute(req)
	if err != nil {
		if rec.Code == http.StatusNotFound || rec.Code == http.StatusMethodNotAllowed {
			return // requests to routes that do not exist are answered, not documented
		}
		t.Fatalf("%s %s is not in docs/openapi.yaml: %v", req.Method, req.URL.Path, err)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Body:                   io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		t.Fatalf("%s %s answered %d, which docs/openapi.yaml does not allow: %v\nbody: %s", req.Method, req.URL.Path, rec.Code, err, rec.Body.String())
	}
}

// want fails unless the status is the expected one.
func (r result) want(status int) result {
	r.t.Helper()
	if r.Code != status {
		r.t.Fatalf("status %d, want %d; body: %s", r.Code, status, r.Body.String())
	}
	return r
}

// json decodes the body into a map for spot checks.
func (r result) json() map[string]any {
	r.t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body.Bytes(), &m); err != nil {
		r.t.Fatalf("body is not a JSON object: %v: %s", err, r.Body.String())
	}
	return m
}

func (r result) str(key string) string {
	r.t.Helper()
	s, _ := r.json()[key].(string)
	return s
}

// problemFields lists the "field" of each entry in a problem's errors.
func (r result) problemFields() []string {
	r.t.Helper()
	var p struct {
		Errors []struct{ Field string } `json:"errors"`
	}
	_ = json.Unmarshal(r.Body.Bytes(), &p)
	out := make([]string, len(p.Errors))
	for i, e := range p.Errors {
		out[i] = e.Field
	}
	return out
}

// account is a signed-up, signed-in person.
type account struct {
	id, email, token string
}

// signUp creates an account with a unique email and signs it in.
func (a *testAPI) signUp(t *testing.T, name string) account {
	t.Helper()
	email := fmt.Sprintf("%s-%d-%s@example.org", strings.ToLower(name), a.users.Add(1), randomHex(4))
	u := a.do(t, call{method: "POST", path: "/api/v1/users", body: map[string]string{"email": email, "name": name, "password": "correct horse"}}).want(201)
	s := a.do(t, call{method: "POST", path: "/api/v1/sessions", body: map[string]string{"email": email, "password": "correct horse"}}).want(201)
	return account{id: u.str("id"), email: email, token: s.str("token")}
}

const testTemplate = "gf-concept-note-pwid"

// newProposal creates a proposal owned by owner and returns its id.
func (a *testAPI) newProposal(t *testing.T, owner account) string {
	t.Helper()
	body := map[string]string{"template": testTemplate, "title": "Снижение вреда в Бишкеке", "language": "ru", "country": "Kyrgyzstan"}
	return a.do(t, call{method: "POST", path: "/api/v1/proposals", token: owner.token, body: body}).want(201).str("id")
}

// addMember gives another account a role on a proposal.
func (a *testAPI) addMember(t *testing.T, owner account, proposalID string, m account, role string) {
	t.Helper()
	a.do(t, call{method: "POST", path: "/api/v1/proposals/" + proposalID + "/members", token: owner.token,
		body: map[string]string{"email": m.email, "role": role}}).want(201)
}
