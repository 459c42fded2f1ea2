package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"unicode"

	"github.com/gin-gonic/gin"

	"iduit/service"
)

// annexesXLSX sends the Excel annexes; a client holding the current version gets 304.
func (h *handlers) annexesXLSX(c *gin.Context) {
	file, err := h.svc.AnnexesXLSX(c.Request.Context(), currentUser(c), c.Param("id"), c.Query("lang"), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	SendDownload(c, file)
}

// submissionPackage sends the .zip of every file a CCM takes, with its manifest; ?include_sensitive=1
// (owners only) includes the evidence files marked sensitive.
func (h *handlers) submissionPackage(c *gin.Context) {
	file, err := h.svc.SubmissionPackage(c.Request.Context(), currentUser(c), c.Param("id"), WantsSensitive(c), c.GetHeader("If-None-Match"))
	if err != nil {
		writeError(c, err)
		return
	}
	SendDownload(c, file)
}

// WantsSensitive reads an owner's request for the files marked sensitive: include_sensitive=1, as the
// export takes it, or sensitive=1.
func WantsSensitive(c *gin.Context) bool {
	return c.Query("include_sensitive") == "1" || c.Query("sensitive") == "1"
}

// SendDownload writes a rendered file as an attachment with its validator, or 304 when the client has
// it; the web pages use it too.
func SendDownload(c *gin.Context, file service.Download) {
	c.Header("ETag", file.ETag)
	c.Header("Cache-Control", "private, no-cache")
	if file.NotModified {
		c.Status(http.StatusNotModified)
		return
	}
	c.Header("Content-Disposition", attachment(file.FileName))
	if file.Stream == nil {
		c.Data(http.StatusOK, file.ContentType, file.Bytes)
		return
	}
	c.Header("Content-Type", file.ContentType)
	c.Status(http.StatusOK)
	if err := file.Stream(c.Writer); err != nil {
		// The status and part of the file are sent: all that is left is to break the connection, so the
		// client sees an incomplete download rather than a file that ends early as if whole.
		logger(c).Error("download failed while streaming", slog.String("file", file.FileName), slog.Any("error", err))
		panic(http.ErrAbortHandler)
	}
}

// attachment names a download: an ASCII fallback for old clients and the UTF-8 name (RFC 6266 / 5987)
// that keeps Cyrillic titles readable. name ends with its extension (".xlsx").
func attachment(name string) string {
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		stem, ext = name[:i], name[i:]
	}
	stem = strings.TrimSpace(stem)
	if stem == "" {
		stem = "proposal"
	}
	ascii := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return r
		}
		return '_'
	}, stem)
	return fmt.Sprintf(`attachment; filename="%s%s"; filename*=UTF-8''%s%s`, ascii, ext, url.PathEscape(stem), ext)
}
