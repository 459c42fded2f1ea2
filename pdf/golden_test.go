package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The golden files hold the SHA-256 of the reference renders: any change to
// the bytes, intended or not, shows up in review. Beside each is the text
// pdftotext reads from the render (.txt), so that a changed hash is shown as
// the change in the text, not only as two hashes. After an intended change
// (or a Go or gofpdf upgrade, which can change compressed bytes), look at
// the PDFs and run: go test ./pdf -run TestGolden -update
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		file   string
		render func(io.Writer, Document) (layout, error)
		doc    func() Document
	}{
		{"reference.pdf.sha256", render, referenceDocument},
		{"worksheet.pdf.sha256", renderWorksheet, referenceDocument},
		{"kyrgyz.pdf.sha256", render, kyrgyzDocument},
	} {
		t.Run(c.file, func(t *testing.T) {
			var out bytes.Buffer
			if _, err := c.render(&out, c.doc()); err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(out.Bytes())
			got := hex.EncodeToString(sum[:])
			path := filepath.Join("testdata", c.file)
			textPath := strings.TrimSuffix(path, ".sha256") + ".txt"
			if *update {
				if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				if _, err := exec.LookPath("pdftotext"); err == nil {
					if err := os.WriteFile(textPath, []byte(pdfText(t, out.Bytes())), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != strings.TrimSpace(string(want)) {
				t.Errorf("%s: output changed: sha256 %s, golden %s; if intended, run with -update\n%s",
					c.file, got, strings.TrimSpace(string(want)), textChange(t, textPath, out.Bytes()))
			}
		})
	}
}

func TestSameInputSameBytes(t *testing.T) {
	var first, second bytes.Buffer
	if err := Render(&first, referenceDocument()); err != nil {
		t.Fatal(err)
	}
	if err := Render(&second, referenceDocument()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("two renders of the same document differ")
	}
}

// gofpdf writes into the font bytes while subsetting; documents rendered at
// the same time must each have their own copy. Run with -race.
func TestConcurrentRendersAgree(t *testing.T) {
	var want bytes.Buffer
	if err := Render(&want, referenceDocument()); err != nil {
		t.Fatal(err)
	}
	const workers = 6
	outs := make([]bytes.Buffer, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() {
			d := referenceDocument()
			if i%2 == 1 {
				errs[i] = RenderWorksheet(io.Discard, d)
			}
			if errs[i] == nil {
				errs[i] = Render(&outs[i], d)
			}
		})
	}
	wg.Wait()
	for i := range workers {
		if errs[i] != nil {
			t.Fatalf("worker %d: %v", i, errs[i])
		}
		if !bytes.Equal(outs[i].Bytes(), want.Bytes()) {
			t.Errorf("worker %d rendered different bytes", i)
		}
	}
}

// pdfText is what pdftotext reads from a PDF, page by page in reading order.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "render.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return tool(t, "pdftotext", "-layout", path, "-")
}

// goldenDiffLines bounds the diff printed for a changed golden render.
const goldenDiffLines = 80

// textChange says how the text of a changed render differs from the golden text, with diff -u; when
// the text is the same, the change is in layout or bytes only, and it says so.
func textChange(t *testing.T, goldenText string, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return "(install poppler-utils to see the change in the text)"
	}
	if _, err := os.Stat(goldenText); err != nil {
		return "(no golden text to compare: " + goldenText + ")"
	}
	now := filepath.Join(t.TempDir(), "now.txt")
	if err := os.WriteFile(now, []byte(pdfText(t, data)), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command("diff", "-u", goldenText, now).Output() // exit status 1 means "they differ"
	if len(out) == 0 {
		return "the text is unchanged: the change is in layout, fonts or bytes only"
	}
	lines := strings.SplitAfter(string(out), "\n")
	if len(lines) > goldenDiffLines {
		lines = append(lines[:goldenDiffLines], "… (diff cut)\n")
	}
	return "text diff (golden → now):\n" + strings.Join(lines, "")
}
