package api

import (
	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
)

// conceptNotePDF streams the concept note; a browser holding the current version gets 304.
func (h *handlers) conceptNotePDF(c *gin.Context) {
	doc, err := h.svc.ConceptNotePDF(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendPDF(c, doc)
}

// worksheetPDF streams a template's blank worksheet; it holds no proposal data, so it is public.
func (h *handlers) worksheetPDF(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	if lang == "" {
		lang = "en"
	}
	tpl, ok := h.svc.Templates().Latest(c.Param("key"))
	if !ok {
		writeError(c, domain.Errorf(domain.KindNotFound, "no template %q", c.Param("key")))
		return
	}
	doc, err := h.svc.Worksheet(c.Request.Context(), tpl, lang)
	if err != nil {
		writeError(c, err)
		return
	}
	if c.GetHeader("If-None-Match") == doc.ETag {
		doc.NotModified = true
	}
	httpkit.SendPDF(c, doc)
}
