package service

import (
	"context"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/argon2"

	"iduit/domain"
)

// PasswordParams is the argon2id cost.
type PasswordParams struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultPasswordParams follows OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane), which keeps a
// sign-in near 30 ms on a small server.
var DefaultPasswordParams = PasswordParams{Memory: 19 * 1024, Time: 2, Threads: 1}

const (
	saltLength = 16
	keyLength  = 32
)

// PasswordHasher makes and checks password hashes. Argon2Hasher is the one production uses; tests wrap
// it to count how often a hash runs, which is what sign-in timing and the hashing bound are about.
type PasswordHasher interface {
	// Hash returns an encoded hash of password with a fresh salt.
	Hash(password string) string
	// Check tells whether password matches encoded; it costs one hash run, match or not.
	Check(password, encoded string) bool
}

// Argon2Hasher hashes with argon2id at the given cost.
type Argon2Hasher struct{ Params PasswordParams }

// Hash returns an argon2id hash in the PHC string format, which records its own parameters so that
// raising the cost later does not break existing accounts.
func (h Argon2Hasher) Hash(password string) string { return hashPassword(password, h.Params) }

// Check compares in constant time; a malformed hash never matches.
func (h Argon2Hasher) Check(password, encoded string) bool { return checkPassword(password, encoded) }

// Dummy returns a hash that no password matches and that costs one ordinary run to check: random bytes
// in place of the key. Unknown e-mails are checked against it, and making it costs no hash run (and no
// 19 MiB at start-up).
func (h Argon2Hasher) Dummy() string {
	b64 := base64.RawStdEncoding
	p := h.Params
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(randomBytes(saltLength)), b64.EncodeToString(randomBytes(keyLength)))
}

// dummyHash is what an unknown e-mail's password is checked against: the hasher's own Dummy when it has
// one, else the hash of a random password nobody knows.
func dummyHash(h PasswordHasher) string {
	if d, ok := h.(interface{ Dummy() string }); ok {
		return d.Dummy()
	}
	return h.Hash(base64.RawStdEncoding.EncodeToString(randomBytes(16)))
}

func hashPassword(password string, p PasswordParams) string {
	salt := randomBytes(saltLength)
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLength)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

func checkPassword(password, encoded string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var p PasswordParams
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// hashGate bounds how many password hashes run at once. Each argon2id run holds its whole cost in memory
// (19 MiB by default) for its duration, so a hundred sign-ins at once held 1.9–3.6 GiB. With the gate,
// peak memory is slots × cost whatever the burst; a request waits briefly for a slot and past that is
// told to come back (503 with Retry-After) rather than piling up. Waiting costs a goroutine, not memory.
type hashGate struct {
	hasher PasswordHasher
	slots  chan struct{}
	wait   time.Duration
	// inside counts requests holding or waiting for a slot; runs counts hashes since memory was last
	// handed back (see release).
	inside, runs atomic.Int64
}

// freeAfterRuns is how many hashes a burst must have run before the gate, once idle, hands the memory
// back to the system at once: measured on the built binary, the runtime's own scavenger left the RSS of
// a 200-sign-in burst in place for minutes (docs/reliability.md).
const freeAfterRuns = 16

func newHashGate(hasher PasswordHasher, slots int, wait time.Duration) *hashGate {
	return &hashGate{hasher: hasher, slots: make(chan struct{}, slots), wait: wait}
}

// enter takes a hashing slot, waiting at most the gate's wait; release it when done.
func (g *hashGate) enter(ctx context.Context) (release func(), err error) {
	g.inside.Add(1)
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	default:
	}
	timer := time.NewTimer(g.wait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	case <-timer.C:
		g.leave()
		return nil, domain.ErrPasswordsBusy()
	case <-ctx.Done():
		g.leave()
		return nil, ctx.Err()
	}
}

func (g *hashGate) release() {
	<-g.slots
	g.runs.Add(1)
	g.leave()
}

// leave notes a request leaving the gate. The last one out after a burst returns the hashes' memory to
// the system: a forced collection costs a few milliseconds once, when nobody is waiting.
func (g *hashGate) leave() {
	if g.inside.Add(-1) == 0 && g.runs.Load() >= freeAfterRuns {
		g.runs.Store(0)
		go debug.FreeOSMemory()
	}
}

// hash hashes password in a slot.
func (g *hashGate) hash(ctx context.Context, password string) (string, error) {
	release, err := g.enter(ctx)
	if err != nil {
		return "", err
	}
	defer release()
	return g.hasher.Hash(password), nil
}

// check checks password against encoded in a slot.
func (g *hashGate) check(ctx context.Context, password, encoded string) (bool, error) {
	release, err := g.enter(ctx)
	if err != nil {
		return false, err
	}
	defer release()
	return g.hasher.Check(password, encoded), nil
}
