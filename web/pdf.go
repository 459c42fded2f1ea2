package web

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// conceptNotePDF hands a signed-in member the concept note with the session cookie, through the same
// service call (and the same cache and render limit) as GET /api/v1/proposals/{id}/pdf.
func (p *Pages) conceptNotePDF(c *gin.Context) {
	doc, err := p.svc.ConceptNotePDF(c.Request.Context(), mustUser(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		p.fail(c, err)
		return
	}
	c.Header("ETag", doc.ETag)
	c.Header("Cache-Control", "private, no-cache")
	if doc.NotModified {
		c.Status(http.StatusNotModified)
		return
	}
	name := doc.FileName
	if name == "" {
		name = "concept-note"
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="concept-note.pdf"; filename*=UTF-8''%s.pdf`, url.PathEscape(name)))
	c.Data(http.StatusOK, "application/pdf", doc.Bytes)
}
