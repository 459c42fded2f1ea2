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
	write := func(extra int) *os.File {
		f, err := os.Create(filepath.Join(t.TempDir(), "file.docx"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
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
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, c := range []struct {
		extra int
		want  string
	}{{0, TypeDOCX}, {maxOfficeEntries - 2, TypeDOCX}, {maxOfficeEntries - 1, ""}, {100_000, ""}} {
		f := write(c.extra)
		info, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		head := make([]byte, 512)
		n, _ := f.ReadAt(head, 0)
		if got := sniff(f, info.Size(), head[:n], "file.docx"); got != c.want {
			t.Errorf("a Word file with %d entries is sniffed as %q, want %q", c.extra+2, got, c.want)
		}
	}
}
