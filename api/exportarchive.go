package api

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/export"
	"iduit/httpkit"
	"iduit/service"
)

// importRoute takes a JSON export or an export archive; its body limit is the archive's.
const importRoute = "/api/v1/proposals/import"

// exportArchive streams the proposal's export archive: proposal.json and the files it lists, read from
// the database a chunk at a time while the zip is written to the client. A client holding the current
// version (If-None-Match) gets 304 before any file is read.
func (h *handlers) exportArchive(c *gin.Context) {
	arc, err := h.svc.ExportArchive(c.Request.Context(), currentAccess(c), c.Param("id"), c.Query("include_sensitive") == "1", c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	httpkit.SendDownload(c, service.Download{ETag: arc.ETag, FileName: arc.FileName, ContentType: export.ArchiveContentType,
		NotModified: arc.NotModified, Stream: func(w io.Writer) error { return arc.WriteTo(c.Request.Context(), w) }})
}

// importArchive imports an export archive sent as application/zip: the body is copied to a temporary
// file (within the route's limit), its directory checked, its proposal.json read as strictly as a JSON
// import, then the service checks and stores the proposal with its files.
func (h *handlers) importArchive(c *gin.Context) {
	arc, err := h.svc.StageArchive(c.Request.Body) // its deadline slides as it moves (httpkit.AllowBody)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			err = h.svc.ArchiveTooLarge()
		}
		writeError(c, err)
		return
	}
	defer arc.Close()
	raw, err := arc.Document()
	if err != nil {
		writeError(c, err)
		return
	}
	var doc export.Document
	if err := httpkit.DecodeJSONBytes(raw, &doc); err != nil {
		writeError(c, err)
		return
	}
	p, report, err := h.svc.ImportArchive(c.Request.Context(), currentUser(c), doc, arc, c.GetHeader("Idempotency-Key"))
	answerImport(c, p, report, err)
}

// isArchive tells whether a request's body is declared a zip archive.
func isArchive(c *gin.Context) bool {
	t, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	return t == export.ArchiveContentType || t == "application/x-zip-compressed"
}
