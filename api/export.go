package api

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/export"
	"iduit/service"
)

// exportProposal sends the whole proposal as a file to keep or to move to another server;
// ?include_sensitive=1 lists the files marked sensitive too.
func (h *handlers) exportProposal(c *gin.Context) {
	doc, err := h.svc.Export(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("include_sensitive") == "1")
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="proposal-%s.json"`, doc.Proposal.ID))
	respond(c, http.StatusOK, doc)
}

type importResponse struct {
	Proposal       proposalResponse `json:"proposal"`
	SkippedMembers []string         `json:"skipped_members"`
}

// importProposal creates a new proposal from an export file. A retry of an import that went through
// (same Idempotency-Key, or the same file) answers 200 with the first import's proposal.
// The route's body limit is the archive's (see bodyLimits); a JSON export has its own, smaller one.
func (h *handlers) importProposal(c *gin.Context) {
	if isArchive(c) {
		h.importArchive(c)
		return
	}
	max := h.svc.ImportLimits().MaxJSONBytes
	if c.Request.ContentLength > max {
		writeError(c, domain.Errorf(domain.KindTooLarge, "the request body is larger than the limit of %d bytes", max))
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
	var doc export.Document
	if err := decodeJSON(c, &doc); err != nil {
		writeError(c, err)
		return
	}
	p, report, err := h.svc.Import(c.Request.Context(), currentUser(c), doc, c.GetHeader("Idempotency-Key"))
	answerImport(c, p, report, err)
}

// answerImport answers an import, JSON or archive: 201 with the new proposal, or 200 with the one a
// retried import made.
func answerImport(c *gin.Context, p domain.Proposal, report service.ImportReport, err error) {
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/proposals/"+p.ID)
	resp := importResponse{Proposal: toProposalResponse(p), SkippedMembers: report.SkippedMembers}
	if resp.SkippedMembers == nil {
		resp.SkippedMembers = []string{}
	}
	status := http.StatusCreated
	if report.Replayed {
		status = http.StatusOK
	}
	respond(c, status, resp)
}
