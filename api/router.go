// Package api is iduit's REST interface: its routes, handlers and request and response types, mounted on
// the engine the web pages share (package httpkit). It calls the service package and never touches the
// database directly.
package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/docs"
	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

// Deps is what the API's routes need from the rest of the program; the engine they are mounted on is
// built by httpkit.New.
type Deps struct {
	Service *service.Service
	// Ready reports whether the database answers; /readyz calls it.
	Ready func(ctx context.Context) error
	// SecureCookies marks the session cookie Secure; set it when served over TLS.
	SecureCookies bool
}

type handlers struct {
	svc    *service.Service
	ready  func(ctx context.Context) error
	secure bool
}

// Mount adds the API's routes (and /healthz, /readyz) to the engine.
func Mount(r *httpkit.Engine, d Deps) {
	h := &handlers{svc: d.Service, ready: d.Ready, secure: d.SecureCookies}
	// An import takes an export archive with its files: the archive's limit (a JSON export alone is held
	// to its own, smaller limit by the handler).
	if d.Service != nil { // a router built only to list its routes (the OpenAPI test) has no service
		r.AllowBody(importRoute, d.Service.ImportLimits().MaxArchiveBytes, d.Service.ArchiveTooLarge())
	}
	r.AllowUpload(attachmentsRoute, d.Service)
	h.routes(r)
}

// routes is the whole route table in one place, so the OpenAPI test and a reader see every endpoint.
func (h *handlers) routes(r *httpkit.Engine) {
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
	v1.PATCH("/proposals/:id/sections/:key", h.mergeSection)
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
		httpkit.Logger(c).Warn("not ready", slog.String("error", err.Error()))
		writeError(c, &domain.Error{Kind: domain.KindUnavailable, Message: "the database is not reachable"})
		return
	}
	respond(c, http.StatusOK, gin.H{"status": "ready"})
}
