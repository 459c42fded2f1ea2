package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

// attachmentsRoute is the upload route, whose body limit follows the service's file limit.
const attachmentsRoute = "/api/v1/proposals/:id/attachments"

type attachmentResponse struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Kind        string         `json:"kind"`
	Section     *string        `json:"section"`
	Link        *string        `json:"link"`
	Sensitive   bool           `json:"sensitive"`
	Filename    string         `json:"filename"`
	ContentType string         `json:"content_type"`
	Size        int64          `json:"size"`
	SHA256      string         `json:"sha256"`
	UploadedBy  personResponse `json:"uploaded_by"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

type attachmentListResponse struct {
	Items []attachmentResponse `json:"items"`
}

type editAttachmentRequest struct {
	Title     *string `json:"title"`
	Kind      *string `json:"kind"`
	Section   *string `json:"section"`
	Link      *string `json:"link"`
	Sensitive *bool   `json:"sensitive"`
}

func toAttachmentResponse(a domain.Attachment) attachmentResponse {
	return attachmentResponse{ID: a.ID, Title: a.Title, Kind: a.Kind, Section: optional(a.SectionKey), Link: optional(a.Link), Sensitive: a.Sensitive,
		Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, UploadedBy: toPerson(a.UploadedBy),
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

// createAttachment checks the caller may add files before reading the body, then streams the file part
// into a temporary file (hashed and sniffed on the way) and stores it.
func (h *handlers) createAttachment(c *gin.Context) {
	ctx, acc := c.Request.Context(), currentAccess(c)
	if err := h.svc.CheckAttach(ctx, acc, c.Param("id")); err != nil {
		writeError(c, err)
		return
	}
	fields, file, err := httpkit.ReadUpload(c.Request, h.svc, nil)
	if err != nil {
		writeError(c, err)
		return
	}
	defer file.Close()
	in := httpkit.UploadInput(fields)
	a, err := h.svc.Attach(ctx, acc, c.Param("id"), in, file)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/proposals/"+a.ProposalID+"/attachments/"+a.ID)
	respond(c, http.StatusCreated, toAttachmentResponse(a))
}

func (h *handlers) listAttachments(c *gin.Context) {
	items, err := h.svc.Attachments(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("section"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := attachmentListResponse{Items: make([]attachmentResponse, len(items))}
	for i, a := range items {
		out.Items[i] = toAttachmentResponse(a)
	}
	respond(c, http.StatusOK, out)
}

func (h *handlers) getAttachment(c *gin.Context) {
	a, content, err := h.svc.AttachmentContent(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("aid"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.ServeAttachment(c.Writer, c.Request, a, content)
}

func (h *handlers) editAttachment(c *gin.Context) {
	var req editAttachmentRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	patch := service.AttachmentPatch{Title: req.Title, Kind: req.Kind, Section: req.Section, Link: req.Link, Sensitive: req.Sensitive}
	a, err := h.svc.EditAttachment(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("aid"), patch)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toAttachmentResponse(a))
}

func (h *handlers) deleteAttachment(c *gin.Context) {
	if err := h.svc.DeleteAttachment(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("aid")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
