package httpkit

import (
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// transferIdle is how long a large transfer may stall before the connection is cut.
const transferIdle = 60 * time.Second

// transferBody is the body of a request to a route with its own, larger limit (AllowBody: an upload, an
// import): every read moves the connection's read deadline transferIdle ahead, so a 25 MB file on a slow
// link may take minutes while a client that stops sending is still cut off. limitBody puts it in place.
func transferBody(c *gin.Context, body io.ReadCloser) io.ReadCloser {
	return struct {
		io.Reader
		io.Closer
	}{&slidingDeadline{r: body, rc: http.NewResponseController(c.Writer)}, body}
}

// transferWriter is the response for a large streamed download, with the write deadline sliding the same way.
func transferWriter(c *gin.Context) io.Writer {
	return &slidingDeadline{w: c.Writer, rc: http.NewResponseController(c.Writer)}
}

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
