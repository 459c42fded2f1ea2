package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

type passwordResetRequest struct {
	Email string `json:"email"`
	// Lang is the language of the mail: en (default) or ru.
	Lang string `json:"lang"`
}

type redeemResetRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// requestPasswordReset mails a reset link. It answers 202 whether or not the account exists, so the
// endpoint does not tell strangers who has an account.
func (h *handlers) requestPasswordReset(c *gin.Context) {
	var req passwordResetRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	if req.Lang != "" && req.Lang != "en" && req.Lang != "ru" {
		writeError(c, domain.Invalid("the request is not valid", domain.Problem{Field: "lang", Message: "must be en or ru"}))
		return
	}
	if err := h.svc.RequestPasswordReset(c.Request.Context(), req.Email, req.Lang); err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusAccepted, gin.H{"status": "accepted"})
}

// redeemPasswordReset sets a new password with the token from the mailed link; every session of the
// account ends.
func (h *handlers) redeemPasswordReset(c *gin.Context) {
	var req redeemResetRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	if err := h.svc.ResetPassword(c.Request.Context(), req.Token, req.Password); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

type changePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// changePassword sets a new password; every other session of the account ends, this one stays.
func (h *handlers) changePassword(c *gin.Context) {
	var req changePasswordRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	if err := h.svc.ChangePassword(c.Request.Context(), currentUser(c), currentSession(c).ID, req.CurrentPassword, req.NewPassword); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
