package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

type statusRequest struct {
	Status string `json:"status"`
	Note   string `json:"note"`
}

type snapshotResponse struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Status    string            `json:"status"`
	Note      string            `json:"note"`
	CreatedBy string            `json:"created_by"`
	CreatedAt time.Time         `json:"created_at"`
	Sections  []sectionResponse `json:"sections,omitempty"`
}

func toSnapshotResponse(s domain.Snapshot) snapshotResponse {
	r := snapshotResponse{ID: s.ID, Name: s.Name, Status: s.Status, Note: s.Note, CreatedBy: s.CreatedBy, CreatedAt: s.CreatedAt}
	for _, sec := range s.Sections {
		r.Sections = append(r.Sections, toSectionResponse(sec))
	}
	return r
}

func (h *handlers) changeStatus(c *gin.Context) {
	var req statusRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	p, err := h.svc.ChangeStatus(c.Request.Context(), currentAccess(c), c.Param("id"), req.Status, req.Note)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toProposalResponse(p))
}

func (h *handlers) listSnapshots(c *gin.Context) {
	snaps, err := h.svc.Snapshots(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]snapshotResponse, len(snaps))
	for i, s := range snaps {
		out[i] = toSnapshotResponse(s)
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

func (h *handlers) getSnapshot(c *gin.Context) {
	s, err := h.svc.Snapshot(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("sid"))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toSnapshotResponse(s))
}
