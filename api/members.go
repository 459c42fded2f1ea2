package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

type addMemberRequest struct {
	Email string      `json:"email"`
	Role  domain.Role `json:"role"`
}

type memberResponse struct {
	User    userSummary `json:"user"`
	Role    domain.Role `json:"role"`
	AddedAt time.Time   `json:"added_at"`
}

type userSummary struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

func toMemberResponse(m domain.Member) memberResponse {
	return memberResponse{User: userSummary{ID: m.User.ID, Email: m.User.Email, Name: m.User.Name}, Role: m.Role, AddedAt: m.AddedAt}
}

func (h *handlers) listMembers(c *gin.Context) {
	members, err := h.svc.Members(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]memberResponse, len(members))
	for i, m := range members {
		out[i] = toMemberResponse(m)
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

func (h *handlers) addMember(c *gin.Context) {
	var req addMemberRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	m, err := h.svc.AddMember(c.Request.Context(), currentAccess(c), c.Param("id"), req.Email, req.Role)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusCreated, toMemberResponse(m))
}

func (h *handlers) removeMember(c *gin.Context) {
	if err := h.svc.RemoveMember(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("userID")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
