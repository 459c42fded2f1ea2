package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

type createCommentRequest struct {
	Section    string `json:"section"`
	Field      string `json:"field"`
	Quote      string `json:"quote"`
	QuoteLang  string `json:"quote_lang"`
	QuoteStart *int   `json:"quote_start"`
	Body       string `json:"body"`
	ParentID   string `json:"parent_id"`
}

type editCommentRequest struct {
	Body string `json:"body"`
}

type anchorResponse struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type personResponse struct {
	ID   *string `json:"id"`
	Name string  `json:"name"`
}

type commentResponse struct {
	ID         string          `json:"id"`
	Section    string          `json:"section"`
	Field      *string         `json:"field"`
	Quote      *string         `json:"quote"`
	QuoteLang  *string         `json:"quote_lang"`
	Anchor     *anchorResponse `json:"anchor"`
	Outdated   bool            `json:"outdated"`
	Body       string          `json:"body"`
	Deleted    bool            `json:"deleted"`
	Author     personResponse  `json:"author"`
	ParentID   *string         `json:"parent_id"`
	Status     string          `json:"status"`
	ResolvedAt *time.Time      `json:"resolved_at"`
	CreatedAt  time.Time       `json:"created_at"`
	UpdatedAt  time.Time       `json:"updated_at"`
}

// optional turns "" into a JSON null, so absent values read as absent rather than empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toPerson(u domain.User) personResponse { return personResponse{ID: optional(u.ID), Name: u.Name} }

func toCommentResponse(v service.CommentView) commentResponse {
	r := commentResponse{
		ID: v.ID, Section: v.SectionKey, Field: optional(v.FieldKey), Quote: optional(v.Quote), Outdated: v.Outdated,
		Body: v.Body, Deleted: v.Deleted, Author: toPerson(v.Author), ParentID: optional(v.ParentID),
		Status: v.Status, ResolvedAt: v.ResolvedAt, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
	}
	if v.Quote != "" {
		r.QuoteLang = optional(v.QuoteLang)
	}
	if v.Anchor != nil {
		r.Anchor = &anchorResponse{Start: v.Anchor.Start, End: v.Anchor.End}
	}
	return r
}

func (h *handlers) createComment(c *gin.Context) {
	var req createCommentRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	in := service.CommentInput{Section: req.Section, Field: req.Field, Quote: req.Quote, QuoteLang: req.QuoteLang,
		QuoteStart: req.QuoteStart, Body: req.Body, ParentID: req.ParentID}
	v, err := h.svc.Comment(c.Request.Context(), currentAccess(c), c.Param("id"), in)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusCreated, toCommentResponse(v))
}

func (h *handlers) listComments(c *gin.Context) {
	filter := service.CommentFilter{Section: c.Query("section"), Status: c.Query("status")}
	views, err := h.svc.Comments(c.Request.Context(), currentAccess(c), c.Param("id"), filter)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]commentResponse, len(views))
	for i, v := range views {
		out[i] = toCommentResponse(v)
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

func (h *handlers) editComment(c *gin.Context) {
	var req editCommentRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	v, err := h.svc.EditComment(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("cid"), req.Body)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toCommentResponse(v))
}

func (h *handlers) deleteComment(c *gin.Context) {
	if err := h.svc.DeleteComment(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("cid")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// threadStatus answers both resolve and reopen.
func (h *handlers) threadStatus(status string) gin.HandlerFunc {
	return func(c *gin.Context) {
		v, err := h.svc.SetThreadStatus(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("cid"), status)
		if err != nil {
			writeError(c, err)
			return
		}
		respond(c, http.StatusOK, toCommentResponse(v))
	}
}
