package api

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// jsonRender writes success bodies with the same encoder as problems.
type jsonRender struct{ v any }

func (r jsonRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return jsonEncode(w, r.v)
}

func (r jsonRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
}

func respond(c *gin.Context, status int, v any) { c.Render(status, jsonRender{v}) }

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

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
