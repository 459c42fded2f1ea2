package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

type invitationRequest struct {
	Email string `json:"email"`
	Role  string `json:"role"`
	// Lang is the language of the mail: en (default) or ru.
	Lang string `json:"lang"`
}

type invitationResponse struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	InvitedBy string    `json:"invited_by"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
}

func toInvitationResponse(inv domain.Invitation) invitationResponse {
	return invitationResponse{ID: inv.ID, Email: inv.Email, Role: string(inv.Role), InvitedBy: inv.InvitedBy.Name,
		CreatedAt: inv.CreatedAt, ExpiresAt: inv.ExpiresAt}
}

func (h *handlers) createInvitation(c *gin.Context) {
	var req invitationRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	if req.Lang != "" && req.Lang != "en" && req.Lang != "ru" {
		writeError(c, domain.Invalid("the invitation is not valid", domain.Problem{Field: "lang", Message: "must be en or ru"}))
		return
	}
	inv, err := h.svc.Invite(c.Request.Context(), currentAccess(c), c.Param("id"), req.Email, domain.Role(req.Role), req.Lang)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusCreated, toInvitationResponse(inv))
}

func (h *handlers) listInvitations(c *gin.Context) {
	list, err := h.svc.Invitations(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := make([]invitationResponse, len(list))
	for i, inv := range list {
		out[i] = toInvitationResponse(inv)
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

func (h *handlers) revokeInvitation(c *gin.Context) {
	if err := h.svc.RevokeInvitation(c.Request.Context(), currentAccess(c), c.Param("id"), c.Param("iid")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
