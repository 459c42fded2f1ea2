package web

import (
	"github.com/gin-gonic/gin"

	"iduit/httpkit"
)

// conceptNotePDF hands a signed-in member the concept note with the session cookie, through the same
// service call (and the same cache and render limit) as GET /api/v1/proposals/{id}/pdf.
func (p *Pages) conceptNotePDF(c *gin.Context) {
	doc, err := p.svc.ConceptNotePDF(c.Request.Context(), mustAccess(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		p.fail(c, err)
		return
	}
	httpkit.SendPDF(c, doc)
}
