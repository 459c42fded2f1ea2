package api

import (
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/export"
)

// importRoute takes a JSON export or an export archive; its body limit is the archive's.
const importRoute = "/api/v1/proposals/import"

// exportArchive streams the proposal's export archive: proposal.json and the files it lists, read from
// the database a chunk at a time while the zip is written to the client. A client holding the current
// version (If-None-Match) gets 304 before any file is read.
func (h *handlers) exportArchive(c *gin.Context) {
	arc, err := h.svc.ExportArchive(c.Request.Context(), currentUser(c), c.Param("id"), c.Query("include_sensitive") == "1", c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", arc.ETag)
	c.Header("Cache-Control", "private, no-cache")
	if arc.NotModified {
		c.Status(http.StatusNotModified)
		return
	}
	c.Header("Content-Disposition", attachment(arc.FileName))
	c.Header("Content-Type", export.ArchiveContentType)
	c.Status(http.StatusOK)
	if err := arc.WriteTo(c.Request.Context(), &slidingDeadline{w: c.Writer, rc: http.NewResponseController(c.Writer)}); err != nil {
		// The status is sent; all that is left is to cut the connection, so the client sees a broken
		// download rather than a complete-looking, truncated zip.
		logger(c).Warn("export archive cut short", slog.String("error", err.Error()))
		panic(http.ErrAbortHandler)
	}
}

// importArchive imports an export archive sent as application/zip: the body is copied to a temporary
// file (within the route's limit), its directory checked, its proposal.json read as strictly as a JSON
// import, then the service checks and stores the proposal with its files.
func (h *handlers) importArchive(c *gin.Context) {
	body := &slidingDeadline{r: c.Request.Body, rc: http.NewResponseController(c.Writer)}
	arc, err := h.svc.StageArchive(body)
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
	if err := decodeJSONBytes(raw, &doc); err != nil {
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

// transferIdle is how long a large transfer may stall before the connection is cut.
const transferIdle = 60 * time.Second

// slidingDeadline keeps a large transfer alive while it moves: every read or write (at most once a
// second) moves the connection's deadline transferIdle ahead. The server's whole-request timeouts (30 s to
// read a body, 60 s to write an answer) suit pages and JSON; a 300 MB archive on a slow link needs
// minutes, but a client that stops sending or reading is still cut off.
type slidingDeadline struct {
	r    io.Reader
	w    io.Writer
	rc   *http.ResponseController
	last time.Time
}

func (s *slidingDeadline) extend(read bool) {
	now := time.Now()
	if now.Sub(s.last) < time.Second {
		return
	}
	s.last = now
	if read {
		_ = s.rc.SetReadDeadline(now.Add(transferIdle)) // unsupported (a test recorder) means no deadline to move
	} else {
		_ = s.rc.SetWriteDeadline(now.Add(transferIdle))
	}
}

func (s *slidingDeadline) Read(p []byte) (int, error) {
	s.extend(true)
	return s.r.Read(p)
}

func (s *slidingDeadline) Write(p []byte) (int, error) {
	s.extend(false)
	return s.w.Write(p)
}
