package service

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"iduit/domain"
)

// Password length bounds, in characters. The upper bound keeps hashing cost bounded per request.
const (
	MinPasswordLength = 8
	MaxPasswordLength = 256
)

// RegisterInput is a sign-up request. Invitation, when set, is the token of an invitation link: the
// account is created as a member of the invited proposal.
type RegisterInput struct {
	Email, Name, Password string
	Invitation            string
	// Lang is the language the person's mail is written in: the page's language at sign-up; English
	// unless "ru".
	Lang string
}

// Register creates an account. The email is compared case-insensitively.
func (s *Service) Register(ctx context.Context, in RegisterInput) (domain.User, error) {
	email := domain.NormalizeEmail(in.Email)
	problems := domain.Problems(
		domain.CheckEmail("email", email),
		domain.CheckRequiredText("name", in.Name, domain.MaxNameLength),
		checkPasswordRules(in.Password, email),
	)
	if len(problems) > 0 {
		return domain.User{}, domain.Invalid("the account details are not valid", problems...)
	}
	hash, err := s.hashes.hash(ctx, in.Password)
	if err != nil {
		return domain.User{}, err
	}
	u := domain.User{ID: domain.NewID(), Email: email, Name: in.Name, CreatedAt: s.clock(), Lang: mailLang(in.Lang)}
	if in.Invitation != "" {
		act := &domain.Activity{Actor: u, Kind: domain.ActivityMemberAdded, CreatedAt: u.CreatedAt}
		if _, err := s.store.CreateUserFromInvitation(ctx, u, hash, hashToken(in.Invitation), act); err != nil {
			return domain.User{}, err
		}
		return u, nil
	}
	if err := s.store.CreateUser(ctx, u, hash); err != nil {
		return domain.User{}, err
	}
	return u, nil
}

// MinDistinctPasswordChars is how many different characters (spaces aside) a password needs: aaaaaaaa
// and 12121212 are long enough and guessed at once.
const MinDistinctPasswordChars = 5

//go:embed common-passwords.txt
var commonPasswordList string

// commonPasswords is the refused list as a set, built once: each entry lower-cased, and also with the
// common substitutions undone, so that the check can compare either way.
var commonPasswords = func() map[string]bool {
	set := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			lower := strings.ToLower(line)
			set[lower] = true
			set[unsubstitute(lower)] = true
		}
	}
	return set
}()

// substitutions undo the letter-for-symbol swaps people make to pass naive checks (P@ssw0rd).
var substitutions = strings.NewReplacer("@", "a", "4", "a", "3", "e", "0", "o", "1", "i", "!", "i", "|", "i",
	"$", "s", "5", "s", "7", "t", "+", "t")

func unsubstitute(s string) string { return substitutions.Replace(s) }

// isCommonPassword tells whether password is on the list, ignoring case and the common substitutions,
// or is a listed word followed by digits and punctuation (Dragon2024!).
func isCommonPassword(password string) bool {
	lower := strings.ToLower(password)
	base := strings.TrimRightFunc(lower, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	for _, candidate := range []string{lower, base} {
		if candidate != "" && (commonPasswords[candidate] || commonPasswords[unsubstitute(candidate)]) {
			return true
		}
	}
	return false
}

// distinctChars counts the different characters of s other than spaces.
func distinctChars(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		if !unicode.IsSpace(r) {
			seen[r] = true
		}
	}
	return len(seen)
}

// checkPasswordRules explains the first thing wrong with a new password. Each is coded; the
// pages say it from their catalogue, the API sends the English message.
func checkPasswordRules(password, email string) *domain.Problem {
	n := utf8.RuneCountInString(password)
	problem := func(code string, args ...any) *domain.Problem { return domain.NewProblem("password", code, args...) }
	switch {
	case !utf8.ValidString(password):
		return problem(domain.ProblemInvalidUTF8)
	case password != "" && strings.TrimSpace(password) == "":
		return problem(domain.ProblemOnlySpaces)
	case n < MinPasswordLength:
		return problem(domain.ProblemTooShortPassword, MinPasswordLength)
	case n > MaxPasswordLength:
		return problem(domain.ProblemTooLongPassword, MaxPasswordLength)
	case distinctChars(password) < MinDistinctPasswordChars:
		return problem(domain.ProblemFewDistinct, MinDistinctPasswordChars)
	case email != "" && strings.EqualFold(password, email):
		return problem(domain.ProblemPasswordIsEmail)
	case isCommonPassword(password):
		return problem(domain.ProblemCommonPassword)
	}
	return nil
}

// SignIn checks a password and opens a session. It returns the token, which is shown once and never
// stored. The attempt is counted before the password is checked, and refused (429) past the limits (see
// SignInLimits), so a password cannot be guessed at speed; addr is the client's address as the server
// sees it.
func (s *Service) SignIn(ctx context.Context, email, password, addr string) (string, domain.Session, error) {
	email = domain.NormalizeEmail(email)
	now := s.clock()
	keys := throttleKeys(email, addr)
	if err := s.admitSignIn(ctx, keys, now); err != nil {
		return "", domain.Session{}, err
	}
	user, err := s.checkCredentials(ctx, email, password)
	if domain.ErrorKind(err) == domain.KindUnavailable {
		// The password was never checked, so it was no guess: give the attempt back.
		if err := s.signInNotChecked(ctx, keys); err != nil {
			return "", domain.Session{}, err
		}
	}
	if err != nil {
		return "", domain.Session{}, err
	}
	if err := s.signInSucceeded(ctx, keys, now); err != nil {
		return "", domain.Session{}, err
	}
	token := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	sess := domain.Session{ID: domain.NewID(), UserID: user.ID, CreatedAt: now, ExpiresAt: now.Add(s.sessionTTL)}
	if err := s.store.CreateSession(ctx, sess, hashToken(token)); err != nil {
		return "", domain.Session{}, err
	}
	return token, sess, nil
}

// checkCredentials costs one password check whether or not the account exists: an unknown e-mail is
// checked against a dummy hash of the same cost, so the answer's timing does not tell which e-mails have
// accounts.
func (s *Service) checkCredentials(ctx context.Context, email, password string) (domain.User, error) {
	wrong := domain.ErrWrongCredentials()
	user, hash, err := s.store.UserByEmail(ctx, email)
	if domain.ErrorKind(err) == domain.KindNotFound {
		hash, err = s.dummyHash, nil
	}
	if err != nil {
		return user, err
	}
	ok, err := s.hashes.check(ctx, password, hash)
	if err != nil {
		return user, err
	}
	if !ok || user.ID == "" {
		return user, wrong
	}
	return user, nil
}

// Authenticate finds the live session for a bearer token.
func (s *Service) Authenticate(ctx context.Context, token string) (domain.Session, domain.User, error) {
	if token == "" {
		return domain.Session{}, domain.User{}, domain.Errorf(domain.KindUnauthenticated, "sign in first: no session token was sent")
	}
	sess, user, err := s.store.SessionByTokenHash(ctx, hashToken(token), s.clock())
	if domain.ErrorKind(err) == domain.KindNotFound {
		return domain.Session{}, domain.User{}, domain.ErrSessionEnded()
	}
	return sess, user, err
}

// AuthenticateFor authenticates a request to a route of the given proposal. A live session of one of its
// members, the common case, costs one query that also loads the proposal and the member's role; the
// returned Access holds that proposal for the request's first access check (see Access), which then
// needs no query of its own. Anything else falls back to Authenticate, and the access check asks again,
// so errors are exactly what the two steps would give.
func (s *Service) AuthenticateFor(ctx context.Context, token, proposalID string) (Access, error) {
	return s.authenticateFor(ctx, token, proposalID, "")
}

// AuthenticateForSection is AuthenticateFor for a read of one section: the section comes in the same
// query, so the read (see Section) needs none of its own. With an empty key it is AuthenticateFor.
func (s *Service) AuthenticateForSection(ctx context.Context, token, proposalID, key string) (Access, error) {
	return s.authenticateFor(ctx, token, proposalID, key)
}

func (s *Service) authenticateFor(ctx context.Context, token, proposalID, key string) (Access, error) {
	if token != "" && proposalID != "" {
		var (
			sess domain.Session
			user domain.User
			err  error
			pre  = &preloaded{sectionKey: key}
		)
		if key == "" {
			sess, user, pre.proposal, err = s.store.SessionForProposal(ctx, hashToken(token), s.clock(), proposalID)
		} else {
			sess, user, pre.proposal, pre.section, pre.found, err = s.store.SessionForSection(ctx, hashToken(token), s.clock(), proposalID, key)
		}
		if err == nil {
			pre.userID = user.ID
			return Access{User: user, Session: sess, pre: pre}, nil
		}
		if domain.ErrorKind(err) != domain.KindNotFound {
			return Access{}, err
		}
	}
	sess, user, err := s.Authenticate(ctx, token)
	return Access{User: user, Session: sess}, err
}

// SignOut ends a session.
func (s *Service) SignOut(ctx context.Context, sessionID string) error {
	return s.store.DeleteSession(ctx, sessionID)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
