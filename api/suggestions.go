package api

import (
	"context"

	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/service"
)

type createSuggestionRequest struct {
	Section     string `json:"section"`
	Field       string `json:"field"`
	Lang        string `json:"lang"`
	Quote       string `json:"quote"`
	QuoteStart  *int   `json:"quote_start"`
	Replacement string `json:"replacement"`
	Comment     string `json:"comment"`
}

type suggestionResponse struct {
	ID          string          `json:"id"`
	Section     string          `json:"section"`
	Field       string          `json:"field"`
	Lang        string          `json:"lang"`
	Quote       string          `json:"quote"`
	Replacement string          `json:"replacement"`
	Comment     *string         `json:"comment"`
	Anchor      *anchorResponse `json:"anchor"`
	Status      string          `json:"status"`
	Author      personResponse  `json:"author"`
	DecidedBy   *string         `json:"decided_by"`
	DecidedAt   *time.Time      `json:"decided_at"`
	Revision    *int            `json:"revision"`
	CreatedAt   time.Time       `json:"created_at"`
}

func toSuggestionResponse(v service.SuggestionView) suggestionResponse {
	r := suggestionResponse{
		ID: v.ID, Section: v.SectionKey, Field: v.FieldKey, Lang: v.Lang, Quote: v.Quote, Replacement: v.Replacement,
		Comment: optional(v.Comment), Status: v.Status, Author: toPerson(v.Author), DecidedBy: optional(v.DecidedBy),
		DecidedAt: v.DecidedAt, CreatedAt: v.CreatedAt,
	}
	if v.Anchor != nil {
		r.Anchor = &anchorResponse{Start: v.Anchor.Start, End: v.Anchor.End}
	}
	if v.Revision > 0 {
		n := v.Revision
		r.Revision = &n
	}
	return r
}

func (h *handlers) createSuggestion(c *gin.Context) {
	var req createSuggestionRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	in := service.SuggestionInput{Section: req.Section, Field: req.Field, Lang: req.Lang, Quote: req.Quote,
		QuoteStart: req.QuoteStart, Replacement: req.Replacement, Comment: req.Comment}
	v, err := h.svc.Suggest(c.Request.Context(), currentAccess(c), c.Param("id"), in)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusCreated, toSuggestionResponse(v))
}

func (h *handlers) listSuggestions(c *gin.Context) {
	views, err := h.svc.Suggestions(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("section"), c.Query("status"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]suggestionResponse, len(views))
	for i, v := range views {
		out[i] = toSuggestionResponse(v)
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

// acceptSuggestion applies a suggestion to the section version named by If-Match; the response's ETag
// is the section's new version.
func (h *handlers) acceptSuggestion(c *gin.Context) {
	expected, err := ifMatchVersion(c.GetHeader("If-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	v, sec, err := h.svc.AcceptSuggestion(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("sid"), expected)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", etag(sec.Version))
	respond(c, http.StatusOK, toSuggestionResponse(v))
}

func (h *handlers) rejectSuggestion(c *gin.Context) {
	h.closeSuggestion(c, h.svc.RejectSuggestion)
}

func (h *handlers) withdrawSuggestion(c *gin.Context) {
	h.closeSuggestion(c, h.svc.WithdrawSuggestion)
}

func (h *handlers) closeSuggestion(c *gin.Context, close func(ctx context.Context, acc service.Access, proposalID, id string) (service.SuggestionView, error)) {
	v, err := close(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("sid"))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toSuggestionResponse(v))
}
