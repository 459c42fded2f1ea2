package api

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// A versioned document (the budget, the performance framework, …) is read and written the same way
// whatever its kind: GET answers the body with its version as the ETag; PUT reads If-Match and the whole
// body, saves it, and answers with the saved document as GET would. A kind supplies only its request
// and response shapes and the service calls; the handlers below are shared.

// documentMeta is the version and last change every document response carries.
type documentMeta struct {
	Version   int        `json:"version"`
	UpdatedAt *time.Time `json:"updated_at"`
	UpdatedBy *string    `json:"updated_by"`
}

func toDocumentMeta(doc domain.Document) documentMeta {
	m := documentMeta{Version: doc.Version, UpdatedBy: optional(doc.UpdatedBy)}
	if doc.Version > 0 {
		m.UpdatedAt = &doc.UpdatedAt
	}
	return m
}

// echoedMeta accepts the members a client read with the document, so that it may send back what it read;
// If-Match is what counts.
type echoedMeta struct {
	Version   *int    `json:"version"`
	UpdatedAt *string `json:"updated_at"`
	UpdatedBy *string `json:"updated_by"`
}

// documentReader is a service call that reads one kind of document for the caller.
type documentReader[T any] func(ctx context.Context, acc service.Access, proposalID string) (T, domain.Document, error)

// documentSaver is a service call that saves one kind of document if it is still at the expected version.
type documentSaver[T any] func(ctx context.Context, acc service.Access, proposalID string, expected int, v T) (domain.Document, error)

// getDocument serves GET of a document: the response built by toResponse, with the version as ETag.
func getDocument[T, R any](read documentReader[T], toResponse func(T, domain.Document) R) gin.HandlerFunc {
	return func(c *gin.Context) {
		v, doc, err := read(c.Request.Context(), currentAccess(c), c.Param("id"))
		if err != nil {
			writeError(c, err)
			return
		}
		c.Header("ETag", etag(doc.Version))
		respond(c, http.StatusOK, toResponse(v, doc))
	}
}

// putDocument serves PUT of a document: If-Match and the body, fromRequest to the service's value, the
// save, then the saved document as GET answers it (computed members included).
func putDocument[Q, T any](fromRequest func(Q) T, save documentSaver[T], get gin.HandlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		expected, req, err := guardedBody[Q](c)
		if err != nil {
			writeError(c, err)
			return
		}
		if _, err := save(c.Request.Context(), currentAccess(c), c.Param("id"), expected, fromRequest(req)); err != nil {
			writeError(c, err)
			return
		}
		get(c)
	}
}
