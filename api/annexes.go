package api

import (
	"github.com/gin-gonic/gin"

	"iduit/httpkit"
)

// annexesXLSX sends the Excel annexes; a client holding the current version gets 304.
func (h *handlers) annexesXLSX(c *gin.Context) {
	file, err := h.svc.AnnexesXLSX(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendDownload(c, file)
}

// submissionPackage sends the .zip of every file a CCM takes, with its manifest; ?include_sensitive=1
// (owners only) includes the evidence files marked sensitive.
func (h *handlers) submissionPackage(c *gin.Context) {
	file, err := h.svc.SubmissionPackage(c.Request.Context(), currentAccess(c), c.Param("id"), httpkit.WantsSensitive(c), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendDownload(c, file)
}
