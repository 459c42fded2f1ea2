package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
)

var errNotFound = domain.Errorf(domain.KindNotFound, "no such page")

type errorPage struct {
	Base
	Kind    string
	Status  int
	Detail  string   // the service's own message, in English, shown under the translated explanation
	Kept    []string // text from a refused form, shown so that nothing typed is lost
	Problem []problemView
}

// fail is the one place a page turns an error into a response: a sign-in for an expired session, the
// error page with the API's status for a domain error, and a generic message with the request id for
// anything else (logged, never shown).
func (p *Pages) fail(c *gin.Context, err error) {
	e, ok := domain.AsError(err)
	if !ok || e.Kind == domain.KindInternal {
		e = &domain.Error{Kind: domain.KindInternal}
		if errors.Is(err, context.Canceled) {
			e.Kind = domain.KindUnavailable
		}
		p.logger(c).ErrorContext(c.Request.Context(), "page failed", slog.String("route", c.FullPath()), slog.String("error", err.Error()))
	}
	if e.Kind == domain.KindUnauthenticated && err != errCSRF {
		next := ""
		if c.Request.Method == http.MethodGet {
			next = c.Request.URL.RequestURI()
		}
		redirect(c, "/signin"+queryNext(next))
		return
	}
	kind := string(e.Kind)
	if err == errCSRF {
		kind = "csrf"
	}
	data := errorPage{Base: p.base(c, ""), Kind: kind, Status: httpkit.StatusFor(e.Kind), Problem: p.problems(c, e.Problems)}
	data.Title, _ = translate(data.Lang, "error."+kind+".title")
	// Bad input is explained field by field (translated below); the service's one-line summary of it
	// would only repeat that in English.
	if e.Kind != domain.KindInternal && err != errCSRF && err != errNotFound && (e.Kind != domain.KindInvalid || len(e.Problems) == 0) {
		data.Detail = localiseError(data.Lang, e)
	}
	if err == errCSRF {
		data.Kept = keptText(c.Request.PostForm)
	}
	if after := httpkit.RetryAfter(e); after != "" {
		c.Header("Retry-After", after)
	}
	c.Abort()
	p.render(c, data.Status, "error", data)
}

// keptText collects what a refused form carried in its text boxes (the form expired, for example after
// a restart), so the page can hand it back.
func keptText(form url.Values) []string {
	var out []string
	for name, values := range form {
		if !strings.HasPrefix(name, "t.") && name != "body" {
			continue
		}
		for _, v := range values {
			if strings.TrimSpace(v) != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// localiseError says a coded service error in lang; an error without a translation keeps the service's
// English message.
func localiseError(lang string, e *domain.Error) string {
	if e.Code == "" {
		return e.Message
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		args[i] = localiseWord(lang, a)
		if nouns := countedErrorArgs[e.Code]; i < len(nouns) {
			if n, ok := a.(int); ok {
				args[i], _ = count(lang, n, nouns[i])
			}
		}
	}
	if s, err := translate(lang, "err."+e.Code, args...); err == nil {
		return s
	}
	return e.Message
}

// localiseWord names a role or a status the way the pages do; anything else (numbers) stays as it is.
func localiseWord(lang string, a any) any {
	word, ok := a.(string)
	if !ok {
		return a
	}
	for _, prefix := range []string{"role.", "status."} {
		if s, err := translate(lang, prefix+word); err == nil {
			return s
		}
	}
	return word
}
