package api

import (
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

const (
	keyUser    = "iduit.user"
	keySession = "iduit.session"
)

// requireSession authenticates the bearer token before the handler runs.
func (h *handlers) requireSession(c *gin.Context) {
	if h.authenticate(c, "") {
		c.Next()
	}
}

// requireSessionWithSection is requireSession for a section read: the section named in the path is read
// in the same query as the session.
func (h *handlers) requireSessionWithSection(c *gin.Context) {
	if h.authenticate(c, c.Param("key")) {
		c.Next()
	}
}

// authenticate checks the bearer token and keeps the session and its user on the request, or answers
// 401 (or 404, for a proposal the caller is not a member of) and reports false. The API accepts only the
// Authorization header, never the cookie: a cookie is sent by browsers on their own, which would expose
// the API to cross-site requests.
func (h *handlers) authenticate(c *gin.Context, sectionKey string) bool {
	// On a proposal's routes the session and the caller's membership are read in one query, with the
	// section when one is named.
	ctx, sess, user, err := h.svc.AuthenticateForSection(c.Request.Context(), bearerToken(c), c.Param("id"), sectionKey)
	if err != nil {
		writeError(c, err)
		c.Abort()
		return false
	}
	c.Request = c.Request.WithContext(ctx)
	c.Set(keyUser, user)
	c.Set(keySession, sess)
	return true
}

func bearerToken(c *gin.Context) string {
	token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(token)
}

func currentUser(c *gin.Context) domain.User {
	u, _ := c.Get(keyUser)
	return u.(domain.User)
}

func currentSession(c *gin.Context) domain.Session {
	s, _ := c.Get(keySession)
	return s.(domain.Session)
}
