package httpkit

import (
	"fmt"
	"io"
	"net/http"
	"strings"

	"iduit/domain"
)

// ServeAttachment sends a stored file as a download: with the type sniffed at upload, never rendered in
// the page's origin (attachment disposition, nosniff, and a sandboxing CSP for a browser that opens it
// anyway), with its SHA-256 as ETag (304 for If-None-Match) and Range answered by http.ServeContent,
// which seeks the chunked reader to read only the chunks asked for.
func ServeAttachment(w http.ResponseWriter, r *http.Request, a domain.Attachment, content io.ReadSeeker) {
	h := w.Header()
	h.Set("Content-Type", a.ContentType)
	h.Set("Content-Disposition", attachmentDisposition(a.Filename))
	h.Set("ETag", `"`+a.SHA256+`"`)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
	// The bytes behind an ETag never change, so a client may keep them and ask again with If-None-Match;
	// "private" keeps shared caches from holding a proposal's evidence.
	h.Set("Cache-Control", "private, no-cache")
	http.ServeContent(w, r, "", a.CreatedAt, content)
}

// attachmentDisposition names the download per RFC 6266: an ASCII fallback for old clients and the real name
// in filename* (RFC 5987), so that quotes, semicolons or line breaks in a name can never break the header.
func attachmentDisposition(name string) string {
	fallback := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' || r == ';' {
			return '_'
		}
		return r
	}, name)
	var enc strings.Builder
	for _, b := range []byte(name) {
		if isAttrChar(b) {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + fallback + `"; filename*=UTF-8''` + enc.String()
}

// isAttrChar is RFC 5987's attr-char: the bytes that need no percent-encoding in filename*.
func isAttrChar(b byte) bool {
	switch {
	case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", b) >= 0
}
