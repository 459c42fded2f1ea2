// Package httpkit is the HTTP layer the JSON API (package api) and the web pages (package web) share: the
// gin engine and its middleware (request id, access log, metrics, panic recovery, security headers, body
// limits, the refusal of input that is not text), the one table from error kinds to HTTP statuses, the
// problem+json writer, If-Match and JSON body reading, file and download responses, upload reading and
// the session cookie. api and web each mount their routes on an Engine; neither knows the other, and
// cmd/iduit puts them side by side.
package httpkit

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// Config is what the engine needs from the rest of the program.
type Config struct {
	Logger *slog.Logger
	// MaxBodyBytes caps request bodies; 0 means DefaultMaxBodyBytes. AllowBody raises it for a route.
	MaxBodyBytes int64
	// TrustedProxies lists the reverse proxies whose X-Forwarded-For is believed; none by default.
	TrustedProxies []string
	// Observer, when set, counts every answered request (the metrics package); nil counts nothing.
	Observer Observer
	// Pages, when set, answers the requests outside /api/ that fail before any handler runs (no such
	// route, a body too large, input that is not text) with a page; nil answers every path with a
	// problem document.
	Pages PageErrors
}

// Observer is told of each answered request, by route pattern (never the raw path, which holds ids).
type Observer interface {
	ObserveRequest(route, method string, status int, elapsed time.Duration)
}

// PageErrors is what the engine needs of the web pages (package web) to answer a person rather than a
// program: a request outside /api/ refused before its handler gets an error page in the reader's language.
type PageErrors interface {
	// NotFound answers an unknown path outside /api/ with a page rather than a problem document.
	NotFound(c *gin.Context)
	// Refuse answers a page request refused before its handler (a body too large, a path or form that
	// is not text) with an error page for err.
	Refuse(c *gin.Context, err error)
}

// DefaultMaxBodyBytes fits the largest section (100,000 characters of Cyrillic is about 200 KB) with room.
const DefaultMaxBodyBytes = 1 << 20

// Engine is the gin engine both interfaces are mounted on, with the shared middleware already in place.
// Routes are added through the embedded *gin.Engine; it serves HTTP as it is.
type Engine struct {
	*gin.Engine
	pages   PageErrors
	maxBody int64
	bodies  map[string]bodyLimit // route pattern → its own limit (AllowBody)
}

type bodyLimit struct {
	max      int64
	tooLarge error // what a larger body is refused with; nil names the limit in bytes
}

// New builds the engine with every middleware; api.Mount and web's Pages.Mount add the routes.
func New(cfg Config) *Engine {
	gin.SetMode(gin.ReleaseMode)
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	e := &Engine{Engine: gin.New(), pages: cfg.Pages, maxBody: cfg.MaxBodyBytes, bodies: map[string]bodyLimit{}}
	r := e.Engine
	r.HandleMethodNotAllowed = true
	// Trust no proxy headers by default: X-Forwarded-For from an untrusted client would let anyone
	// choose the address the sign-in throttle counts.
	_ = r.SetTrustedProxies(cfg.TrustedProxies)
	r.ContextWithFallback = true
	r.Use(withRequestID(cfg.Logger), accessLog)
	if cfg.Observer != nil {
		r.Use(observe(cfg.Observer)) // outside recoverPanics, so that a panic is counted as the 500 it became
	}
	r.Use(recoverPanics, securityHeaders, e.limitBody, e.rejectUnreadableInput)
	r.NoRoute(func(c *gin.Context) {
		if e.forPages(c) {
			e.pages.NotFound(c)
			return
		}
		WriteError(c, domain.Errorf(domain.KindNotFound, "no such endpoint: %s", c.Request.URL.Path))
	})
	r.NoMethod(func(c *gin.Context) {
		c.Abort()
		c.Render(http.StatusMethodNotAllowed, problemRender{gin.H{
			"type": "urn:iduit:problem:method_not_allowed", "title": "Method Not Allowed", "status": http.StatusMethodNotAllowed,
			"detail": c.Request.Method + " is not allowed here", "request_id": RequestID(c),
		}})
	})
	return e
}

// AllowBody lets the route (a gin pattern such as "/api/v1/proposals/import") take bodies of up to max
// bytes; tooLarge, when not nil, is the error a larger body is refused with. Such a body is read with a
// sliding deadline (transferBody), so a slow link is not cut off by the server's read timeout.
func (e *Engine) AllowBody(route string, max int64, tooLarge error) {
	e.bodies[route] = bodyLimit{max: max, tooLarge: tooLarge}
}

// forPages reports whether a request is a page's (outside /api/, with pages mounted), to be answered
// with a page rather than a problem document.
func (e *Engine) forPages(c *gin.Context) bool {
	return e.pages != nil && !strings.HasPrefix(c.Request.URL.Path, "/api/")
}

// refuse answers a request refused before its handler: an error page for a page, a problem otherwise.
func (e *Engine) refuse(c *gin.Context, err error) {
	if e.forPages(c) {
		e.pages.Refuse(c, err)
	} else {
		WriteError(c, err)
	}
	c.Abort()
}
