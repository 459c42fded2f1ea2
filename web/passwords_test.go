package web

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
)

// TestWeakPasswordsAreExplainedInTheReadersLanguage: the sign-up page refuses weak passwords with a
// message in the page's language, not the service's English.
func TestWeakPasswordsAreExplainedInTheReadersLanguage(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		v.get("/signup")
		v.post("/lang", url.Values{"lang": {"ru"}, "next": {"/signup"}})
		for _, tt := range []struct{ password, want string }{
			{"P@ssw0rd", "слишком распространенный пароль"},
			{"        ", "не может состоять из одних пробелов"},
			{"aaaaaaaa", "не меньше 5 разных символов"},
			{"abcdefgh", "слишком распространенный пароль"},
		} {
			v.get("/signup")
			email := "weak." + domain.NewID()[:8] + "@example.org"
			p := v.post("/signup", url.Values{"name": {"Слабый"}, "email": {email}, "password": {tt.password}})
			if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, tt.want) {
				t.Errorf("%q: status %d, page does not say %q:\n%s", tt.password, p.Status, tt.want, fieldErrors(p.Body))
			}
		}
	})
}

func fieldErrors(body string) string {
	var out []string
	for _, part := range strings.Split(body, `class="field-error"`)[1:] {
		out = append(out, part[:min(len(part), 200)])
	}
	return strings.Join(out, "\n")
}

// holdingHasher holds the first password check after it is armed until released, keeping the only
// hashing slot taken.
type holdingHasher struct {
	service.Argon2Hasher
	armed, taken      atomic.Bool
	entered, released chan struct{}
}

func (h *holdingHasher) Check(password, encoded string) bool {
	if h.armed.Load() && h.taken.CompareAndSwap(false, true) {
		close(h.entered)
		<-h.released
	}
	return h.Argon2Hasher.Check(password, encoded)
}

// TestBusyHashingPageSaysComeBack: when every hashing slot stays busy, the sign-up page answers 503
// with Retry-After and says so in the reader's language.
func TestBusyHashingPageSaysComeBack(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		hasher := &holdingHasher{Argon2Hasher: service.Argon2Hasher{Params: cheapPasswords},
			entered: make(chan struct{}), released: make(chan struct{})}
		s := newTestSiteWith(t, store, service.Config{Hasher: hasher, HashSlots: 1, HashWait: time.Millisecond})
		owner := s.visitor()
		email := owner.signUp("Owner")
		hasher.armed.Store(true)
		done := make(chan page)
		go func() {
			other := s.visitor()
			other.get("/signin")
			done <- other.post("/signin", url.Values{"email": {email}, "password": {"correct horse battery"}})
		}()
		<-hasher.entered
		v := s.visitor()
		v.get("/signup")
		v.post("/lang", url.Values{"lang": {"ru"}, "next": {"/signup"}})
		v.get("/signup")
		p := v.post("/signup", url.Values{"name": {"Новый"}, "email": {"busy." + email}, "password": {"correct horse battery"}})
		close(hasher.released)
		if p.Status != http.StatusServiceUnavailable || p.Header.Get("Retry-After") == "" || !strings.Contains(p.Body, "Сервер сейчас проверяет другие пароли") {
			t.Errorf("status %d, Retry-After %q; body:\n%s", p.Status, p.Header.Get("Retry-After"), p.Body)
		}
		if p := <-done; p.Status != http.StatusSeeOther {
			t.Fatalf("the held sign-in: %d", p.Status)
		}
	})
}
