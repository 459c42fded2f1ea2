package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"iduit/export"
)

func TestRenderOffline(t *testing.T) {
	dir := t.TempDir()
	when := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	doc := export.Document{Format: export.Format, Version: export.Version,
		Proposal: export.Proposal{ID: "x", Template: "gf-concept-note-pwid", TemplateVersion: 1, Title: "Снижение вреда в Оше",
			Language: "ru", SubmissionLanguage: "ru", Country: "Кыргызстан", Network: "ENPUD", Status: "draft", CreatedAt: when, UpdatedAt: when},
		Sections: []export.Section{{Key: "epidemiology", Version: 1,
			Fields: map[string]json.RawMessage{"data-gaps": json.RawMessage(`"Нет данных о ВГС среди ЛУИН."`)}}},
	}
	data, _ := json.Marshal(doc)
	in := filepath.Join(dir, "proposal.json")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	first, second := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	for _, path := range []string{first, second} {
		if err := run(t.Context(), []string{"render", "--in", in, "--out", path}, envOf(nil), &out, &out); err != nil {
			t.Fatalf("render: %v %s", err, out.String())
		}
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if !bytes.HasPrefix(a, []byte("%PDF")) || !bytes.Equal(a, b) {
		t.Fatal("the same export must render to the same bytes")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", first, "-").Output()
		if err != nil || !strings.Contains(string(text), "Нет данных о ВГС среди ЛУИН.") {
			t.Fatalf("pdftotext: %v\n%s", err, text)
		}
	} else if os.Getenv("CI") == "true" {
		t.Fatal("CI needs pdftotext")
	}
	// An export archive renders as its proposal.json does: the same bytes.
	arc := filepath.Join(dir, "export.zip")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	jw, _ := zw.Create(export.ArchiveDocument)
	jw.Write(data)
	fw, _ := zw.Create(export.ArchiveFile(strings.Repeat("0", 64)))
	fw.Write([]byte("a file the render does not need"))
	zw.Close()
	if err := os.WriteFile(arc, zbuf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	fromZip := filepath.Join(dir, "z.pdf")
	if err := run(t.Context(), []string{"render", "--in", arc, "--out", fromZip}, envOf(nil), &out, &out); err != nil {
		t.Fatalf("render --in export.zip: %v %s", err, out.String())
	}
	if z, _ := os.ReadFile(fromZip); !bytes.Equal(z, a) {
		t.Fatal("the archive rendered differently from its proposal.json")
	}
	word := filepath.Join(dir, "note.docx")
	if err := run(t.Context(), []string{"render", "--in", in, "--format", "docx", "--out", word}, envOf(nil), &out, &out); err != nil {
		t.Fatalf("render --format docx: %v %s", err, out.String())
	}
	if text := docxText(t, word); !strings.Contains(text, "Нет данных о ВГС среди ЛУИН.") {
		t.Fatalf("the Word file lacks the answer: %.300s", text)
	}
	for _, args := range [][]string{{"render"}, {"render", "--in", in, "--lang", "en"}, {"render", "--in", filepath.Join(dir, "missing.json")},
		{"render", "--in", in, "--format", "odt"}} {
		if err := run(t.Context(), args, envOf(nil), &out, &out); err == nil {
			t.Errorf("render %v succeeded", args)
		}
	}
}

// docxText is the text of a .docx's body, markup removed.
func docxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(f)
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(body), "")
}
