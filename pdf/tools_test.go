package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The PDF tests check output with poppler-utils and qpdf, as a reader's
// software would see it. Without the tools they skip locally; in CI
// (CI=true) a missing tool fails the run instead of hiding the tests.

func requireTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found and CI=true: install poppler-utils and qpdf", name)
		}
		t.Skipf("%s not installed (apt-get install poppler-utils qpdf)", name)
	}
}

// tool runs a command and returns its standard output.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	requireTool(t, name)
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// writePDF renders with fn into a temporary file and returns its path.
func writePDF(t testing.TB, name string, fn func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Body area in points for pdftotext -x/-y/-W/-H: below the running head's
// rule, above the footer, so page furniture never interrupts a paragraph.
const (
	cropTop    = (headRule + 1) / mmPerPt
	cropHeight = (footBaseline - 4 - headRule - 1) / mmPerPt
)

// pageTexts returns the text of each page, split on form feeds. With body
// set, only the area between running head and footer is read.
func pageTexts(t testing.TB, path string, body bool, extra ...string) []string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if body {
		args = append(args, "-x", "0", "-y", ftoa(cropTop), "-W", ftoa(pageWidth/mmPerPt), "-H", ftoa(cropHeight))
	}
	args = append(args, extra...)
	args = append(args, path, "-")
	pages := strings.Split(tool(t, "pdftotext", args...), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

func ftoa(v float64) string { return strconv.Itoa(int(v)) }

// normalise collapses every run of white space to one space, the only
// difference allowed between typed and extracted text.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// pdfInfo returns pdfinfo's fields by name.
func pdfInfo(t testing.TB, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for line := range strings.SplitSeq(tool(t, "pdfinfo", "-isodates", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}
