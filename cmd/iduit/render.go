package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"iduit/budget"
	"iduit/conceptnote"
	"iduit/docx"
	"iduit/export"
	"iduit/pdf"
	"iduit/templates"
)

// render makes a deliverable of an exported proposal offline: the concept note as a PDF or a Word
// document, the Excel annexes, or the whole submission package. No server, no database: the same
// builders serve GET /proposals/{id}/pdf, /docx, /annexes.xlsx and /package.zip, so the file is the one
// the server would send.
func render(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("iduit render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "the proposal export (JSON from GET /api/v1/proposals/{id}/export, or the .zip from …/export.zip)")
	out := fs.String("out", "", "the file to write; default: concept-note.pdf, concept-note.docx, annexes.xlsx or package.zip")
	lang := fs.String("lang", "", "en or ru; default: the submission language")
	format := fs.String("format", "", "pdf, docx, xlsx or zip; default: --out's extension, else pdf")
	if err := fs.Parse(args); err != nil {
		return err
	}
	kind, err := renderFormat(*format, *out)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = defaultOut[kind]
	}
	if *in == "" {
		return errors.New("usage: iduit render --in proposal.json|export.zip [--format pdf|docx|xlsx|zip] [--out FILE] [--lang ru]")
	}
	doc, err := readExport(*in)
	if err != nil {
		return err
	}
	catalogue, err := templates.Embedded()
	if err != nil {
		return err
	}
	tpl, ok := catalogue.Get(doc.Proposal.Template, doc.Proposal.TemplateVersion)
	if !ok {
		return fmt.Errorf("template %s version %d is not in this build", doc.Proposal.Template, doc.Proposal.TemplateVersion)
	}
	budgets, err := budget.Embedded()
	if err != nil {
		return err
	}
	language, err := renderLanguage(doc.Proposal, *lang)
	if err != nil {
		return err
	}
	switch kind {
	case "xlsx":
		return writeXLSX(*out, doc, budgets, language, stdout)
	case "zip":
		return writePackage(*out, doc, tpl, budgets, stdout)
	}
	note := conceptnote.Build(doc, tpl, budgets, language)
	write := pdf.Render
	if kind == "docx" {
		write = docx.Render
	}
	return writeFile(*out, stdout, func(w io.Writer) error { return write(w, note) })
}

// readExport reads an export: the JSON file, or an export archive (.zip, from GET …/export.zip), whose
// proposal.json is the same document; the files in it are not needed to render.
func readExport(path string) (export.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return export.Document{}, err
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		if data, err = archiveDocument(data); err != nil {
			return export.Document{}, fmt.Errorf("%s: %w", path, err)
		}
	}
	var doc export.Document
	if err := json.Unmarshal(data, &doc); err != nil {
		return doc, fmt.Errorf("%s is not a proposal export: %w", path, err)
	}
	if doc.Format != export.Format {
		return doc, fmt.Errorf("%s is not a proposal export (format %q)", path, doc.Format)
	}
	return doc, nil
}

// maxArchiveDocument bounds the proposal.json read from an archive, as the server's import does.
const maxArchiveDocument = 64 << 20

func archiveDocument(archive []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		return nil, fmt.Errorf("not a readable export archive: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != export.ArchiveDocument {
			continue
		}
		if f.UncompressedSize64 > maxArchiveDocument {
			return nil, fmt.Errorf("%s is larger than %d bytes", f.Name, maxArchiveDocument)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		return io.ReadAll(io.LimitReader(rc, maxArchiveDocument))
	}
	return nil, fmt.Errorf("an export archive holds %s, and this one does not", export.ArchiveDocument)
}

func renderLanguage(p export.Proposal, lang string) (string, error) {
	switch {
	case lang == "" && p.Bilingual:
		return p.SubmissionLanguage, nil
	case lang == "":
		return p.Language, nil
	case lang != "en" && lang != "ru":
		return "", fmt.Errorf("--lang must be en or ru")
	case !p.Bilingual && lang != p.Language:
		return "", fmt.Errorf("this proposal is written in %s only", p.Language)
	}
	return lang, nil
}

func dirOf(path string) string { return filepath.Dir(path) }
