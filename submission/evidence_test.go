package submission

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
	"time"

	"iduit/export"
)

func TestEvidenceNamesAreSafeAndUnique(t *testing.T) {
	for _, c := range []struct {
		n, width int
		filename string
		want     string
	}{
		{1, 1, "minutes.pdf", "01-minutes.pdf"},
		{7, 3, "Протокол заседания СКК.PDF", "007-Протокол-заседания-СКК.pdf"},
		{2, 1, "../../etc/passwd", "02-etc-passwd"},
		{3, 1, ".htaccess", "03-htaccess"},
		{4, 1, "..", "04-file"},
		{5, 1, "", "05-file"},
		{6, 1, `C:\Users\a\report (final).docx`, "06-C-Users-a-report-final.docx"},
		{8, 1, "data.tar.gz", "08-data-tar.gz"},
		{9, 1, "name.with a space", "09-name-with-a-space"},
		{10, 2, strings.Repeat("я", 200) + ".csv", "10-" + strings.Repeat("я", maxEvidenceName) + ".csv"},
	} {
		if got := evidenceName(c.n, c.width, c.filename); got != c.want {
			t.Errorf("evidenceName(%d, %q) = %q, want %q", c.n, c.filename, got, c.want)
		}
	}
}

// TestEvidenceThatDoesNotMatchItsDigestStopsThePackage: bytes that are not the ones the manifest names
// (a damaged chunk, a short read) end the package with an error instead of shipping them.
func TestEvidenceThatDoesNotMatchItsDigestStopsThePackage(t *testing.T) {
	data := []byte("name,signature\nA,yes\n")
	sum := sha256.Sum256(data)
	a := export.Attachment{Title: "Attendance", Kind: "attendance", Filename: "a.csv", ContentType: "text/csv; charset=utf-8",
		Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	g := Generated{GeneratedAt: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}
	for name, served := range map[string][]byte{"right": data, "changed": []byte("name,signature\nB,yes\n"), "short": data[:5], "long": append(data, 'x')} {
		var out bytes.Buffer
		err := g.Write(&out, []export.Attachment{a}, func(export.Attachment) (io.Reader, error) { return bytes.NewReader(served), nil })
		if (err == nil) != (name == "right") {
			t.Errorf("%s bytes: error %v", name, err)
		}
	}
	var out bytes.Buffer
	if err := g.Write(&out, []export.Attachment{a}, func(export.Attachment) (io.Reader, error) { return bytes.NewReader(data), nil }); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 || zr.File[1].Name != "evidence/01-a.csv" || zr.File[1].Method != zip.Deflate {
		t.Fatalf("package %v", zr.File)
	}
}
