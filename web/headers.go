package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/gin-gonic/gin"

	"iduit/httpkit"
)

// pagePolicy allows only this origin's own files: no inline script or style, no outside fonts or CDNs,
// forms posting only here. A text that smuggles in markup can run nothing even if escaping ever failed.
const pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// pageHeaders replaces the API's defaults for pages. The referrer policy is same-origin rather than the
// API's no-referrer because with no-referrer browsers send "Origin: null" on form posts.
func (p *Pages) pageHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", pagePolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if p.secure {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	c.Next()
}

// recoverPage turns a panic in a page into the generic error page with the request id; the API's own
// recovery would answer with JSON, which a person cannot read.
func (p *Pages) recoverPage(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			p.logger(c).Error("panic in page", slog.Any("panic", r), slog.String("stack", string(debug.Stack())))
			p.fail(c, fmt.Errorf("panic: %v", r))
		}
	}()
	c.Next()
}

// requestID is the id the shared middleware gave this request.
func requestID(c *gin.Context) string { return httpkit.RequestID(c) }

func (p *Pages) logger(c *gin.Context) *slog.Logger {
	return p.log.With(slog.String("request_id", requestID(c)))
}
