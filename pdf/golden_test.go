package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The golden files hold the SHA-256 of the reference renders: any change to
// the bytes, intended or not, shows up in review. After an intended change
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
			if *update {
				if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != strings.TrimSpace(string(want)) {
				t.Errorf("%s: output changed: sha256 %s, golden %s; if intended, run with -update",
					c.file, got, strings.TrimSpace(string(want)))
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
