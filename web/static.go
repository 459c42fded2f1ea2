package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

// staticFile is one embedded CSS or JS file, compressed once at start-up rather than per request.
type staticFile struct {
	body, gzipped []byte
	contentType   string
	version       string // a hash of the content: a changed file gets a new address, so caches may keep it forever
}

type staticFiles struct{ files map[string]*staticFile }

func loadStatic(fsys fs.FS) (*staticFiles, error) {
	names, err := fs.Glob(fsys, "static/*")
	if err != nil {
		return nil, err
	}
	out := &staticFiles{files: map[string]*staticFile{}}
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(body)
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		out.files[path.Base(name)] = &staticFile{body: body, gzipped: gzipBytes(body), contentType: ctype, version: hex.EncodeToString(sum[:6])}
	}
	for _, required := range []string{"app.css", "app.js", "sw.js"} {
		if out.files[required] == nil {
			return nil, fmt.Errorf("web: static/%s is missing", required)
		}
	}
	return out, nil
}

// url is a static file's address with its content hash, for templates.
func (s *staticFiles) url(name string) (string, error) {
	f := s.files[name]
	if f == nil {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + name + "?v=" + f.version, nil
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// acceptsGzip reads Accept-Encoding; "gzip;q=0" is a refusal.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") && strings.ReplaceAll(params, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// writeCompressible writes a body, gzipped when the client accepts it and it is worth it.
func writeCompressible(c *gin.Context, status int, contentType string, body, gzipped []byte) {
	h := c.Writer.Header()
	h.Set("Content-Type", contentType)
	h.Add("Vary", "Accept-Encoding")
	if len(body) > 512 && acceptsGzip(c.Request) {
		if gzipped == nil {
			gzipped = gzipBytes(body)
		}
		h.Set("Content-Encoding", "gzip")
		body = gzipped
	}
	c.Data(status, contentType, body)
}

func (p *Pages) serveStatic(c *gin.Context) {
	f := p.static.files[c.Param("file")]
	if f == nil {
		c.Status(http.StatusNotFound)
		return
	}
	h := c.Writer.Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	writeCompressible(c, http.StatusOK, f.contentType, f.body, f.gzipped)
}

// serveServiceWorker serves sw.js from the root, so that its scope is every page; browsers check a
// worker's script for updates themselves, so it is never cached for long.
func (p *Pages) serveServiceWorker(c *gin.Context) {
	f := p.static.files["sw.js"]
	h := c.Writer.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Security-Policy", pagePolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	writeCompressible(c, http.StatusOK, "text/javascript; charset=utf-8", f.body, f.gzipped)
}
