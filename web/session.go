package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

// keyAccess holds the request's service.Access: the user and the session the cookie names, and what was
// read with them; the proposal's pages hand it to the service. It is the only record of who is acting.
const keyAccess = "web.access"

// loadUser reads the session cookie the sign-in set. A missing or expired session is simply no user; a
// store that cannot answer is an error page, not a silent sign-out.
func (p *Pages) loadUser(c *gin.Context) {
	token := httpkit.SessionToken(c)
	if token == "" {
		c.Next()
		return
	}
	// On a proposal's pages (autosave above all) the session and the membership are read in one query.
	// The handlers hand the access (mustAccess) to the service, whose first check on the proposal (most
	// often loadHead's Proposal) takes what was read with the session.
	acc, err := p.svc.AuthenticateFor(c.Request.Context(), token, c.Param("id"))
	switch {
	case err == nil:
		c.Set(keyAccess, acc)
	case domain.ErrorKind(err) == domain.KindUnauthenticated:
		p.setSessionCookie(c, "", time.Unix(0, 0))
	default:
		p.fail(c, err)
		c.Abort()
		return
	}
	c.Next()
}

// requireUser sends a signed-out visitor to the sign-in page, remembering where they were going.
func (p *Pages) requireUser(c *gin.Context) {
	if _, ok := userOf(c); ok {
		c.Next()
		return
	}
	next := ""
	if c.Request.Method == http.MethodGet {
		next = c.Request.URL.RequestURI()
	}
	c.Abort()
	if c.Request.Method == http.MethodPut { // the autosave script reads the status and keeps its draft
		httpkit.WriteError(c, domain.Errorf(domain.KindUnauthenticated, "sign in again; your text is kept on this device"))
		return
	}
	redirect(c, "/signin"+queryNext(next))
}

func accessOf(c *gin.Context) (service.Access, bool) {
	a, ok := c.Get(keyAccess)
	if !ok {
		return service.Access{}, false
	}
	return a.(service.Access), true
}

func userOf(c *gin.Context) (domain.User, bool) {
	a, ok := accessOf(c)
	return a.User, ok
}

// mustAccess is the signed-in visitor's access, for handlers behind requireUser.
func mustAccess(c *gin.Context) service.Access {
	a, _ := accessOf(c)
	return a
}

// mustUser is for handlers behind requireUser.
func mustUser(c *gin.Context) domain.User {
	u, _ := userOf(c)
	return u
}

func sessionOf(c *gin.Context) (domain.Session, bool) {
	a, ok := accessOf(c)
	return a.Session, ok
}

// setSessionCookie writes the same cookie as the API's POST /sessions (httpkit.SetSessionCookie).
func (p *Pages) setSessionCookie(c *gin.Context, token string, expires time.Time) {
	httpkit.SetSessionCookie(c, token, expires, p.secure)
}

// redirect ends a POST with 303 See Other, so that reloading the next page does not post again.
func redirect(c *gin.Context, to string) {
	c.Redirect(http.StatusSeeOther, to)
	c.Abort()
}

func queryNext(next string) string {
	if next == "" || next == "/" {
		return ""
	}
	return "?next=" + url.QueryEscape(next)
}

// localPath accepts only a path on this site, so that "next" cannot send anyone elsewhere after sign-in;
// anything else becomes fallback. Every redirect to a "next" goes through it.
func localPath(s, fallback string) string {
	if isLocalPath(s) {
		return s
	}
	return fallback
}

// isLocalPath holds for a single "/" followed by a character that is not "/", a backslash or a control
// character, both as given and after percent-decoding (repeatedly, for doubly encoded values): browsers
// drop tabs and newlines and read a backslash as "/", so "/<tab>/evil.example" and "/<backslash>evil.example" are other
// origins to them. Control characters are refused anywhere, as they have no place in a Location header.
func isLocalPath(s string) bool {
	for range 4 {
		if !strings.HasPrefix(s, "/") {
			return false
		}
		if len(s) > 1 && (s[1] == '/' || s[1] == '\\') {
			return false
		}
		if strings.ContainsFunc(s, unicode.IsControl) || !utf8.ValidString(s) {
			return false
		}
		decoded, err := url.PathUnescape(s)
		if err != nil {
			return false
		}
		if decoded == s {
			return true
		}
		s = decoded
	}
	return false // encoded more deeply than any honest link is
}
