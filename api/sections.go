package api

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// sectionRequest is the body of a save. key, version, updated_at and updated_by are accepted so that a
// client may send back what it read; the version that counts is the one in If-Match.
type sectionRequest struct {
	Key       *string       `json:"key"`
	Version   *int          `json:"version"`
	Fields    domain.Fields `json:"fields"`
	UpdatedAt *string       `json:"updated_at"`
	UpdatedBy *string       `json:"updated_by"`
}

type sectionResponse struct {
	Key       string        `json:"key"`
	Version   int           `json:"version"`
	Fields    domain.Fields `json:"fields"`
	UpdatedAt time.Time     `json:"updated_at"`
	UpdatedBy *string       `json:"updated_by"`
}

type revisionResponse struct {
	Number    int           `json:"number"`
	CreatedAt time.Time     `json:"created_at"`
	CreatedBy string        `json:"created_by"`
	Fields    domain.Fields `json:"fields,omitempty"`
}

func toSectionResponse(s domain.Section) sectionResponse {
	resp := sectionResponse{Key: s.Key, Version: s.Version, Fields: s.Fields, UpdatedAt: s.UpdatedAt}
	if s.UpdatedBy != "" {
		resp.UpdatedBy = &s.UpdatedBy
	}
	if resp.Fields == nil {
		resp.Fields = domain.Fields{}
	}
	return resp
}

func toRevisionResponse(r domain.Revision) revisionResponse {
	return revisionResponse{Number: r.Number, CreatedAt: r.CreatedAt, CreatedBy: r.CreatedBy, Fields: r.Fields}
}

// etag names a section version; the If-Match of the next save must carry it back.
func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

func (h *handlers) getSection(c *gin.Context) {
	s, err := h.svc.Section(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("key"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", etag(s.Version))
	respond(c, http.StatusOK, toSectionResponse(s))
}

// putSection saves a section. An autosave first tries to authenticate and save in one step
// (service.SaveSectionAsSession), which also answers a member allowed to edit whom the save refuses
// (final proposal, stale version); otherwise the request takes the ordinary way: authenticate, then
// check the input and save. Input errors are reported only after authentication, so
// a caller who may not see the proposal learns nothing from them.
func (h *handlers) putSection(c *gin.Context) {
	in, inputErr := sectionSaveInput(c)
	if inputErr == nil {
		s, saved, err := h.svc.SaveSectionAsSession(c.Request.Context(), bearerToken(c), in)
		if err != nil {
			writeError(c, err)
			return
		}
		if saved {
			respondSaved(c, s)
			return
		}
	}
	acc, ok := h.authenticate(c, "")
	if !ok {
		return
	}
	if inputErr != nil {
		writeError(c, inputErr)
		return
	}
	s, err := h.svc.SaveSection(c.Request.Context(), acc, in)
	if err != nil {
		writeError(c, err)
		return
	}
	respondSaved(c, s)
}

// sectionSaveInput reads a save's If-Match and body.
func sectionSaveInput(c *gin.Context) (service.SaveSectionInput, error) {
	expected, req, err := guardedBody[sectionRequest](c)
	if err != nil {
		return service.SaveSectionInput{}, err
	}
	if req.Fields == nil {
		return service.SaveSectionInput{}, domain.Invalid("nothing to save", domain.Problem{Field: "fields", Message: "is required: an object from field key to value"})
	}
	return service.SaveSectionInput{ProposalID: c.Param("id"), Key: c.Param("key"), ExpectedVersion: expected, Fields: req.Fields}, nil
}

// sectionMergeRequest is a save of the fields a client changed, each with the section version it read that
// field at, to be merged with whatever was saved since (PATCH).
type sectionMergeRequest struct {
	Fields domain.Fields  `json:"fields"`
	Bases  map[string]int `json:"bases"`
}

// mergeSection saves the fields a client changed merged field by field with whatever others saved since,
// as the pages' save is (service.MergeSaveSection): a field changed here and elsewhere differently is a
// 409 naming it, with the current version, and nothing is saved. No If-Match: each field's base guards it.
func (h *handlers) mergeSection(c *gin.Context) {
	acc, ok := h.authenticate(c, "")
	if !ok {
		return
	}
	var req sectionMergeRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	if len(req.Fields) == 0 {
		writeError(c, domain.Invalid("nothing to save", domain.Problem{Field: "fields", Message: "is required: an object from field key to value"}))
		return
	}
	touched := slices.Sorted(maps.Keys(req.Fields))
	for _, key := range touched {
		if _, ok := req.Bases[key]; !ok {
			writeError(c, domain.Invalid("each field sent needs its base", domain.Problem{Field: "bases." + key, Message: "is required: the section version this field was read at (0 if never saved)"}))
			return
		}
	}
	res, err := h.svc.MergeSaveSection(c.Request.Context(), acc, service.MergeSaveInput{
		ProposalID: c.Param("id"), Key: c.Param("key"), FieldKeys: touched, Mine: req.Fields, Touched: touched, Bases: req.Bases})
	if err == nil && len(res.Conflicts) > 0 {
		err = &domain.Error{Kind: domain.KindConflict,
			Message: "others changed these fields differently since they were read: " + strings.Join(res.Conflicts, ", "),
			Extra:   map[string]any{"conflicts": res.Conflicts, "current_version": res.Current.Version}}
	}
	if err != nil {
		writeError(c, err)
		return
	}
	respondSaved(c, res.Saved)
}

func respondSaved(c *gin.Context, s domain.Section) {
	c.Header("ETag", etag(s.Version))
	respond(c, http.StatusOK, toSectionResponse(s))
}

func (h *handlers) listRevisions(c *gin.Context) {
	page, err := pageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	items, total, err := h.svc.Revisions(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("key"), page)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, newList(items, total, page, toRevisionResponse))
}

func (h *handlers) getRevision(c *gin.Context) {
	n, err := parsePositive("n", c.Param("n"))
	if err != nil {
		writeError(c, err)
		return
	}
	r, err := h.svc.Revision(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("key"), n)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toRevisionResponse(r))
}

func parsePositive(name, raw string) (int, error) {
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 0, domain.Invalid("bad number", domain.Problem{Field: name, Message: "must be a positive integer"})
	}
	return n, nil
}
