// Package web is iduit's server-rendered interface for people: sign-in, proposals, sections with their
// guidance, comments, the check for errors, members and history. Every page calls the same service as
// the JSON API, so the rules exist once; page templates and static files are embedded and parsed once at
// start-up, so a broken template stops the start rather than a person's request.
package web

import (
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

//go:embed pages/*.html static/*
var embedded embed.FS

// Config is what the pages need from the rest of the program.
type Config struct {
	Service *service.Service
	Logger  *slog.Logger
	// CSRFSecret signs the forms' CSRF tokens. Empty means a random secret for this process: forms opened
	// before a restart are then refused once, and several servers behind one address must share a secret.
	CSRFSecret []byte
	// SecureCookies marks cookies Secure and turns on HSTS; set it when served over TLS.
	SecureCookies bool
}

// Pages serves the web interface. It is safe for concurrent use.
type Pages struct {
	svc    *service.Service
	log    *slog.Logger
	views  map[string]map[string]*template.Template // language → page name → template
	static *staticFiles
	csrf   []byte
	secure bool
	fsys   fs.FS
	// zoned holds the pages parsed for a language and a time zone other than UTC, made the first time a
	// person in that zone asks for a page (the date function is bound at parse time, like t).
	zoned sync.Map // "lang|zone" → map[string]*template.Template
}

// New parses every page template in both languages and loads the static files.
func New(cfg Config) (*Pages, error) { return newPages(cfg, embedded) }

func newPages(cfg Config, fsys fs.FS) (*Pages, error) {
	if cfg.Service == nil {
		return nil, errors.New("web: a service is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	secret := cfg.CSRFSecret
	if len(secret) == 0 {
		secret = make([]byte, 32)
		_, _ = rand.Read(secret) // crypto/rand.Read never fails on supported platforms
	} else if len(secret) < 16 {
		return nil, errors.New("web: the CSRF secret must be at least 16 bytes")
	}
	static, err := loadStatic(fsys)
	if err != nil {
		return nil, err
	}
	p := &Pages{svc: cfg.Service, log: cfg.Logger, static: static, csrf: secret, secure: cfg.SecureCookies, fsys: fsys}
	p.views = map[string]map[string]*template.Template{}
	for _, lang := range languages {
		views, err := parsePages(fsys, lang, time.UTC, static)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		p.views[lang] = views
	}
	return p, nil
}

// attachmentsRoute is the page's upload route, whose body limit follows the service's file limit.
const attachmentsRoute = "/proposals/:id/attachments"

// Mount adds the pages' routes to the engine (the API's are mounted beside them by cmd/iduit): one route
// table, read top to bottom. The engine answers with p's error pages (NotFound, Refuse) when it was built
// with p as its httpkit.Config.Pages.
func (p *Pages) Mount(r *httpkit.Engine) {
	r.AllowUpload(attachmentsRoute, p.svc)
	r.GET("/static/:file", p.serveStatic)
	r.GET("/sw.js", p.serveServiceWorker)
	g := r.Group("", p.pageHeaders, p.recoverPage, p.loadUser)
	g.GET("/", p.home)
	g.GET("/signin", p.signInPage)
	g.POST("/signin", p.verifyCSRF, p.signIn)
	g.GET("/signup", p.signUpPage)
	g.POST("/signup", p.verifyCSRF, p.signUp)
	g.GET("/forgot-password", p.forgotPasswordPage)
	g.POST("/forgot-password", p.verifyCSRF, p.forgotPassword)
	g.GET("/reset-password", p.resetPasswordPage)
	g.POST("/reset-password", p.verifyCSRF, p.resetPassword)
	g.POST("/signout", p.signOut)
	g.POST("/lang", p.verifyCSRF, p.switchLanguage)
	// Unsubscribing needs no session and no CSRF token: the link's token is the secret, and a mail
	// client's one-click POST (RFC 8058) carries nothing else.
	g.GET("/unsubscribe", p.unsubscribePage)
	g.POST("/unsubscribe", p.unsubscribe)

	a := g.Group("", p.requireUser, p.verifyCSRF)
	a.GET("/proposals", p.proposalList)
	a.GET("/account", p.accountPage)
	a.GET("/csrf-token", p.csrfTokenJSON)
	a.POST("/account/password", p.changePassword)
	a.POST("/account/notifications", p.saveNotificationSettings)
	a.GET("/notifications", p.notificationsPage)
	a.POST("/notifications/read", p.readAllNotifications)
	a.POST("/notifications/:nid/read", p.readNotification)
	a.POST("/account/timezone", p.setTimeZone)
	a.GET("/proposals/new", p.newProposalPage)
	a.POST("/proposals", p.createProposal)
	a.GET("/proposals/:id", p.proposalPage)
	a.POST("/proposals/:id/status", p.changeStatus)
	a.GET("/proposals/:id/check", p.checkPage)
	a.GET("/proposals/:id/concept-note.pdf", p.conceptNotePDF)
	a.GET("/proposals/:id/annexes.xlsx", p.annexesXLSX)
	a.GET("/proposals/:id/package.zip", p.submissionPackage)
	a.GET("/proposals/:id/activity", p.activityPage)
	a.GET("/proposals/:id/members", p.membersPage)
	a.POST("/proposals/:id/members", p.addMember)
	a.POST("/proposals/:id/members/:userID/remove", p.removeMember)
	a.POST("/proposals/:id/invitations/:iid/revoke", p.revokeInvitation)
	a.GET("/proposals/:id/budget", p.budgetPage)
	a.POST("/proposals/:id/budget", p.saveBudget)
	a.GET("/proposals/:id/indicators", p.indicatorsPage)
	a.POST("/proposals/:id/indicators", p.saveIndicators)
	a.GET("/proposals/:id/interventions", p.interventionsPage)
	a.POST("/proposals/:id/interventions", p.saveInterventions)
	a.GET("/proposals/:id/priorities", p.prioritiesPage)
	a.POST("/proposals/:id/priorities", p.savePriorities)
	a.GET("/proposals/:id/ccm-process", p.ccmProcessPage)
	a.POST("/proposals/:id/ccm-process", p.saveCCMProcess)
	a.GET("/proposals/:id/settings", p.settingsPage)
	a.POST("/proposals/:id/settings", p.saveSettings)

	a.GET("/proposals/:id/sections/:key", p.sectionPage)
	a.POST("/proposals/:id/sections/:key", p.saveSection)
	a.PUT("/proposals/:id/sections/:key/autosave", p.autosave)
	a.GET("/proposals/:id/sections/:key/history", p.historyPage)
	a.GET("/proposals/:id/sections/:key/history/:n", p.revisionPage)
	a.POST("/proposals/:id/sections/:key/history/:n/restore", p.restoreRevision)

	a.POST("/proposals/:id/sections/:key/comments", p.addComment)
	a.POST("/proposals/:id/comments/:cid/edit", p.editComment)
	a.POST("/proposals/:id/comments/:cid/delete", p.deleteComment)
	a.POST("/proposals/:id/comments/:cid/resolve", p.setThreadStatus(domain.CommentResolved))
	a.POST("/proposals/:id/comments/:cid/reopen", p.setThreadStatus(domain.CommentOpen))
	a.POST("/proposals/:id/sections/:key/suggestions", p.addSuggestion)
	a.POST("/proposals/:id/suggestions/:sid/accept", p.decideSuggestion("accept"))
	a.POST("/proposals/:id/suggestions/:sid/reject", p.decideSuggestion("reject"))
	a.POST("/proposals/:id/suggestions/:sid/withdraw", p.decideSuggestion("withdraw"))

	a.GET("/proposals/:id/attachments", p.attachmentsPage)
	a.GET("/proposals/:id/attachments/:aid", p.downloadAttachment)
	a.POST("/proposals/:id/attachments/:aid/delete", p.deleteAttachment)
	// The upload checks its CSRF token itself, from the form's first part (see uploadAttachment).
	g.POST(attachmentsRoute, p.requireUser, p.uploadAttachment)
}

// NotFound answers unknown paths outside the API with a page in the reader's language.
func (p *Pages) NotFound(c *gin.Context) {
	p.pageHeaders(c)
	p.loadUser(c)
	if c.IsAborted() {
		return
	}
	p.fail(c, errNotFound)
}

// Refuse answers a page request the router refused before its handler, such as one whose path or form
// holds a NUL character, with the error page for err.
func (p *Pages) Refuse(c *gin.Context, err error) {
	c.Abort()      // the page's handlers must not run; pageHeaders and loadUser below only dress the error page
	c.Params = nil // the refused parameter must not reach the session query (loadUser reads :id)
	p.pageHeaders(c)
	p.loadUser(c)
	if c.Writer.Written() {
		return
	}
	p.fail(c, err)
}
