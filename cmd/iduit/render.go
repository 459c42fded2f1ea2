package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"iduit/budget"
	"iduit/conceptnote"
	"iduit/document"
	"iduit/docx"
	"iduit/export"
	"iduit/pdf"
	"iduit/templates"
)

// render makes the concept note of an exported proposal offline, as a PDF or a Word document: no
// server, no database. The same builder serves GET /proposals/{id}/pdf and /docx, so the file is the
// document the server would send.
func render(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("iduit render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "the proposal export (JSON from GET /api/v1/proposals/{id}/export)")
	format := fs.String("format", "pdf", "pdf or docx")
	out := fs.String("out", "", "the file to write; default: concept-note.<format>")
	lang := fs.String("lang", "", "en or ru; default: the submission language")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" {
		return errors.New("usage: iduit render --in proposal.json [--format pdf|docx] [--out concept-note.pdf] [--lang ru]")
	}
	// Each format renders the built concept note; a format that needs more than the document takes
	// it from the export here.
	var write func(io.Writer, document.Document) error
	switch *format {
	case "pdf":
		write = pdf.Render
	case "docx":
		write = docx.Render
	default:
		return fmt.Errorf("--format must be pdf or docx, not %q", *format)
	}
	if *out == "" {
		*out = "concept-note." + *format
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
	note := conceptnote.Build(doc, tpl, budgets, language)
	return writeFile(*out, func(w io.Writer) error { return write(w, note) }, stdout)
}

func readExport(path string) (export.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return export.Document{}, err
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

// writeFile renders into a temporary file and renames it into place, so a failed render never leaves a
// half-written file under the chosen name.
func writeFile(path string, render func(io.Writer) error, stdout io.Writer) error {
	tmp, err := os.CreateTemp(dirOf(path), ".iduit-render-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := render(tmp); err != nil {
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

func dirOf(path string) string { return filepath.Dir(path) }
