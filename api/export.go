package api

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

// exportProposal sends the whole proposal as a file to keep or to move to another server.
func (h *handlers) exportProposal(c *gin.Context) {
	doc, err := h.svc.Export(c.Request.Context(), currentUser(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Content-Disposition", fmt.Sprintf(`attachment; filename="proposal-%s.json"`, doc.Proposal.ID))
	respond(c, http.StatusOK, doc)
}
