// Package service holds iduit's use cases: who may do what, what input is valid, and which store calls
// make up one operation. The API and the web pages both call it, so the rules exist once.
package service

import (
	"crypto/rand"
	"runtime"
	"time"

	"iduit/budget"
	"iduit/models"
	"iduit/templates"
)

// Service is the application. It is safe for concurrent use.
type Service struct {
	store      *models.Store
	templates  *templates.Catalogue
	budgets    *budget.Catalogue
	passwords  PasswordParams
	sessionTTL time.Duration
	now        func() time.Time
	// Failed sign-ins are throttled per account and per client address.
	accountThrottle, addressThrottle *throttle
	renderGate                       *renderGate
	pdfs                             *pdfCache
	proposalTemplates                proposalTemplates
	imports                          ImportLimits
	attachments                      AttachmentLimits
}

// Config tunes the service; zero values take the defaults.
type Config struct {
	// Budgets is the modular-framework catalogue; the embedded one when nil.
	Budgets *budget.Catalogue
	// Passwords sets the argon2id cost. Tests lower it; production keeps DefaultPasswordParams.
	Passwords PasswordParams
	// SessionTTL is how long a sign-in lasts.
	SessionTTL time.Duration
	// Now replaces the clock in tests of expiry.
	Now func() time.Time
	// Imports bounds the work one import may ask for; zero values take DefaultImportLimits.
	Imports ImportLimits
	// Attachments bounds evidence files; zero values take DefaultAttachmentLimits.
	Attachments AttachmentLimits
}

// DefaultSessionTTL keeps people signed in for two weeks: long enough for a drafting round, short enough
// that a lost phone's session dies on its own.
const DefaultSessionTTL = 14 * 24 * time.Hour

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
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Imports.MaxRevisions <= 0 {
		cfg.Imports.MaxRevisions = DefaultImportLimits.MaxRevisions
	}
	if cfg.Imports.MaxComments <= 0 {
		cfg.Imports.MaxComments = DefaultImportLimits.MaxComments
	}
	if cfg.Attachments.MaxFileBytes <= 0 {
		cfg.Attachments.MaxFileBytes = DefaultAttachmentLimits.MaxFileBytes
	}
	if cfg.Attachments.MaxProposalBytes <= 0 {
		cfg.Attachments.MaxProposalBytes = DefaultAttachmentLimits.MaxProposalBytes
	}
	return &Service{
		store: store, templates: catalogue, budgets: cfg.Budgets, passwords: cfg.Passwords, sessionTTL: cfg.SessionTTL, now: cfg.Now,
		accountThrottle: newThrottle(5, 15*time.Minute), addressThrottle: newThrottle(20, 15*time.Minute),
		renderGate: newRenderGate(runtime.GOMAXPROCS(0), 2*runtime.GOMAXPROCS(0)), pdfs: newPDFCache(64 << 20),
		imports: cfg.Imports, attachments: cfg.Attachments,
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
