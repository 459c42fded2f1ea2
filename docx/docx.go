// Package docx writes a concept note as a Word document (.docx, Office Open XML) that people edit in
// Word or LibreOffice: the same content in the same order as the PDF, with Word's own heading styles
// (so the navigation pane and the table of contents work), lists, tables whose header row repeats,
// document properties, the document's language, and review comments anchored on their passages.
//
// It is a small writer of our own (archive/zip and plain XML text) because no maintained Go library for
// writing .docx is among the modules this project can use; a .docx is a zip of a few XML parts, and
// the handful of elements a concept note needs are written here directly, which also keeps a
// 30-page document to a few milliseconds. Like the PDF renderer it takes a document.Document and an
// io.Writer and knows nothing of HTTP or storage. The same document always gives the same bytes.
package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"time"

	"github.com/klauspost/compress/flate"

	"iduit/document"
	"iduit/internal/spare"
)

// ContentType is the media type of a .docx file.
const ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// zipTime is every part's modification time: a fixed one, so the same document gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Render writes d as a .docx: a cover, a table of contents, every section with its IDUIT chapters
// and answers, and d.Comments as Word comments.
func Render(w io.Writer, d document.Document) error {
	words := wordsFor(d.Language)
	plan := planComments(&d, words)
	x := bodies.Get()
	defer func() {
		clear(x.charts) // a spare must not keep the document alive
		bodies.Put(x)
	}()
	x.b.Reset()
	x.w, x.comments, x.revisions, x.charts = words, plan, 0, x.charts[:0]
	x.write(&d)
	withComments := plan.total > 0

	z := zip.NewWriter(w)
	// Deflate at its fastest level: the XML is repetitive, so it still shrinks several times over,
	// at a fraction of the default level's time. One compressor, reset for each part and kept between
	// renders, since making one allocates about a megabyte.
	fw := compressors.Get()
	defer compressors.Put(fw)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw.Reset(out)
		return fw, nil
	})
	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes(withComments, len(x.charts)))},
		{"_rels/.rels", []byte(packageRels)},
		{"docProps/core.xml", coreProperties(&d, words)},
		{"docProps/app.xml", appProperties(&d)},
		{"word/document.xml", x.b.Bytes()},
		{"word/styles.xml", []byte(styles(words))},
		{"word/numbering.xml", []byte(numbering)},
		{"word/settings.xml", []byte(settings(words))},
		{"word/header1.xml", header(&d)},
		{"word/header2.xml", coverHeader(&d)},
		{"word/footer1.xml", footer(&d, words)},
		{"word/_rels/document.xml.rels", []byte(documentRels(withComments, len(x.charts)))},
	}
	for i, c := range x.charts {
		parts = append(parts, struct {
			name string
			data []byte
		}{"word/charts/chart" + itoa(i+1) + ".xml", chartXML(c)})
	}
	if withComments {
		var c, e bytes.Buffer
		writeComments(&c, plan)
		writeCommentsExtended(&e, plan)
		parts = append(parts, struct {
			name string
			data []byte
		}{"word/comments.xml", c.Bytes()}, struct {
			name string
			data []byte
		}{"word/commentsExtended.xml", e.Bytes()})
	}
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}

// compressors keeps two deflate writers (a new one allocates about a megabyte) for the same reason.
var compressors = spare.New(2, func() *flate.Writer {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // only an invalid level fails
	return fw
}, nil)

// bodies keeps two bodies, with their buffers, between renders (see package spare: a pool lost them
// between one package's Word files and the next's, and each Word file grew 3 MB afresh). At most two
// buffers of up to 8 MB stay allocated.
var bodies = spare.New(2, func() *body { return &body{} }, func(x *body) bool { return x.b.Cap() <= 8<<20 })

func itoa(n int) string { return strconv.Itoa(n) }
