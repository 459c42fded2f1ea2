package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
)

// CSRF design: a signed-in form carries HMAC(secret, "session:" + session id). The session id is never
// sent to the browser (only the session token is, HttpOnly), and the secret never leaves the server, so
// another site can neither read nor compute a token. Before sign-in the token is bound instead to a random
// HttpOnly cookie, which protects the sign-in and sign-up forms from login CSRF. Scripts send the same token
// in the X-CSRF-Token header, read from a <meta> tag of the page.
const (
	anonCookie   = "iduit_csrf"
	csrfField    = "csrf"
	csrfHeader   = "X-CSRF-Token"
	anonValueLen = 24
)

var errCSRF = &domain.Error{Kind: domain.KindForbidden, Message: "csrf"}

// errCSRFProblem is errCSRF as the autosave script reads it: a problem document with code "csrf".
var errCSRFProblem = &domain.Error{Kind: domain.KindForbidden, Code: "csrf",
	Message: "the page's form token does not match this session; GET /csrf-token gives the current one"}

func (p *Pages) sign(purpose, value string) string {
	mac := hmac.New(sha256.New, p.csrf)
	mac.Write([]byte(purpose + ":" + value))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// csrfToken returns the token for the forms of this page, creating the pre-sign-in cookie if needed.
func (p *Pages) csrfToken(c *gin.Context) string {
	if sess, ok := sessionOf(c); ok {
		return p.sign("session", sess.ID)
	}
	if v := anonValue(c); v != "" {
		return p.sign("anonymous", v)
	}
	b := make([]byte, anonValueLen)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	v := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(c.Writer, &http.Cookie{Name: anonCookie, Value: v, Path: "/", HttpOnly: true, Secure: p.secure, SameSite: http.SameSiteLaxMode})
	c.Set(anonCookie, v) // a second token on the same request must match the cookie being set
	return p.sign("anonymous", v)
}

func anonValue(c *gin.Context) string {
	if v := c.GetString(anonCookie); v != "" {
		return v
	}
	if ck, err := c.Request.Cookie(anonCookie); err == nil && len(ck.Value) >= anonValueLen {
		return ck.Value
	}
	return ""
}

// verifyCSRF refuses a state-changing request whose token does not match. GET and HEAD change nothing.
func (p *Pages) verifyCSRF(c *gin.Context) {
	if c.Request.Method == http.MethodGet || c.Request.Method == http.MethodHead || p.csrfOK(c) {
		c.Next()
		return
	}
	p.logger(c).Warn("csrf check failed", "route", c.FullPath())
	if c.Request.Method == http.MethodPut { // the autosave script asks for a new token on code "csrf"
		httpkit.WriteError(c, errCSRFProblem)
		return
	}
	p.fail(c, errCSRF)
}

// csrfOK checks the token from the form or the X-CSRF-Token header, and refuses what a browser marks as
// sent from another site.
func (p *Pages) csrfOK(c *gin.Context) bool {
	sent := c.GetHeader(csrfHeader)
	if sent == "" {
		sent = c.PostForm(csrfField)
	}
	if sent == "" || c.GetHeader("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	expected := ""
	if sess, signedIn := sessionOf(c); signedIn {
		expected = p.sign("session", sess.ID)
	} else if v := anonValue(c); v != "" {
		expected = p.sign("anonymous", v)
	}
	return expected != "" && hmac.Equal([]byte(sent), []byte(expected))
}

// csrfTokenJSON gives a page's script the token of its session again: after a restart without a shared
// secret the token in the page no longer matches, and autosave fetches a fresh one rather than failing
// forever. Another site cannot read the answer (no CORS), so this leaks nothing.
func (p *Pages) csrfTokenJSON(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"token": p.csrfToken(c)})
}
