// Package service holds iduit's use cases: who may do what, what input is valid, and which store calls
// make up one operation. The API and the web pages both call it, so the rules exist once.
package service

import (
	"crypto/rand"
	"io"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"iduit/budget"
	"iduit/domain"
	"iduit/models"
	"iduit/pdf"
	"iduit/submission"
	"iduit/templates"
)

// Service is the application. It is safe for concurrent use.
type Service struct {
	store      *models.Store
	templates  *templates.Catalogue
	budgets    *budget.Catalogue
	sessionTTL time.Duration
	now        func() time.Time
	// hashes runs every password hash, a few at a time (see hashGate).
	hashes *hashGate
	// dummyHash is what an unknown e-mail's password is checked against, at the same cost as a real one.
	dummyHash    string
	signInLimits SignInLimits
	// signIns counts successful sign-ins, to prune old counters now and then.
	signIns           atomic.Int64
	renderGate        *workGate
	pdfs              *lruCache[[]byte]
	packages          *lruCache[submission.Generated] // the generated files of submission packages
	renderPDF         func(io.Writer, pdf.Document) error
	diffGate          *workGate
	diffs             *lruCache[[]FieldDiff]
	diffFlights       flights[[]FieldDiff]
	proposalTemplates proposalTemplates
	imports           ImportLimits
	publicURL         string
	attachments       AttachmentLimits
}

// Config tunes the service; zero values take the defaults.
type Config struct {
	// Budgets is the modular-framework catalogue; the embedded one when nil.
	Budgets *budget.Catalogue
	// Passwords sets the argon2id cost. Tests lower it; production keeps DefaultPasswordParams.
	Passwords PasswordParams
	// Hasher replaces argon2id at the Passwords cost; tests wrap it to count or hold hash runs.
	Hasher PasswordHasher
	// HashSlots is how many password hashes may run at once (default: the number of CPUs), and HashWait
	// how long a sign-up or sign-in waits for a slot before it is answered 503 (default 2 s).
	HashSlots int
	HashWait  time.Duration
	// SignInLimits throttle password guessing; zero fields take DefaultSignInLimits'.
	SignInLimits SignInLimits
	// SessionTTL is how long a sign-in lasts.
	SessionTTL time.Duration
	// Now replaces the clock in tests of expiry.
	Now func() time.Time
	// Imports bounds the work one import may ask for; zero values take DefaultImportLimits.
	Imports ImportLimits
	// PublicURL is where people reach the site, such as https://iduit.example.org; links in e-mail start with it.
	PublicURL string
	// Renders and Diffs bound concurrent PDF renders and word diffs; zero values take DefaultWorkLimits.
	Renders, Diffs WorkLimits
	// RenderPDF replaces the concept note renderer, so that a test can hold renders open; nil is pdf.Render.
	RenderPDF func(io.Writer, pdf.Document) error
	// Attachments bounds evidence files; zero values take DefaultAttachmentLimits.
	Attachments AttachmentLimits
}

// DefaultSessionTTL keeps people signed in for two weeks: long enough for a drafting round, short enough
// that a lost phone's session dies on its own.
const DefaultSessionTTL = 14 * 24 * time.Hour

// DefaultHashWait is how long a sign-up or sign-in waits for a hashing slot: a burst of a few hundred
// drains in about that time on two cores, and a person retrying after 503 loses little.
const DefaultHashWait = 2 * time.Second

// New wires the service to its store and catalogues.
func New(store *models.Store, catalogue *templates.Catalogue, cfg Config) *Service {
	if cfg.Budgets == nil {
		b, err := budget.Embedded()
		if err != nil {
			panic(err) // the embedded catalogue is checked by its tests and by cmd/iduit at start-up
		}
		cfg.Budgets = b
	}
	if cfg.Passwords == (PasswordParams{}) {
		cfg.Passwords = DefaultPasswordParams
	}
	if cfg.Hasher == nil {
		cfg.Hasher = Argon2Hasher{Params: cfg.Passwords}
	}
	if cfg.HashSlots <= 0 {
		cfg.HashSlots = runtime.GOMAXPROCS(0)
	}
	if cfg.HashWait <= 0 {
		cfg.HashWait = DefaultHashWait
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RenderPDF == nil {
		cfg.RenderPDF = pdf.Render
	}
	if cfg.Attachments.MaxFileBytes <= 0 {
		cfg.Attachments.MaxFileBytes = DefaultAttachmentLimits.MaxFileBytes
	}
	if cfg.Attachments.MaxProposalBytes <= 0 {
		cfg.Attachments.MaxProposalBytes = DefaultAttachmentLimits.MaxProposalBytes
	}
	cfg.Imports = cfg.Imports.withDefaults(cfg.Attachments)
	return &Service{
		store: store, templates: catalogue, budgets: cfg.Budgets, sessionTTL: cfg.SessionTTL, now: cfg.Now,
		hashes: newHashGate(cfg.Hasher, cfg.HashSlots, cfg.HashWait), dummyHash: dummyHash(cfg.Hasher),
		signInLimits: cfg.SignInLimits.withDefaults(),
		imports:      cfg.Imports, publicURL: strings.TrimRight(cfg.PublicURL, "/"), attachments: cfg.Attachments,
		renderGate: newWorkGate(cfg.Renders, domain.ErrRenderBusy), pdfs: newPDFCache(64 << 20), renderPDF: cfg.RenderPDF,
		packages: newLRUCache(32<<20, submission.Generated.Size),
		diffGate: newWorkGate(cfg.Diffs, domain.ErrDiffBusy), diffs: newDiffCache(diffCacheBytes),
	}
}

// Templates exposes the catalogue for read-only listing.
func (s *Service) Templates() *templates.Catalogue { return s.templates }

// clock returns the current time in UTC, truncated to microseconds so that it round-trips through both
// databases unchanged.
func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return b
}
