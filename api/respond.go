package api

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
)

// The handlers speak through the HTTP layer the pages share (package httpkit); these short names keep
// each handler reading as decode, call, encode.

func respond(c *gin.Context, status int, v any) { httpkit.Respond(c, status, v) }

func writeError(c *gin.Context, err error) { httpkit.WriteError(c, err) }

func decodeJSON(c *gin.Context, v any) error { return httpkit.DecodeJSON(c, v) }

func ifMatchVersion(header string) (int, error) { return httpkit.IfMatchVersion(header) }

func guardedBody[T any](c *gin.Context) (int, T, error) { return httpkit.GuardedBody[T](c) }

// listResponse is the envelope of every paginated list.
type listResponse[T any] struct {
	Items  []T   `json:"items"`
	Total  int64 `json:"total"`
	Limit  int   `json:"limit"`
	Offset int   `json:"offset"`
}

func newList[T, D any](items []D, total int64, page domain.Page, convert func(D) T) listResponse[T] {
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = convert(it)
	}
	return listResponse[T]{Items: out, Total: total, Limit: page.Limit, Offset: page.Offset}
}

// pageFrom reads ?limit= and ?offset=; absent values take the defaults, malformed ones are a 400.
func pageFrom(c *gin.Context) (domain.Page, error) {
	var p domain.Page
	for name, dst := range map[string]*int{"limit": &p.Limit, "offset": &p.Offset} {
		raw := c.Query(name)
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return p, domain.Invalid("bad pagination", domain.Problem{Field: name, Message: "must be a non-negative integer"})
		}
		*dst = n
	}
	return p.Normalize(), nil
}
