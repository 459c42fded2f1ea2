package httpkit

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

const (
	keyRequestID = "iduit.request_id"
	keyLogger    = "iduit.logger"
)

var safeRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID tags every request with an id, reusing a sane one from a proxy, so that a user's report
// and the server log can be matched.
func withRequestID(base *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-Id")
		if !safeRequestID.MatchString(id) {
			id = newRequestID()
		}
		c.Set(keyRequestID, id)
		c.Set(keyLogger, base.With(slog.String("request_id", id)))
		c.Header("X-Request-Id", id)
		c.Next()
	}
}

func newRequestID() string {
	return fmt.Sprintf("%x", time.Now().UnixNano()&0xffffffffffff) + "-" + randomHex(4)
}

// RequestID is the id withRequestID gave this request ("" outside an Engine).
func RequestID(c *gin.Context) string { return c.GetString(keyRequestID) }

// Logger is the request's logger, which names its request id.
func Logger(c *gin.Context) *slog.Logger {
	if l, ok := c.Get(keyLogger); ok {
		return l.(*slog.Logger)
	}
	return slog.Default()
}

// accessLog writes one structured line per request, with the route pattern rather than the raw path so
// that proposal ids do not end up in logs.
func accessLog(c *gin.Context) {
	start := time.Now()
	c.Next()
	level := slog.LevelInfo
	if c.Writer.Status() >= 500 {
		level = slog.LevelError
	}
	Logger(c).Log(c.Request.Context(), level, "request",
		slog.String("method", c.Request.Method), slog.String("route", c.FullPath()),
		slog.Int("status", c.Writer.Status()), slog.Duration("duration", time.Since(start)))
}

// observe reports each request to o once it is answered, under its route pattern.
func observe(o Observer) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		o.ObserveRequest(c.FullPath(), c.Request.Method, c.Writer.Status(), time.Since(start))
	}
}

// recoverPanics turns a panic into a logged 500 problem instead of a dropped connection.
func recoverPanics(c *gin.Context) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			Logger(c).Error("panic", slog.Any("panic", r), slog.String("stack", string(debug.Stack())))
			WriteError(c, fmt.Errorf("panic: %v", r))
		}
	}()
	c.Next()
}

// limitBody caps what a client may send, with larger caps for the routes given AllowBody; DecodeJSON
// turns the overflow into 413. A body declared too large is refused before it is read, with the route's
// own error when it has one (an upload names the file limit) and an error page for a page's request.
func (e *Engine) limitBody(c *gin.Context) {
	limit, ok := e.bodies[c.FullPath()]
	if !ok {
		limit = bodyLimit{max: e.maxBody}
	}
	if c.Request.ContentLength > limit.max {
		err := limit.tooLarge
		if err == nil {
			err = domain.Errorf(domain.KindTooLarge, "the request body is larger than the limit of %d bytes", limit.max)
		}
		e.refuse(c, err)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit.max)
	if ok {
		// A route that takes large bodies outlives the server's 30 s read timeout on a slow link.
		c.Request.Body = transferBody(c, c.Request.Body)
	}
	c.Next()
}

// securityHeaders are safe defaults for a JSON API that web pages will share an origin with.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-store")
	c.Next()
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
