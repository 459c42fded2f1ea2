package httpkit

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

// SendPDF writes a rendered PDF with its validator, or 304 when the client has it.
func SendPDF(c *gin.Context, doc service.PDF) {
	SendRendered(c, doc, "application/pdf", ".pdf")
}

// SendRendered writes a rendered file of the given type and extension with its validator, or 304 when
// the client has it.
func SendRendered(c *gin.Context, doc service.PDF, contentType, ext string) {
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

// SendDownload writes a rendered file as an attachment with its validator, or 304 when the client has
// it.
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
	if err := file.Stream(transferWriter(c)); err != nil {
		// The status and part of the file are sent: all that is left is to break the connection, so the
		// client sees an incomplete download rather than a file that ends early as if whole.
		Logger(c).Error("download failed while streaming", slog.String("file", file.FileName), slog.Any("error", err))
		panic(http.ErrAbortHandler)
	}
}

// WantsSensitive reads an owner's request for the files marked sensitive: include_sensitive=1, as the
// export takes it, or sensitive=1.
func WantsSensitive(c *gin.Context) bool {
	return c.Query("include_sensitive") == "1" || c.Query("sensitive") == "1"
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
