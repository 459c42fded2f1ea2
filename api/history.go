package api

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

type diffOpResponse struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

type fieldDiffResponse struct {
	Field    string           `json:"field"`
	Language *string          `json:"language"`
	Ops      []diffOpResponse `json:"ops,omitempty"`
	Before   json.RawMessage  `json:"before,omitempty"`
	After    json.RawMessage  `json:"after,omitempty"`
}

type activityResponse struct {
	ID        int64          `json:"id"`
	Actor     personResponse `json:"actor"`
	Kind      string         `json:"kind"`
	Subject   string         `json:"subject"`
	Detail    string         `json:"detail"`
	CreatedAt time.Time      `json:"created_at"`
}

func toActivityResponse(a domain.Activity) activityResponse {
	return activityResponse{ID: a.ID, Actor: toPerson(a.Actor), Kind: a.Kind, Subject: a.Subject, Detail: a.Detail, CreatedAt: a.CreatedAt}
}

func toFieldDiffResponse(d service.FieldDiff) fieldDiffResponse {
	r := fieldDiffResponse{Field: d.Field, Language: optional(d.Language), Before: d.Before, After: d.After}
	for _, op := range d.Ops {
		r.Ops = append(r.Ops, diffOpResponse(op))
	}
	return r
}

func (h *handlers) diffRevisions(c *gin.Context) {
	a, errA := strconv.Atoi(c.Param("n"))
	b, errB := strconv.Atoi(c.Param("m"))
	if errA != nil || errB != nil || a < 0 || b < 0 {
		writeError(c, domain.Invalid("bad revision numbers", domain.Problem{Field: "n", Message: "revisions are numbered from 0 (empty) up"}))
		return
	}
	diffs, err := h.svc.DiffRevisions(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("key"), a, b)
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]fieldDiffResponse, len(diffs))
	for i, d := range diffs {
		out[i] = toFieldDiffResponse(d)
	}
	respond(c, http.StatusOK, gin.H{"from": a, "to": b, "fields": out})
}

func (h *handlers) restoreRevision(c *gin.Context) {
	expected, err := ifMatchVersion(c.GetHeader("If-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	n, err := parsePositive("n", c.Param("n"))
	if err != nil {
		writeError(c, err)
		return
	}
	s, err := h.svc.RestoreRevision(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("key"), n, expected)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", etag(s.Version))
	respond(c, http.StatusOK, toSectionResponse(s))
}

func (h *handlers) listActivity(c *gin.Context) {
	page, err := pageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	items, total, err := h.svc.Activity(c.Request.Context(), currentAccess(c), c.Param("id"), page)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, newList(items, total, page, toActivityResponse))
}
