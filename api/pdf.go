package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// conceptNotePDF streams the concept note; a browser holding the current version gets 304.
func (h *handlers) conceptNotePDF(c *gin.Context) {
	doc, err := h.svc.ConceptNotePDF(c.Request.Context(), currentUser(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	SendPDF(c, doc)
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
	SendPDF(c, doc)
}

// SendPDF writes a rendered PDF with its validator, or 304 when the client has it; the web pages use it too.
func SendPDF(c *gin.Context, doc service.PDF) {
	sendDownload(c, doc, "application/pdf", ".pdf")
}

// sendDownload writes a rendered file of the given type and extension with its validator, or 304 when
// the client has it.
func sendDownload(c *gin.Context, doc service.PDF, contentType, ext string) {
	c.Header("ETag", doc.ETag)
	// Cached, but checked each time: the ETag changes with every save.
	c.Header("Cache-Control", "private, no-cache")
	if doc.NotModified {
		c.Status(http.StatusNotModified)
		return
	}
	c.Header("Content-Disposition", contentDisposition(doc.FileName, ext))
	c.Data(http.StatusOK, contentType, doc.Bytes)
}

// contentDisposition names the download after the title: an ASCII fallback for old clients and the
// UTF-8 name (RFC 6266 / 5987) that keeps Cyrillic titles readable.
func contentDisposition(title, ext string) string {
	if strings.TrimSpace(title) == "" {
		title = "concept-note"
	}
	return attachment(title + ext)
}
