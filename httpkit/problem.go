package httpkit

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// statusOf is the one table from error kinds to HTTP statuses.
var statusOf = map[domain.Kind]int{
	domain.KindInvalid:              http.StatusBadRequest,
	domain.KindUnauthenticated:      http.StatusUnauthorized,
	domain.KindForbidden:            http.StatusForbidden,
	domain.KindNotFound:             http.StatusNotFound,
	domain.KindConflict:             http.StatusConflict,
	domain.KindPreconditionFailed:   http.StatusPreconditionFailed,
	domain.KindPreconditionRequired: http.StatusPreconditionRequired,
	domain.KindUnprocessable:        http.StatusUnprocessableEntity,
	domain.KindTooLarge:             http.StatusRequestEntityTooLarge,
	domain.KindUnsupportedMediaType: http.StatusUnsupportedMediaType,
	domain.KindTooManyRequests:      http.StatusTooManyRequests,
	domain.KindUnavailable:          http.StatusServiceUnavailable,
	domain.KindInternal:             http.StatusInternalServerError,
}

// StatusFor returns the HTTP status of an error kind, so that the web pages answer with the same status
// as the API for the same error; unknown kinds are internal errors.
func StatusFor(k domain.Kind) int {
	if status, ok := statusOf[k]; ok {
		return status
	}
	return http.StatusInternalServerError
}

// RetryAfter is the Retry-After header, in seconds, for an error that is worth retrying later (503 and
// 429), or "" for any other; the web pages send the same.
func RetryAfter(e *domain.Error) string {
	switch StatusFor(e.Kind) {
	case http.StatusServiceUnavailable:
		return "5"
	case http.StatusTooManyRequests:
		if s, ok := e.Extra["retry_after"]; ok {
			return fmt.Sprint(s)
		}
		return "5"
	}
	return ""
}

// ProblemContentType is RFC 9457's media type for error bodies.
const ProblemContentType = "application/problem+json"

// WriteError is the one place that turns an error into a response. Errors without a kind are internal:
// they are logged with the request id and shown to the user only as a generic message.
func WriteError(c *gin.Context, err error) {
	if c.Request.Context().Err() != nil {
		// The client went away (or the server is shutting down) while we worked: the driver's answer is
		// "interrupted" or "canceled", which is no fault of the server and has no one to read it.
		Logger(c).InfoContext(c.Request.Context(), "request abandoned", slog.String("error", err.Error()))
		err = &domain.Error{Kind: domain.KindUnavailable, Message: "the request was cancelled"}
	}
	e, ok := domain.AsError(err)
	if !ok || e.Kind == domain.KindInternal {
		e = &domain.Error{Kind: domain.KindInternal, Message: "something went wrong on our side; the request id helps us find it"}
		Logger(c).ErrorContext(c.Request.Context(), "request failed", slog.String("error", err.Error()))
	}
	status := StatusFor(e.Kind)
	body := gin.H{
		"type":       "urn:iduit:problem:" + string(e.Kind),
		"title":      http.StatusText(status),
		"status":     status,
		"detail":     e.Message,
		"request_id": RequestID(c),
	}
	if len(e.Problems) > 0 {
		body["errors"] = e.Problems
	}
	if e.Code != "" {
		body["code"] = e.Code
	}
	for k, v := range e.Extra {
		body[k] = v
	}
	if status == http.StatusUnauthorized {
		c.Header("WWW-Authenticate", `Bearer realm="iduit"`)
	}
	if after := RetryAfter(e); after != "" {
		c.Header("Retry-After", after)
	}
	c.Abort()
	c.Render(status, problemRender{body})
}

// problemRender writes JSON with the problem media type (gin's JSON renderer would say application/json).
type problemRender struct{ body gin.H }

func (r problemRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return JSONEncode(w, r.body)
}

func (r problemRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", ProblemContentType)
}
