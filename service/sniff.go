package service

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"math"
	"net/http"
	"os"
	"strings"
	"unicode/utf8"
)

// The types an evidence file may have. The type is read from the bytes: a name says nothing (an HTML page
// renamed .pdf is still a page a browser would run).
const (
	TypePDF  = "application/pdf"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypeODT  = "application/vnd.oasis.opendocument.text"
	TypeJPEG = "image/jpeg"
	TypePNG  = "image/png"
	TypeCSV  = "text/csv; charset=utf-8"
	TypeText = "text/plain; charset=utf-8"
)

// AcceptedFiles names the accepted types for people, in the order messages list them.
const AcceptedFiles = "PDF, DOCX, XLSX, ODT, JPEG, PNG, CSV, plain text (UTF-8)"

// sniff reads what a staged file is, or "" when it is none of the accepted types. head is the file's
// first bytes; the whole file is read again only for text (every byte must be text) and zip (the
// directory at its end).
func sniff(f *os.File, size int64, head []byte, name string) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return TypePDF
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return TypeJPEG
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return sniffZip(f, size)
	}
	if !isText(f, head) {
		return ""
	}
	if strings.HasSuffix(strings.ToLower(name), ".csv") {
		return TypeCSV // CSV is text whichever way it is cut; the name only chooses between two safe text types
	}
	return TypeText
}

// maxOfficeEntries bounds the entries of an uploaded office file: a long Word file or workbook has a few
// hundred. Go's zip reader reads directory records to the end of the file whatever the directory claims,
// so a 25 MB file of tiny records would be half a million entries in memory before any could be counted;
// the directory is read on the archive import's budget instead, and more entries are refused.
const maxOfficeEntries = 10_000

// sniffZip tells the office formats apart by their own markers: ODF's "mimetype" entry, OOXML's
// [Content_Types].xml with the main part of a document or a workbook. Macro-carrying files are refused.
func sniffZip(f *os.File, size int64) string {
	budget := &readBudget{r: f, left: 128<<10 + maxOfficeEntries*directoryBytesPerEntry}
	z, err := zip.NewReader(budget, size)
	if err != nil || len(z.File) > maxOfficeEntries {
		return ""
	}
	budget.left = math.MaxInt64 // the directory is read; the entries looked at below are small
	has := map[string]*zip.File{}
	for _, e := range z.File {
		if strings.HasSuffix(strings.ToLower(e.Name), "vbaproject.bin") {
			return ""
		}
		has[e.Name] = e
	}
	if m := has["mimetype"]; m != nil && m.UncompressedSize64 < 128 {
		rc, err := m.Open()
		if err != nil {
			return ""
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 128))
		if string(b) == TypeODT {
			return TypeODT
		}
		return ""
	}
	if has["[Content_Types].xml"] == nil {
		return ""
	}
	switch {
	case has["word/document.xml"] != nil:
		return TypeDOCX
	case has["xl/workbook.xml"] != nil:
		return TypeXLSX
	}
	return ""
}

// isText accepts UTF-8 text without NUL or other control characters (tabs and line ends are text), which
// does not begin like markup: HTML and SVG are what a browser would run, whatever they are called.
func isText(f *os.File, head []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] == '<' {
		return false
	}
	if t := http.DetectContentType(head); !strings.HasPrefix(t, "text/plain") {
		return false
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	r := bufio.NewReaderSize(f, 64<<10)
	for {
		c, n, err := r.ReadRune()
		if err == io.EOF {
			return true
		}
		if err != nil || (c == utf8.RuneError && n == 1) {
			return false
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F {
			return false
		}
	}
}
