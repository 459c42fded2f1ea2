package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"iduit/annexes"
	"iduit/budget"
	"iduit/export"
	"iduit/submission"
	"iduit/templates"
)

// defaultOut names the file a format writes when --out is not given.
var defaultOut = map[string]string{"pdf": "concept-note.pdf", "docx": "concept-note.docx", "xlsx": "annexes.xlsx", "zip": "package.zip"}

// renderFormat is --format, or the extension of --out when --format is not given, or pdf.
func renderFormat(format, out string) (string, error) {
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if _, ok := defaultOut[format]; !ok {
			format = "pdf"
		}
	}
	if _, ok := defaultOut[format]; !ok {
		return "", fmt.Errorf("--format must be one of pdf, docx, xlsx, zip, not %q", format)
	}
	return format, nil
}

// writeXLSX writes the Excel annexes of an export, with headers in lang.
func writeXLSX(path string, doc export.Document, budgets *budget.Catalogue, lang string, stdout io.Writer) error {
	return writeFile(path, stdout, func(w io.Writer) error { return annexes.Write(w, doc, budgets, lang) })
}

// writePackage writes the submission package of an export: the PDF and Word file in each language, the
// annexes and the manifest, byte for byte what GET /proposals/{id}/package.zip sends for the same
// proposal when it has no evidence files. An export lists the evidence files but holds none of their
// bytes, so the manifest lists them as not included and says why.
func writePackage(path string, doc export.Document, tpl *templates.Template, budgets *budget.Catalogue, stdout io.Writer) error {
	return writeFile(path, stdout, func(w io.Writer) error {
		return submission.Write(w, doc, submission.Contents(doc, tpl, budgets), nil)
	})
}

// writeFile writes into a temporary file and renames it into place, so a failed render never leaves a
// half-written file under the chosen name.
func writeFile(path string, stdout io.Writer, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(dirOf(path), ".iduit-render-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return nil
}
