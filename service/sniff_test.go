package service

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestSniffBoundsAnOfficeFilesDirectory: a Word file is known by its parts, and one padded with more
// entries than any office file has is refused instead of its whole directory being read into memory.
func TestSniffBoundsAnOfficeFilesDirectory(t *testing.T) {
	for _, c := range []struct {
		extra int
		want  string
	}{{0, TypeDOCX}, {maxOfficeEntries - 2, TypeDOCX}, {maxOfficeEntries - 1, ""}, {100_000, ""}} {
		if got := sniffFile(t, paddedDocx(t, c.extra)); got != c.want {
			t.Errorf("a Word file with %d entries is sniffed as %q, want %q", c.extra+2, got, c.want)
		}
	}
}

// BenchmarkSniffPaddedDocx sniffs a crafted 30 MB .docx of 280,000 empty entries: B/op is what reading
// its directory costs (docs/performance.md).
func BenchmarkSniffPaddedDocx(b *testing.B) {
	f := paddedDocx(b, 280_000)
	b.ReportAllocs()
	for b.Loop() {
		if sniffFile(b, f) != "" {
			b.Fatal("a padded Word file was accepted")
		}
	}
}

// paddedDocx writes a Word file's two marker parts followed by extra empty entries.
func paddedDocx(tb testing.TB, extra int) *os.File {
	tb.Helper()
	f, err := os.Create(filepath.Join(tb.TempDir(), "file.docx"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	zw := zip.NewWriter(f)
	for i := range extra + 2 {
		name := fmt.Sprintf("pad/%d", i)
		switch i {
		case 0:
			name = "[Content_Types].xml"
		case 1:
			name = "word/document.xml"
		}
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return f
}

func sniffFile(tb testing.TB, f *os.File) string {
	tb.Helper()
	info, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	head := make([]byte, 512)
	n, _ := f.ReadAt(head, 0)
	return sniff(f, info.Size(), head[:n], "file.docx")
}
