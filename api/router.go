// Package api is iduit's REST interface: the gin engine, its routes and middleware, and the request and
// response types. It calls the service package and never touches the database directly.
package api

import (
	"context"
	"log/slog"
	"maps"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/docs"
	"iduit/domain"
	"iduit/service"
)

// Deps is what the router needs from the rest of the program.
type Deps struct {
	Service *service.Service
	// Ready reports whether the database answers; /readyz calls it.
	Ready  func(ctx context.Context) error
	Logger *slog.Logger
	// MaxBodyBytes caps request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// SecureCookies marks the session cookie Secure; set it when served over TLS.
	SecureCookies bool
	// TrustedProxies lists the reverse proxies whose X-Forwarded-For is believed; none by default.
	TrustedProxies []string
	// Pages, when set, are the server-rendered web pages served by the same engine; nil serves the API alone.
	Pages Pages
	// Observer, when set, counts every answered request (the metrics package); nil counts nothing.
	Observer Observer
}

// Observer is told of each answered request, by route pattern (never the raw path, which holds ids).
type Observer interface {
	ObserveRequest(route, method string, status int, elapsed time.Duration)
}

// Pages is the web interface mounted beside the API. It lives in its own package (web) and reaches the
// same service; this hook is all the API knows of it.
type Pages interface {
	// Mount adds the pages' routes to the engine.
	Mount(r *gin.Engine)
	// NotFound answers an unknown path outside /api/ with a page rather than a problem document.
	NotFound(c *gin.Context)
	// Refuse answers a page request refused before its handler (see rejectUnreadableInput) with an
	// error page for err.
	Refuse(c *gin.Context, err error)
}

// DefaultMaxBodyBytes fits the largest section (100,000 characters of Cyrillic is about 200 KB) with room.
const DefaultMaxBodyBytes = 1 << 20

// largeBodies are the routes that take whole documents, with their own limits.
var largeBodies = map[string]int64{
	// An import: an export archive with its files (bodyLimits follows the configured limit); a JSON
	// export alone is held to its own, smaller limit by the handler.
	importRoute: service.DefaultImportLimits.MaxJSONBytes + service.DefaultAttachmentLimits.MaxProposalBytes + 1<<20,
	// An upload of one file: the default file limit and its multipart wrapping (bodyLimits follows the
	// configured limit).
	attachmentsRoute:     service.DefaultAttachmentLimits.MaxFileBytes + uploadOverhead,
	attachmentsPageRoute: service.DefaultAttachmentLimits.MaxFileBytes + uploadOverhead,
}

// refuseLargeBody answers a body declared larger than its route takes: an upload names the file limit, and
// a page's upload gets an error page rather than a problem document.
func refuseLargeBody(d Deps) func(c *gin.Context, max int64) {
	return func(c *gin.Context, max int64) {
		route := c.FullPath()
		var err error = domain.Errorf(domain.KindTooLarge, "the request body is larger than the limit of %d bytes", max)
		if d.Service != nil && (route == attachmentsRoute || route == attachmentsPageRoute) {
			err = d.Service.FileTooLarge()
		}
		if d.Service != nil && route == importRoute {
			err = d.Service.ArchiveTooLarge()
		}
		if d.Pages != nil && !strings.HasPrefix(c.Request.URL.Path, "/api/") {
			d.Pages.Refuse(c, err)
			return
		}
		writeError(c, err)
	}
}

// bodyLimits is largeBodies with the upload and import routes following the service's configured limits.
func bodyLimits(svc *service.Service) map[string]int64 {
	out := maps.Clone(largeBodies)
	if svc != nil {
		for _, route := range []string{attachmentsRoute, attachmentsPageRoute} {
			out[route] = svc.AttachmentLimits().MaxFileBytes + uploadOverhead
		}
		out[importRoute] = svc.ImportLimits().MaxArchiveBytes
	}
	return out
}

type handlers struct {
	svc    *service.Service
	ready  func(ctx context.Context) error
	secure bool
}

// NewRouter builds the HTTP handler with every route and middleware.
func NewRouter(d Deps) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.MaxBodyBytes <= 0 {
		d.MaxBodyBytes = DefaultMaxBodyBytes
	}
	h := &handlers{svc: d.Service, ready: d.Ready, secure: d.SecureCookies}
	r := gin.New()
	r.HandleMethodNotAllowed = true
	// Trust no proxy headers by default: X-Forwarded-For from an untrusted client would let anyone
	// choose the address the sign-in throttle counts.
	_ = r.SetTrustedProxies(d.TrustedProxies)
	r.ContextWithFallback = true
	r.Use(withRequestID(d.Logger), accessLog)
	if d.Observer != nil {
		r.Use(observe(d.Observer)) // outside recoverPanics, so that a panic is counted as the 500 it became
	}
	r.Use(recoverPanics, securityHeaders, limitBody(d.MaxBodyBytes, bodyLimits(d.Service), refuseLargeBody(d)), rejectUnreadableInput(d.Pages))
	r.NoRoute(func(c *gin.Context) {
		if d.Pages != nil && !strings.HasPrefix(c.Request.URL.Path, "/api/") {
			d.Pages.NotFound(c)
			return
		}
		writeError(c, domain.Errorf(domain.KindNotFound, "no such endpoint: %s", c.Request.URL.Path))
	})
	r.NoMethod(func(c *gin.Context) {
		c.Abort()
		c.Render(http.StatusMethodNotAllowed, problemRender{gin.H{
			"type": "urn:iduit:problem:method_not_allowed", "title": "Method Not Allowed", "status": http.StatusMethodNotAllowed,
			"detail": c.Request.Method + " is not allowed here", "request_id": requestID(c),
		}})
	})
	h.routes(r)
	if d.Pages != nil {
		d.Pages.Mount(r)
	}
	return r
}

// routes is the whole route table in one place, so the OpenAPI test and a reader see every endpoint.
func (h *handlers) routes(r *gin.Engine) {
	r.GET("/healthz", h.healthz)
	r.GET("/readyz", h.readyz)

	v1 := r.Group("/api/v1")
	v1.GET("/openapi.yaml", h.openAPI)
	v1.POST("/users", h.createUser)
	v1.POST("/sessions", h.createSession)
	v1.POST("/password-resets", h.requestPasswordReset)
	v1.POST("/password-resets/redeem", h.redeemPasswordReset)
	v1.GET("/templates", h.listTemplates)
	v1.GET("/templates/:key", h.getTemplate)
	v1.GET("/catalogue", h.catalogue)
	v1.GET("/templates/:key/worksheet.pdf", h.worksheetPDF)

	auth := v1.Group("", h.requireSession)
	auth.DELETE("/sessions/current", h.deleteSession)
	auth.GET("/me", h.me)
	auth.PUT("/me/password", h.changePassword)

	auth.POST("/proposals", h.createProposal)
	auth.GET("/proposals", h.listProposals)
	auth.GET("/proposals/:id", h.getProposal)
	auth.PATCH("/proposals/:id", h.updateProposal)
	auth.DELETE("/proposals/:id", h.deleteProposal)
	auth.POST("/proposals/import", h.importProposal)
	auth.GET("/proposals/:id/export", h.exportProposal)
	auth.GET("/proposals/:id/export.zip", h.exportArchive)
	auth.GET("/proposals/:id/pdf", h.conceptNotePDF)
	auth.GET("/proposals/:id/docx", h.conceptNoteDocx)
	auth.GET("/proposals/:id/annexes.xlsx", h.annexesXLSX)
	auth.GET("/proposals/:id/package.zip", h.submissionPackage)

	auth.GET("/proposals/:id/members", h.listMembers)
	auth.POST("/proposals/:id/members", h.addMember)
	auth.DELETE("/proposals/:id/members/:userID", h.removeMember)
	auth.GET("/proposals/:id/invitations", h.listInvitations)
	auth.POST("/proposals/:id/invitations", h.createInvitation)
	auth.DELETE("/proposals/:id/invitations/:iid", h.revokeInvitation)

	// Versioned documents: one GET and one PUT handler shared by every kind (api/documents.go).
	getBudget := getDocument(h.svc.Budget, toBudgetResponse)
	auth.GET("/proposals/:id/budget", getBudget)
	auth.PUT("/proposals/:id/budget", putDocument(fromBudgetRequest, h.svc.SaveBudget, getBudget))
	auth.GET("/proposals/:id/budget/summary", h.budgetSummary)
	getFramework := getDocument(h.readFramework, toFrameworkResponse)
	auth.GET("/proposals/:id/indicators", getFramework)
	auth.PUT("/proposals/:id/indicators", putDocument(fromFrameworkRequest, h.svc.SaveFramework, getFramework))
	getInterventions := getDocument(h.svc.Interventions, toInterventionsResponse)
	auth.GET("/proposals/:id/interventions", getInterventions)
	auth.PUT("/proposals/:id/interventions", putDocument(fromInterventionsRequest, h.svc.SaveInterventions, getInterventions))
	getPriorities := getDocument(h.svc.Priorities, toPrioritiesResponse)
	auth.GET("/proposals/:id/priorities", getPriorities)
	auth.PUT("/proposals/:id/priorities", putDocument(fromPrioritiesRequest, h.svc.SavePriorities, getPriorities))
	getSettings := getDocument(h.svc.Settings, toSettingsResponse)
	auth.GET("/proposals/:id/settings", getSettings)
	auth.PUT("/proposals/:id/settings", putDocument(fromSettingsRequest, h.svc.SaveSettings, getSettings))
	getCCMProcess := getDocument(h.svc.CCMProcess, toCCMProcessResponse)
	auth.GET("/proposals/:id/ccm-process", getCCMProcess)
	auth.PUT("/proposals/:id/ccm-process", putDocument(fromCCMProcessRequest, h.svc.SaveCCMProcess, getCCMProcess))

	auth.GET("/proposals/:id/progress", h.progress)
	auth.GET("/proposals/:id/check", h.check)

	// A section read takes the section in the same query as the session.
	v1.GET("/proposals/:id/sections/:key", h.requireSessionWithSection, h.getSection)
	// A section save authenticates inside its handler, on the way to saving (see putSection).
	v1.PUT("/proposals/:id/sections/:key", h.putSection)
	auth.GET("/proposals/:id/sections/:key/revisions", h.listRevisions)
	auth.GET("/proposals/:id/sections/:key/revisions/:n", h.getRevision)
	auth.GET("/proposals/:id/sections/:key/revisions/:n/diff/:m", h.diffRevisions)
	auth.POST("/proposals/:id/sections/:key/revisions/:n/restore", h.restoreRevision)

	auth.POST("/proposals/:id/comments", h.createComment)
	auth.GET("/proposals/:id/comments", h.listComments)
	auth.PATCH("/proposals/:id/comments/:cid", h.editComment)
	auth.DELETE("/proposals/:id/comments/:cid", h.deleteComment)
	auth.POST("/proposals/:id/comments/:cid/resolve", h.threadStatus(domain.CommentResolved))
	auth.POST("/proposals/:id/comments/:cid/reopen", h.threadStatus(domain.CommentOpen))
	auth.POST("/proposals/:id/suggestions", h.createSuggestion)
	auth.GET("/proposals/:id/suggestions", h.listSuggestions)
	auth.POST("/proposals/:id/suggestions/:sid/accept", h.acceptSuggestion)
	auth.POST("/proposals/:id/suggestions/:sid/reject", h.rejectSuggestion)
	auth.POST("/proposals/:id/suggestions/:sid/withdraw", h.withdrawSuggestion)

	auth.POST("/proposals/:id/status", h.changeStatus)
	auth.GET("/proposals/:id/snapshots", h.listSnapshots)
	auth.GET("/proposals/:id/snapshots/:sid", h.getSnapshot)
	auth.GET("/proposals/:id/activity", h.listActivity)

	auth.POST("/proposals/:id/attachments", h.createAttachment)
	auth.GET("/proposals/:id/attachments", h.listAttachments)
	auth.GET("/proposals/:id/attachments/:aid", h.getAttachment)
	auth.PATCH("/proposals/:id/attachments/:aid", h.editAttachment)
	auth.DELETE("/proposals/:id/attachments/:aid", h.deleteAttachment)

	auth.GET("/notifications", h.listNotifications)
	auth.POST("/notifications/:nid/read", h.readNotification)
	auth.POST("/notifications/read", h.readAllNotifications)
	auth.GET("/me/notification-settings", h.notificationSettings)
	auth.PUT("/me/notification-settings", h.setNotificationSettings)
}

func (h *handlers) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", docs.OpenAPI)
}

func (h *handlers) healthz(c *gin.Context) { respond(c, http.StatusOK, gin.H{"status": "ok"}) }

func (h *handlers) readyz(c *gin.Context) {
	if err := h.ready(c.Request.Context()); err != nil {
		logger(c).Warn("not ready", slog.String("error", err.Error()))
		writeError(c, &domain.Error{Kind: domain.KindUnavailable, Message: "the database is not reachable"})
		return
	}
	respond(c, http.StatusOK, gin.H{"status": "ready"})
}
