package httpkit

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// SessionCookie is the cookie the web pages authenticate with. The API's POST /sessions sets it too, so
// that a person signed in through a script lands on the pages signed in; the API itself reads only
// "Authorization: Bearer".
const SessionCookie = "iduit_session"

// SetSessionCookie hands the token to browsers: HttpOnly so no script can read it, SameSite=Lax so other
// sites' forms arrive without it, Secure when served over TLS. An empty token and a past expiry remove it.
func SetSessionCookie(c *gin.Context, token string, expires time.Time, secure bool) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
	})
}

// SessionToken is the token in the request's session cookie, or "".
func SessionToken(c *gin.Context) string {
	cookie, err := c.Request.Cookie(SessionCookie)
	if err != nil {
		return ""
	}
	return cookie.Value
}
