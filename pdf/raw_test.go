package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
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

// contentOf returns content holding the given runs, each written as operators of n bytes at most.
func contentOf(n int, runs ...string) *pageContent {
	c := new(pageContent)
	fill(c, n, runs...)
	return c
}

func fill(c *pageContent, n int, runs ...string) {
	for _, run := range runs {
		for len(run) > 0 {
			op := run[:min(n, len(run))]
			c.chunk = append(c.reserve(len(op)), op...)
			run = run[len(op):]
		}
		c.endRun()
	}
}

func TestRunsArePutBackInTheirPlaces(t *testing.T) {
	content := contentOf(4, "A a\n", "B b\nC c\n")
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
		runs    []string
	}{
		{"a run without its marker", []string{runMarker + "0"}, []string{"A\n", "B\n"}},
		{"a marker twice", []string{runMarker + "0", runMarker + "0"}, []string{"A\n"}},
		{"a marker twice in place of another", []string{runMarker + "0", runMarker + "0"}, []string{"A\n", "B\n"}},
		{"a marker with no run", []string{runMarker + "1"}, []string{"A\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			content := contentOf(8, c.runs...)
			if err := deflateStreams(io.Discard, pageWithMarkers(t, c.markers...), content); err == nil {
				t.Error("no error: the PDF would lack a run or show one twice")
			}
		})
	}
}

// Runs longer than a chunk, and runs that start near a chunk's end, come back whole and in order, also
// when the chunks are used again for the next render.
func TestRunsSpanChunks(t *testing.T) {
	var runs []string
	for i := range 40 {
		run := bytes.Repeat([]byte{byte('a' + i%26)}, 1+i*i*97) // up to 150 KB, over two chunks
		runs = append(runs, string(run))
	}
	c := new(pageContent)
	for render := range 2 {
		fill(c, 3000, runs...)
		for i := range runs {
			var got bytes.Buffer
			if err := c.writeRun(&got, i); err != nil {
				t.Fatal(err)
			}
			if got.String() != runs[i] {
				t.Fatalf("render %d, run %d: %d bytes back, %d written", render, i, got.Len(), len(runs[i]))
			}
		}
		if c.next < 2 || c.next != len(c.chunks) {
			t.Fatalf("render %d: %d chunks used of %d; the test should span several, all of them", render, c.next, len(c.chunks))
		}
		c.reset()
		if c.runs() != 0 || c.size != 0 || len(c.chunks) == 0 {
			t.Errorf("after reset: %d runs, %d bytes, %d chunks kept", c.runs(), c.size, len(c.chunks))
		}
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

func TestAppendHundredthsMatchesStrconv(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), -0.001, 0.004999, 0.005, 0.375, 2.675, 1.005, 62.362204724409445,
		841.89, 595.28, -12.19, 99.995, 999999.995, 1e7, 1e12, -3e9, math.Inf(1), math.NaN(), 0.125, 8.345}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		mm := float64(rng.IntN(300_000)) / 1000 // millimetres with three decimals, as layout makes them
		values = append(values, mm*72/25.4, -mm*72/25.4, float64(rng.IntN(100_000))/100+0.005, rng.Float64()*1000, rng.Float64()*1e16)
	}
	for _, v := range values {
		want := strconv.AppendFloat(nil, v, 'f', 2, 64)
		if got := appendHundredths(nil, v); !bytes.Equal(got, want) {
			t.Errorf("appendHundredths(%v) = %s, strconv gives %s", v, got, want)
		}
	}
}
