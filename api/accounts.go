package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

type createUserRequest struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
	// Invitation is the token of an invitation link; the account joins the invited proposal.
	Invitation string `json:"invitation"`
	// Lang is the language of the person's e-mail: "en" (the default) or "ru".
	Lang string `json:"lang"`
}

type userResponse struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	CreatedAt time.Time `json:"created_at"`
}

func toUserResponse(u domain.User) userResponse {
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, CreatedAt: u.CreatedAt}
}

type createSessionRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type sessionResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (h *handlers) createUser(c *gin.Context) {
	var req createUserRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	u, err := h.svc.Register(c.Request.Context(), service.RegisterInput(req))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusCreated, toUserResponse(u))
}

func (h *handlers) createSession(c *gin.Context) {
	var req createSessionRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	token, sess, err := h.svc.SignIn(c.Request.Context(), req.Email, req.Password, c.ClientIP())
	if err != nil {
		writeError(c, err)
		return
	}
	h.setSessionCookie(c, token, sess.ExpiresAt)
	respond(c, http.StatusCreated, sessionResponse{Token: token, ExpiresAt: sess.ExpiresAt})
}

func (h *handlers) deleteSession(c *gin.Context) {
	if err := h.svc.SignOut(c.Request.Context(), currentSession(c).ID); err != nil {
		writeError(c, err)
		return
	}
	h.setSessionCookie(c, "", time.Unix(0, 0))
	c.Status(http.StatusNoContent)
}

func (h *handlers) me(c *gin.Context) { respond(c, http.StatusOK, toUserResponse(currentUser(c))) }

// setSessionCookie hands the token to browsers for the web pages; an expiry in the past clears it.
func (h *handlers) setSessionCookie(c *gin.Context, token string, expires time.Time) {
	httpkit.SetSessionCookie(c, token, expires, h.secure)
}
