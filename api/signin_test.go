package api

import (
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
)

// countingHasher is the real argon2id hasher (at the cheap test cost) that counts its runs and, when
// armed, holds each check until released: what the timing and the hashing-bound tests observe.
type countingHasher struct {
	service.Argon2Hasher
	hashes, checks atomic.Int64
	// hold, when not nil, makes the first check signal entered and wait for release to close.
	hold *holdChecks
}

type holdChecks struct {
	taken   atomic.Bool
	entered chan struct{}
	release chan struct{}
}

func newCountingHasher() *countingHasher {
	return &countingHasher{Argon2Hasher: service.Argon2Hasher{Params: cheapPasswords}}
}

func (h *countingHasher) Hash(password string) string {
	h.hashes.Add(1)
	return h.Argon2Hasher.Hash(password)
}

func (h *countingHasher) Check(password, encoded string) bool {
	h.checks.Add(1)
	if h.hold != nil {
		// Only the first check is held; one running beside it means the bound is broken, and the test
		// sees it succeed instead of waiting.
		if h.hold.taken.CompareAndSwap(false, true) {
			close(h.hold.entered)
			<-h.hold.release
		}
	}
	return h.Argon2Hasher.Check(password, encoded)
}

func (h *countingHasher) runs() int64 { return h.hashes.Load() + h.checks.Load() }

func (a *testAPI) signInFrom(t *testing.T, email, password, remote string) result {
	t.Helper()
	return a.do(t, call{method: "POST", path: "/api/v1/sessions", remote: remote, body: map[string]string{"email": email, "password": password}})
}

func wantRetryAfter(t *testing.T, r result) {
	t.Helper()
	if n, err := strconv.Atoi(r.Header().Get("Retry-After")); err != nil || n <= 0 {
		t.Fatalf("status %d with Retry-After %q, want a positive number of seconds", r.Code, r.Header().Get("Retry-After"))
	}
}

// TestConcurrentGuessesAreCountedBeforeChecking sends thirty wrong passwords for one account at once from
// one address: with a limit of five, at most five are checked and the rest are refused with 429. The
// owner, signing in from elsewhere, is not refused because of them; the guesser's address is.
func TestConcurrentGuessesAreCountedBeforeChecking(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		hasher := newCountingHasher()
		a := newTestAPIWith(t, store, service.Config{Hasher: hasher, HashSlots: 4, HashWait: time.Minute,
			SignInLimits: service.SignInLimits{Pair: 5}})
		alice := a.signUp(t, "Alice")
		attacker := uniqueAddr()
		before := hasher.checks.Load()
		results := make([]result, 30)
		var wg sync.WaitGroup
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = a.signInFrom(t, alice.email, "wrong guess", attacker)
			}()
		}
		wg.Wait()
		statuses := map[int]int{}
		for _, r := range results {
			statuses[r.Code]++
			if r.Code == http.StatusTooManyRequests {
				wantRetryAfter(t, r)
			}
		}
		checked := hasher.checks.Load() - before
		if statuses[401] > 5 || statuses[401]+statuses[429] != 30 || checked != int64(statuses[401]) {
			t.Fatalf("statuses %v with %d passwords checked; want at most 5 × 401 (each checked once), the rest 429", statuses, checked)
		}
		wantRetryAfter(t, a.signInFrom(t, alice.email, "correct horse", attacker).want(429))
		a.signInFrom(t, alice.email, "correct horse", uniqueAddr()).want(201)
	})
}

// TestWideSignInLimits checks the limits over many addresses and many accounts: past them an unknown
// address is refused, but an address that has signed in to the account before is not.
func TestWideSignInLimits(t *testing.T) {
	eachSignIn := func(t *testing.T, limits service.SignInLimits, fn func(t *testing.T, a *testAPI)) {
		testdb.Each(t, func(t *testing.T, store *models.Store) {
			fn(t, newTestAPIWith(t, store, service.Config{Passwords: cheapPasswords, SignInLimits: limits}))
		})
	}
	t.Run("one account guessed from many addresses", func(t *testing.T) {
		eachSignIn(t, service.SignInLimits{Pair: 5, Account: 3}, func(t *testing.T, a *testAPI) {
			alice := a.signUp(t, "Alice") // signed in once from a.addr, which is now known
			for range 3 {
				a.signInFrom(t, alice.email, "wrong guess", uniqueAddr()).want(401)
			}
			wantRetryAfter(t, a.signInFrom(t, alice.email, "wrong guess", uniqueAddr()).want(429))
			wantRetryAfter(t, a.signInFrom(t, alice.email, "correct horse", uniqueAddr()).want(429))
			a.signInFrom(t, alice.email, "correct horse", a.addr).want(201)
		})
	})
	t.Run("one address guessing many accounts", func(t *testing.T) {
		eachSignIn(t, service.SignInLimits{Pair: 5, Address: 20}, func(t *testing.T, a *testAPI) {
			carol := a.signUp(t, "Carol")
			office := uniqueAddr()
			a.signInFrom(t, carol.email, "correct horse", office).want(201) // Carol works from the office
			dave := a.signUp(t, "Dave")
			for i := range 20 {
				a.signInFrom(t, "nobody"+strconv.Itoa(i)+"."+carol.email, "wrong guess", office).want(401)
			}
			wantRetryAfter(t, a.signInFrom(t, "nobody-more."+carol.email, "wrong guess", office).want(429))
			wantRetryAfter(t, a.signInFrom(t, dave.email, "correct horse", office).want(429))
			a.signInFrom(t, carol.email, "correct horse", office).want(201)
			a.signInFrom(t, dave.email, "correct horse", uniqueAddr()).want(201)
		})
	})
}

// TestUnknownEmailCostsOnePasswordCheck: an unknown e-mail does the same hashing work as a wrong
// password, so the time of the answer does not tell which e-mails have accounts.
func TestUnknownEmailCostsOnePasswordCheck(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		hasher := newCountingHasher()
		a := newTestAPIWith(t, store, service.Config{Hasher: hasher})
		alice := a.signUp(t, "Alice")
		for _, tt := range []struct{ name, email string }{
			{"wrong password", alice.email},
			{"unknown e-mail", "nobody." + alice.email},
		} {
			before := hasher.runs()
			a.signInFrom(t, tt.email, "wrong guess", "").want(401)
			if runs := hasher.runs() - before; runs != 1 {
				t.Errorf("%s: %d hash runs, want 1", tt.name, runs)
			}
		}
	})
}

// TestPasswordHashingIsBounded holds the only hashing slot with one sign-in; the sign-ins and sign-ups
// that come meanwhile find no slot within their wait and are answered 503 with Retry-After, instead
// of each holding a hash's memory at once.
func TestPasswordHashingIsBounded(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		hasher := newCountingHasher()
		a := newTestAPIWith(t, store, service.Config{Hasher: hasher, HashSlots: 1, HashWait: time.Millisecond})
		alice := a.signUp(t, "Alice")
		hasher.hold = &holdChecks{entered: make(chan struct{}), release: make(chan struct{})}
		first := make(chan result)
		go func() { first <- a.signInFrom(t, alice.email, "correct horse", "") }()
		<-hasher.hold.entered // the slot is taken until release
		for i := range 5 {
			r := a.signInFrom(t, alice.email, "correct horse", uniqueAddr()).want(503)
			wantRetryAfter(t, r)
			if r.str("code") != "passwords_busy" {
				t.Fatalf("sign-in %d: code %q", i, r.str("code"))
			}
		}
		body := map[string]string{"email": "busy." + alice.email, "name": "Busy", "password": "correct horse"}
		wantRetryAfter(t, a.do(t, call{method: "POST", path: "/api/v1/users", body: body}).want(503))
		close(hasher.hold.release)
		(<-first).want(201)
		a.do(t, call{method: "POST", path: "/api/v1/users", body: body}).want(201)
	})
}
