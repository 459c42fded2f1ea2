package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"time"

	"iduit/domain"
	"iduit/models"
)

// SignInLimits decide how fast passwords can be guessed. Every attempt is counted in the database before
// its password is checked, so concurrent guesses cannot all slip through, and servers sharing one
// database share the counts. See docs/reliability.md for the numbers and why.
type SignInLimits struct {
	// Pair limits attempts on one account from one address per PairWindow. Once a window reaches the
	// limit and guessing goes on, the next window is twice as long, up to PairMaxWindow. It is the limit
	// a guesser meets first, and it touches nobody else: the owner elsewhere is not refused.
	Pair                      int
	PairWindow, PairMaxWindow time.Duration
	// Account limits attempts on one account from all addresses together, against guessing spread over
	// many addresses; it also doubles. Addresses the owner has signed in from before are exempt.
	Account                         int
	AccountWindow, AccountMaxWindow time.Duration
	// Address limits attempts from one address on all accounts together; it must be high enough for an
	// office behind one NAT address. Known addresses of each account are exempt here too.
	Address       int
	AddressWindow time.Duration
	// KnownFor is how long an (account, address) pair that signed in counts as known.
	KnownFor time.Duration
}

// DefaultSignInLimits: five guesses per account and address in 15 minutes, then 5 per 30 minutes, per
// hour, ... up to a day; 50 failures per account per hour from unknown addresses; 200 failures per
// address per hour, which an office of a hundred people mistyping twice each stays under.
var DefaultSignInLimits = SignInLimits{
	Pair: 5, PairWindow: 15 * time.Minute, PairMaxWindow: 24 * time.Hour,
	Account: 50, AccountWindow: time.Hour, AccountMaxWindow: 24 * time.Hour,
	Address: 200, AddressWindow: time.Hour,
	KnownFor: 90 * 24 * time.Hour,
}

// withDefaults fills zero fields from DefaultSignInLimits.
func (l SignInLimits) withDefaults() SignInLimits {
	d := DefaultSignInLimits
	pick := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	pickD := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	pick(&l.Pair, d.Pair)
	pick(&l.Account, d.Account)
	pick(&l.Address, d.Address)
	pickD(&l.PairWindow, d.PairWindow)
	pickD(&l.PairMaxWindow, d.PairMaxWindow)
	pickD(&l.AccountWindow, d.AccountWindow)
	pickD(&l.AccountMaxWindow, d.AccountMaxWindow)
	pickD(&l.AddressWindow, d.AddressWindow)
	pickD(&l.KnownFor, d.KnownFor)
	return l
}

// signInKeys are the counters one sign-in touches. They are hashes, so the table does not collect the
// e-mail addresses people (or guessers) typed.
type signInKeys struct{ pair, account, address, known string }

func throttleKeys(email, addr string) signInKeys {
	key := func(parts ...string) string {
		h := sha256.New()
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	return signInKeys{
		pair: key("pair", email, addr), account: key("account", email), address: key("address", addr),
		known: key("known", email, addr),
	}
}

// admitSignIn counts the attempt and refuses it when a limit is passed. Only attempts that pass the pair
// limit count against the account and the address, so a guesser hammering from one address cannot use
// up the account's allowance and lock its owner out elsewhere.
func (s *Service) admitSignIn(ctx context.Context, k signInKeys, now time.Time) error {
	l := s.signInLimits
	pair, err := s.store.CountAttempts(ctx, now, models.AttemptCounter{Key: k.pair, Limit: l.Pair, Window: l.PairWindow, MaxWindow: l.PairMaxWindow})
	if err != nil {
		return err
	}
	if pair[0].Attempts > l.Pair {
		return tooManySignIns(pair[0].WindowEnd, now)
	}
	wide, err := s.store.CountAttempts(ctx, now,
		models.AttemptCounter{Key: k.account, Limit: l.Account, Window: l.AccountWindow, MaxWindow: l.AccountMaxWindow},
		models.AttemptCounter{Key: k.address, Limit: l.Address, Window: l.AddressWindow, MaxWindow: l.AddressWindow})
	if err != nil {
		return err
	}
	var until time.Time
	if wide[0].Attempts > l.Account {
		until = wide[0].WindowEnd
	}
	if wide[1].Attempts > l.Address && wide[1].WindowEnd.After(until) {
		until = wide[1].WindowEnd
	}
	if until.IsZero() {
		return nil
	}
	if known, err := s.store.Remembered(ctx, k.known, now); err != nil || known {
		return err
	}
	// Refused without a check: give the attempt back, so the counts stay the number of passwords tried.
	if err := s.store.SettleAttempts(ctx, "", []string{k.pair, k.account, k.address}, "", time.Time{}); err != nil {
		return err
	}
	return tooManySignIns(until, now)
}

// signInSucceeded forgives the pair's failures, gives back the attempt counted against the account and
// the address, and remembers the pair as a known device.
func (s *Service) signInSucceeded(ctx context.Context, k signInKeys, now time.Time) error {
	if s.signIns.Add(1)%256 == 0 {
		// Now and then, drop counters whose windows are long over; a failure here only delays that.
		_ = s.store.PruneAttempts(ctx, now.Add(-s.signInLimits.PairMaxWindow))
	}
	return s.store.SettleAttempts(ctx, k.pair, []string{k.account, k.address}, k.known, now.Add(s.signInLimits.KnownFor))
}

// signInNotChecked gives back an attempt whose password was never checked (the server was too busy).
func (s *Service) signInNotChecked(ctx context.Context, k signInKeys) error {
	return s.store.SettleAttempts(ctx, "", []string{k.pair, k.account, k.address}, "", time.Time{})
}

func tooManySignIns(until, now time.Time) error {
	seconds := max(1, int(math.Ceil(until.Sub(now).Seconds())))
	return domain.ErrTooManySignIns(seconds)
}
