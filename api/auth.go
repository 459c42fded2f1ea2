package api

import (
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// keyAccess holds the request's service.Access: who it acts for, and what was read with the session.
const keyAccess = "iduit.access"

// requireSession authenticates the bearer token before the handler runs; the handler hands the access
// (currentAccess) to the service, whose first check on the proposal takes what was read with the session.
func (h *handlers) requireSession(c *gin.Context) {
	if _, ok := h.authenticate(c, ""); ok {
		c.Next()
	}
}

// requireSessionWithSection is requireSession for a section read: the section named in the path is read
// in the same query as the session, so the service's Section needs no query of its own.
func (h *handlers) requireSessionWithSection(c *gin.Context) {
	if _, ok := h.authenticate(c, c.Param("key")); ok {
		c.Next()
	}
}

// authenticate checks the bearer token and keeps the access (session, user and what was read with them)
// on the request, or answers 401 (or 404, for a proposal the caller is not a member of) and reports
// false. The API accepts only the Authorization header, never the cookie: a cookie is sent by browsers on
// their own, which would expose the API to cross-site requests.
func (h *handlers) authenticate(c *gin.Context, sectionKey string) (service.Access, bool) {
	// On a proposal's routes the session and the caller's membership are read in one query, with the
	// section when one is named.
	acc, err := h.svc.AuthenticateForSection(c.Request.Context(), bearerToken(c), c.Param("id"), sectionKey)
	if err != nil {
		writeError(c, err)
		c.Abort()
		return service.Access{}, false
	}
	c.Set(keyAccess, acc)
	return acc, true
}

func bearerToken(c *gin.Context) string {
	token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(token)
}

// currentAccess is the access authenticate kept: every service call on a proposal takes it.
func currentAccess(c *gin.Context) service.Access {
	a, _ := c.Get(keyAccess)
	return a.(service.Access)
}

func currentUser(c *gin.Context) domain.User { return currentAccess(c).User }

func currentSession(c *gin.Context) domain.Session { return currentAccess(c).Session }
