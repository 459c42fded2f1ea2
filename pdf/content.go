package pdf

import (
	"io"

	"iduit/internal/spare"
)

// pageContent holds the runs of operators the renderer wrote (see rawWriter), for deflateStreams to
// put into the pages. The bytes are written into chunks of a fixed size, not one growing slice: a
// package's two PDFs have 5.1 MB of content, and one slice grown by doubling, its pool emptied by the
// garbage collector between packages, made 7 MB of garbage per package and copied it as it went.
type pageContent struct {
	chunk  []byte   // the end of the chunk being written: put and rect append to it
	start  int      // where in chunk the piece being written starts
	pieces [][]byte // the pieces written, in order; a run is one or more pieces
	ends   []int    // run i is pieces[ends[i-1]:ends[i]]
	size   int      // bytes in pieces
	chunks [][]byte // every chunk, kept for the next render
	next   int      // chunks[next-1] is the chunk being written
}

// contentChunk is the size of a chunk: a few pages of a table.
const contentChunk = 64 << 10

// pageContents keeps two pageContents with their chunks between renders (package spare), each holding
// at most 8 MB of chunks.
var pageContents = spare.New(2, func() *pageContent { return new(pageContent) },
	func(c *pageContent) bool { return len(c.chunks)*contentChunk <= 8<<20 })

// reserve returns the chunk being written with room for n more bytes, starting a new one if need be.
// The caller appends to it and stores it back in c.chunk.
func (c *pageContent) reserve(n int) []byte {
	if cap(c.chunk)-len(c.chunk) >= n {
		return c.chunk
	}
	c.endPiece()
	if c.next < len(c.chunks) && cap(c.chunks[c.next]) >= n {
		c.chunk = c.chunks[c.next][:0]
	} else {
		c.chunk = make([]byte, 0, max(contentChunk, n))
		c.chunks = append(c.chunks[:c.next], c.chunk)
	}
	c.next++
	c.start = 0
	return c.chunk
}

func (c *pageContent) endPiece() {
	if len(c.chunk) > c.start {
		c.pieces = append(c.pieces, c.chunk[c.start:len(c.chunk):len(c.chunk)])
		c.size += len(c.chunk) - c.start
		c.start = len(c.chunk)
	}
}

// endRun ends the run being written and returns its number; ended is false when nothing was written
// since the last run ended.
func (c *pageContent) endRun() (n int, ended bool) {
	c.endPiece()
	if len(c.ends) > 0 && c.ends[len(c.ends)-1] == len(c.pieces) || len(c.pieces) == 0 {
		return 0, false
	}
	c.ends = append(c.ends, len(c.pieces))
	return len(c.ends) - 1, true
}

// runs is the number of runs ended.
func (c *pageContent) runs() int { return len(c.ends) }

// writeRun writes run n to w.
func (c *pageContent) writeRun(w io.Writer, n int) error {
	from := 0
	if n > 0 {
		from = c.ends[n-1]
	}
	for _, p := range c.pieces[from:c.ends[n]] {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// reset empties c for the next render, keeping its chunks.
func (c *pageContent) reset() {
	clear(c.pieces) // the chunks stay referenced through c.chunks alone
	*c = pageContent{pieces: c.pieces[:0], ends: c.ends[:0], chunks: c.chunks}
}
