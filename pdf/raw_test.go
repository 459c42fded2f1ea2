package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// The renderer's runs of operators stand in gofpdf's pages as marker lines (rawWriter). A marker must
// never be read where gofpdf wrote text: runMarker holds three lower-case letters in a row, so in either
// byte alignment two of them would make a UTF-16 code unit, and no rune the faces draw has a lower-case
// letter as its high byte.
func TestRunMarkerCannotBeText(t *testing.T) {
	letters := 0
	for _, c := range []byte(runMarker) {
		if c >= 'a' && c <= 'z' {
			if letters++; letters == 3 {
				break
			}
		} else {
			letters = 0
		}
	}
	if letters < 3 {
		t.Errorf("runMarker %q has no three lower-case letters in a row: a text string could hold it", runMarker)
	}
	for r := rune(0); r < 0x10000; r++ {
		if hi := byte(r >> 8); hasGlyph(r) && hi >= 'a' && hi <= 'z' {
			t.Fatalf("the faces draw %U, whose UTF-16 high byte is %q: a text string could hold a marker", r, hi)
		}
	}
}

// pageWithMarkers is a one-page gofpdf document, uncompressed, whose page holds gofpdf's own lines
// around the given marker lines.
func pageWithMarkers(t *testing.T, markers ...string) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetCompression(false)
	f.AddPage()
	f.RawWriteStr("1 0 0 RG")
	for _, m := range markers {
		f.RawWriteStr(m)
	}
	f.RawWriteStr("0 0 0 RG")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRunsArePutBackInTheirPlaces(t *testing.T) {
	content := &pageContent{bytes: []byte("A a\nB b\nC c\n"), ends: []int{4, 12}}
	var out bytes.Buffer
	if err := deflateStreams(&out, pageWithMarkers(t, runMarker+"1", runMarker+"0"), content); err != nil {
		t.Fatal(err)
	}
	page := inflatedStreams(t, out.Bytes())
	if want := "1 0 0 RG\nB b\nC c\nA a\n0 0 0 RG\n"; !bytes.Contains(page, []byte(want)) {
		t.Errorf("page content %q does not hold %q", page, want)
	}
	if bytes.Contains(page, []byte(runMarker)) {
		t.Errorf("a marker was left in the page: %q", page)
	}
}

func TestRunsMissingOrRepeatedAreAnError(t *testing.T) {
	for _, c := range []struct {
		name    string
		markers []string
		ends    []int
	}{
		{"a run without its marker", []string{runMarker + "0"}, []int{2, 4}},
		{"a marker twice", []string{runMarker + "0", runMarker + "0"}, []int{2}},
		{"a marker twice in place of another", []string{runMarker + "0", runMarker + "0"}, []int{2, 4}},
		{"a marker with no run", []string{runMarker + "1"}, []int{2}},
	} {
		t.Run(c.name, func(t *testing.T) {
			content := &pageContent{bytes: []byte("A\nB\n"), ends: c.ends}
			if err := deflateStreams(io.Discard, pageWithMarkers(t, c.markers...), content); err == nil {
				t.Error("no error: the PDF would lack a run or show one twice")
			}
		})
	}
}

// inflatedStreams returns every deflated stream of a PDF, inflated, one after another.
func inflatedStreams(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var all bytes.Buffer
	for rest := pdf; ; {
		_, after, ok := bytes.Cut(rest, []byte("/FlateDecode"))
		if !ok {
			return all.Bytes()
		}
		_, data, _ := bytes.Cut(after, []byte("stream\n"))
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(&all, zr) // the stream ends where the deflate data says; what follows is not read
		rest = data
	}
}
