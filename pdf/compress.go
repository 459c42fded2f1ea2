package pdf

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"

	"github.com/klauspost/compress/zlib"

	"iduit/internal/spare"
)

// gofpdf starts a new zlib writer for every stream it compresses; each one
// costs about 1.2 MB and most of a millisecond before it has read a byte,
// which for a 30-page note was most of the time and memory of a render.
// Documents are therefore built with page compression off, and this pass
// deflates their content streams with writers reused through a pool, then
// rewrites the cross-reference table for the new offsets.
//
// The writers are klauspost/compress's, not the standard library's: at the fastest level they deflate
// the 2.9 MB of content streams of a package's Russian PDF (2,000 budget lines, 262 pages) in 21-25 ms
// against 39-53 ms, and 5% smaller (429 against 453 KB), measured side by side on this machine. Its
// zlib package has the standard one's API, and it was in the module graph already (Prometheus uses it).

// Writers and buffers are kept between renders in spare lists, not sync.Pools, which the collections
// between one package's PDFs and the next's emptied (package spare): at most two writers and four
// buffers of up to 8 MB stay allocated.
var (
	zlibWriters = spare.New(2, func() *zlib.Writer {
		w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
		return w
	}, nil)
	buffers = spare.New(4, func() *bytes.Buffer { return new(bytes.Buffer) }, func(b *bytes.Buffer) bool { return b.Cap() <= 8<<20 })
)

// errLayout means the bytes did not have the shape gofpdf writes.
var errLayout = errors.New("pdf: unexpected gofpdf output layout")

// deflateStreams writes src to dst with every stream that has no /Filter
// compressed, and each run of content's marker (see rawWriter) replaced by the run. Should src not look
// like gofpdf output it is written unchanged when it has no runs to put back (larger, but still a
// correct PDF), and is an error when it has.
func deflateStreams(dst io.Writer, src []byte, content *pageContent) error {
	out := buffers.Get()
	defer func() { out.Reset(); buffers.Put(out) }()
	if err := rewrite(out, src, content); err != nil {
		if content != nil && content.runs() > 0 {
			return err
		}
		_, err = dst.Write(src)
		return err
	}
	_, err := dst.Write(out.Bytes())
	return err
}

func rewrite(out *bytes.Buffer, src []byte, content *pageContent) error {
	var runs runsPlaced
	if content != nil {
		runs = runsPlaced{content: content, placed: make([]bool, content.runs())}
	}
	xrefAt, offsets, trailer, err := parseXref(src)
	if err != nil {
		return err
	}
	order := make([]int, 0, len(offsets))
	for n := 1; n < len(offsets); n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 || offsets[order[0]] <= 0 || offsets[order[len(order)-1]] >= xrefAt {
		return errLayout
	}
	// Deflate at the fastest level makes page content about a quarter of its size.
	out.Grow(len(src)/2 + runs.size()/4)
	out.Write(src[:offsets[order[0]]])
	moved := make([]int, len(offsets))
	for i, n := range order {
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		moved[n] = out.Len()
		if err := writeObject(out, src[offsets[n]:end], &runs); err != nil {
			return err
		}
	}
	if runs.count != len(runs.placed) {
		return errLayout // a run's marker was not in any page
	}
	newXref := out.Len()
	out.WriteString("xref\n0 " + strconv.Itoa(len(offsets)) + "\n0000000000 65535 f \n")
	var entry []byte
	for n := 1; n < len(offsets); n++ {
		entry = strconv.AppendInt(entry[:0], int64(moved[n]), 10)
		out.WriteString("0000000000"[len(entry):])
		out.Write(entry)
		out.WriteString(" 00000 n \n")
	}
	out.Write(trailer)
	out.WriteString("startxref\n" + strconv.Itoa(newXref) + "\n%%EOF\n")
	return nil
}

// parseXref reads gofpdf's cross-reference table: the offset of every object
// (index 0 unused) and the trailer dictionary that follows the table.
func parseXref(src []byte) (xrefAt int, offsets []int, trailer []byte, err error) {
	const start = "startxref\n"
	i := bytes.LastIndex(src, []byte(start))
	if i < 0 {
		return 0, nil, nil, errLayout
	}
	xrefAt, ok := number(src[i+len(start):], '\n')
	if !ok || xrefAt >= i || !bytes.HasPrefix(src[xrefAt:], []byte("xref\n0 ")) {
		return 0, nil, nil, errLayout
	}
	p := xrefAt + len("xref\n0 ")
	count, ok := number(src[p:], '\n')
	const entryLen = len("0000000000 00000 n \n")
	table := p + bytes.IndexByte(src[p:], '\n') + 1
	if !ok || count < 2 || table+count*entryLen > i {
		return 0, nil, nil, errLayout
	}
	offsets = make([]int, count)
	for n := 1; n < count; n++ {
		e := src[table+n*entryLen:]
		off, ok := number(e[:10], 0)
		if !ok || off >= xrefAt {
			return 0, nil, nil, errLayout
		}
		offsets[n] = off
	}
	return xrefAt, offsets, src[table+count*entryLen : i], nil
}

// number parses the decimal digits at the start of b, which must be
// followed by end (or run to the end of b when end is 0).
func number(b []byte, end byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		n = n*10 + int(b[i]-'0')
		if n > 1<<40 {
			return 0, false
		}
	}
	if i == 0 || (end != 0 && (i >= len(b) || b[i] != end)) || (end == 0 && i != len(b)) {
		return 0, false
	}
	return n, true
}

// writeObject copies one "N 0 obj ... endobj" chunk, deflating its stream
// when the dictionary has no /Filter and its /Length matches the data.
func writeObject(out *bytes.Buffer, obj []byte, runs *runsPlaced) error {
	const open, tail, length = "stream\n", "\nendstream\nendobj\n", "/Length "
	dictEnd := bytes.Index(obj, []byte(open))
	if dictEnd < 0 || !bytes.HasSuffix(obj, []byte(tail)) {
		out.Write(obj)
		return nil
	}
	dict, data := obj[:dictEnd], obj[dictEnd+len(open):len(obj)-len(tail)]
	at := bytes.Index(dict, []byte(length))
	if at < 0 || bytes.Contains(dict, []byte("/Filter")) {
		out.Write(obj)
		return nil
	}
	digits := dict[at+len(length):]
	end := 0
	for end < len(digits) && digits[end] >= '0' && digits[end] <= '9' {
		end++
	}
	if n, ok := number(digits[:end], 0); !ok || n != len(data) {
		out.Write(obj)
		return nil
	}
	zipped := buffers.Get()
	zw := zlibWriters.Get()
	zw.Reset(zipped)
	err := runs.expand(zw, data) // the writers never fail: they write to a bytes.Buffer
	zw.Close()
	zlibWriters.Put(zw)
	if err != nil {
		zipped.Reset()
		buffers.Put(zipped)
		return err
	}
	out.Write(dict[:at])
	out.WriteString("/Filter /FlateDecode " + length + strconv.Itoa(zipped.Len()))
	out.Write(digits[end:])
	out.WriteString(open)
	out.Write(zipped.Bytes())
	out.WriteString(tail)
	zipped.Reset()
	buffers.Put(zipped)
	return nil
}

// runsPlaced puts content's runs into the pages, each once.
type runsPlaced struct {
	content *pageContent
	placed  []bool
	count   int
}

func (p *runsPlaced) size() int {
	if p.content == nil {
		return 0
	}
	return p.content.size
}

// expand writes data with each marker line replaced by its run.
func (p *runsPlaced) expand(w io.Writer, data []byte) error {
	for {
		i := bytes.Index(data, []byte(runMarker))
		if i < 0 {
			_, err := w.Write(data)
			return err
		}
		eol := bytes.IndexByte(data[i:], '\n')
		if eol < 0 || i > 0 && data[i-1] != '\n' {
			return errLayout
		}
		n, ok := number(data[i+len(runMarker):i+eol], 0)
		if !ok || n >= len(p.placed) || p.placed[n] {
			return errLayout
		}
		p.placed[n] = true
		p.count++
		if _, err := w.Write(data[:i]); err != nil {
			return err
		}
		if err := p.content.writeRun(w, n); err != nil {
			return err
		}
		data = data[i+eol+1:]
	}
}
