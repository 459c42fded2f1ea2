package web

import (
	"github.com/gin-gonic/gin"

	"iduit/httpkit"
)

// annexesXLSX hands a signed-in member the Excel annexes with the session cookie, through the same
// service call (cache, render limit, ETag) as GET /api/v1/proposals/{id}/annexes.xlsx.
func (p *Pages) annexesXLSX(c *gin.Context) {
	file, err := p.svc.AnnexesXLSX(c.Request.Context(), mustAccess(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		p.fail(c, err)
		return
	}
	httpkit.SendDownload(c, file)
}

// submissionPackage hands a signed-in member the submission package, as GET /api/v1/proposals/{id}/package.zip
// (?sensitive=1 too).
func (p *Pages) submissionPackage(c *gin.Context) {
	file, err := p.svc.SubmissionPackage(c.Request.Context(), mustAccess(c), c.Param("id"), httpkit.WantsSensitive(c), c.GetHeader("If-None-Match"))
	if err != nil {
		p.fail(c, err)
		return
	}
	httpkit.SendDownload(c, file)
}
