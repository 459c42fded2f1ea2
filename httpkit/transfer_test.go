package httpkit

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// TestSlowUploadOutlivesTheReadTimeout sends a body more slowly than the server's read timeout allows for
// the whole request: a route given its own limit (an upload, an import) keeps reading while bytes keep
// coming, and an ordinary route is still cut off by the timeout.
func TestSlowUploadOutlivesTheReadTimeout(t *testing.T) {
	e := New(Config{})
	e.AllowBody("/large", 1<<20, nil)
	count := func(c *gin.Context) {
		n, err := io.Copy(io.Discard, c.Request.Body)
		if err != nil {
			c.String(http.StatusBadRequest, "read %d bytes: %v", n, err)
			return
		}
		c.String(http.StatusOK, "%d", n)
	}
	e.POST("/large", count)
	e.POST("/small", count)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: e, ReadTimeout: 400 * time.Millisecond}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	// slowly sends 8 pieces of 1 KB, 150 ms apart: 1.2 s in all, three times the read timeout.
	slowly := func(path string) (string, error) {
		r, w := io.Pipe()
		go func() {
			for range 8 {
				time.Sleep(150 * time.Millisecond)
				if _, err := w.Write([]byte(strings.Repeat("x", 1024))); err != nil {
					return
				}
			}
			w.Close()
		}()
		req, _ := http.NewRequest(http.MethodPost, "http://"+ln.Addr().String()+path, r)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return fmt.Sprintf("%d %s", resp.StatusCode, body), nil
	}
	if got, err := slowly("/large"); err != nil || got != "200 8192" {
		t.Errorf("a slow upload to a large-body route: %q, %v; want all 8192 bytes read", got, err)
	}
	if got, err := slowly("/small"); err == nil && got == "200 8192" {
		t.Errorf("an ordinary route read a body sent for longer than the read timeout: %q", got)
	}
}
