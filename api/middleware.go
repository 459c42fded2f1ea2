package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

const (
	keyRequestID = "iduit.request_id"
	keyLogger    = "iduit.logger"
	keyUser      = "iduit.user"
	keySession   = "iduit.session"
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

func requestID(c *gin.Context) string { return c.GetString(keyRequestID) }

func logger(c *gin.Context) *slog.Logger {
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
	logger(c).Log(c.Request.Context(), level, "request",
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
			logger(c).Error("panic", slog.Any("panic", r), slog.String("stack", string(debug.Stack())))
			writeError(c, fmt.Errorf("panic: %v", r))
		}
	}()
	c.Next()
}

// limitBody caps what a client may send, with larger caps for the few routes in perRoute; decodeJSON
// turns the overflow into 413. refuse answers a body declared too large before it is read.
func limitBody(defaultMax int64, perRoute map[string]int64, refuse func(c *gin.Context, max int64)) gin.HandlerFunc {
	return func(c *gin.Context) {
		max := defaultMax
		if m, ok := perRoute[c.FullPath()]; ok {
			max = m
		}
		if c.Request.ContentLength > max {
			refuse(c, max)
			c.Abort()
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		c.Next()
	}
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
