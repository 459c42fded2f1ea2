package submission

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestTheSameProposalGivesTheSamePackage(t *testing.T) {
	doc, tpl, cat := reference(t)
	var a, b bytes.Buffer
	if err := Write(&a, doc, Contents(doc, tpl, cat), nil); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, doc, Contents(doc, tpl, cat), nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two packages of one proposal differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
		if !f.Modified.Equal(doc.Proposal.UpdatedAt) {
			t.Errorf("%s is dated %v, not the proposal's last change", f.Name, f.Modified)
		}
	}
	if err := json.Unmarshal(files["manifest.json"], &m); err != nil {
		t.Fatal(err)
	}
	if !m.GeneratedAt.Equal(doc.Proposal.UpdatedAt) || m.Proposal.ID != doc.Proposal.ID || len(m.Files) != 5 { // PDF and Word in each of two languages, the annexes
		t.Fatalf("manifest %s", files["manifest.json"])
	}
	for _, f := range m.Files {
		sum := sha256.Sum256(files[f.Name])
		if f.Size != len(files[f.Name]) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: size or SHA-256 is not the file's", f.Name)
		}
	}
	if path, err := exec.LookPath("pdfinfo"); err == nil {
		name := filepath.Join(t.TempDir(), "en.pdf")
		if err := os.WriteFile(name, files["concept-note-en.pdf"], 0o600); err != nil {
			t.Fatal(err)
		}
		out, _ := exec.Command(path, name).Output()
		t.Logf("the reference PDF: %s", strings.Join(strings.Fields(string(out)), " "))
	}
}
