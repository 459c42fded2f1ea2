package api

import (
	"github.com/gin-gonic/gin"

	"iduit/docx"
	"iduit/domain"
	"iduit/httpkit"
)

// conceptNoteDocx streams the concept note as a Word document; ?comments=1 adds the open review
// comments as Word comments. A client holding the current version gets 304.
func (h *handlers) conceptNoteDocx(c *gin.Context) {
	comments, err := flagFrom(c, "comments")
	if err != nil {
		writeError(c, err)
		return
	}
	doc, err := h.svc.ConceptNoteDocx(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("lang"), comments, c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendRendered(c, doc, docx.ContentType, ".docx")
}

// flagFrom reads a yes-or-no query parameter: 1 or true, 0 or false, absent for no.
func flagFrom(c *gin.Context, name string) (bool, error) {
	switch c.Query(name) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, domain.Invalid("bad query parameter", domain.Problem{Field: name, Message: "must be 1 or 0"})
}
