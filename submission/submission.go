// Package submission assembles the submission package of a proposal: the concept note as a PDF and a
// Word file in each of its languages, the Excel annexes, the evidence files, and a manifest naming every
// file with its size and SHA-256, in one .zip. It builds from a proposal export, so the server's GET /proposals/{id}/package.zip and the
// offline `iduit render` write the same bytes.
package submission

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"iduit/annexes"
	"iduit/budget"
	"iduit/conceptnote"
	"iduit/document"
	"iduit/docx"
	"iduit/export"
	"iduit/pdf"
	"iduit/templates"
)

// ContentType is the media type of the package.
const ContentType = "application/zip"

// ManifestFormat names the manifest's layout; it changes only when a reader would misread a new one.
const ManifestFormat = "iduit-submission-package/1"

// Entry is one file of the package and how to make it.
type Entry struct {
	Name      string
	MediaType string
	Language  string
	Render    func(w io.Writer) error
}

// Contents lists the package's files in order: the concept note in every language of the proposal,
// then the annexes in the submission language.
func Contents(doc export.Document, tpl *templates.Template, cat *budget.Catalogue) []Entry {
	var out []Entry
	// The structured parts are decoded once for every file (the budget's 2,000 lines were decoded five
	// times: for each language's note and its list of the workbook's sheets, and for the workbook), and
	// each language's concept note is built once and rendered twice, as PDF and as Word; the notes share
	// one summary of the budget.
	dec := export.Decode(doc.Documents)
	src := conceptnote.NewSource(doc, dec, cat)
	notes := map[string]document.Document{}
	note := func(lang string) document.Document {
		if d, ok := notes[lang]; ok {
			return d
		}
		notes[lang] = src.Build(tpl, lang)
		return notes[lang]
	}
	for _, lang := range Languages(doc.Proposal) {
		out = append(out, Entry{Name: "concept-note-" + lang + ".pdf", MediaType: "application/pdf", Language: lang,
			Render: func(w io.Writer) error { return pdf.Render(w, note(lang)) }})
	}
	// The Word narrative in each language too: the CCM edits it, technical-assistance partners review it
	// with tracked changes.
	for _, lang := range Languages(doc.Proposal) {
		out = append(out, Entry{Name: "concept-note-" + lang + ".docx", MediaType: docx.ContentType, Language: lang,
			Render: func(w io.Writer) error { return docx.Render(w, note(lang)) }})
	}
	lang := SubmissionLanguage(doc.Proposal)
	out = append(out, Entry{Name: "annexes-" + lang + ".xlsx", MediaType: annexes.ContentType, Language: lang,
		Render: func(w io.Writer) error { return annexes.WriteDecoded(w, doc, dec, cat, lang) }})
	return out
}

// Languages are the languages a proposal has text in: both for a bilingual proposal (English first),
// otherwise its own.
func Languages(p export.Proposal) []string {
	if p.Bilingual {
		return []string{"en", "ru"}
	}
	return []string{p.Language}
}

// SubmissionLanguage is the language sent to the funder: a bilingual proposal's chosen one, otherwise
// the only one it has.
func SubmissionLanguage(p export.Proposal) string {
	if p.Bilingual && p.SubmissionLanguage != "" {
		return p.SubmissionLanguage
	}
	return p.Language
}

// Manifest is manifest.json: what the package holds, so a CCM secretariat can check that the files it
// uploads are the ones the network sent.
type Manifest struct {
	Format   string           `json:"format"`
	Proposal ManifestProposal `json:"proposal"`
	// GeneratedAt is the proposal's last change, not the clock, so the same proposal gives the same bytes.
	GeneratedAt time.Time      `json:"generated_at"`
	Files       []ManifestFile `json:"files"`
	// Evidence lists the proposal's evidence files (those marked sensitive only when an owner asked for
	// them), each with its path in the package or, when its bytes were not at hand, why it is missing.
	Evidence []ManifestEvidence `json:"evidence"`
}

// ManifestProposal identifies the proposal and the version of it the files were made from.
type ManifestProposal struct {
	ID              string `json:"id"`
	Title           string `json:"title"`
	Status          string `json:"status"`
	Template        string `json:"template"`
	TemplateVersion int    `json:"template_version"`
	// Version is the proposal's content version: its last change, which every save moves (the package's
	// ETag is made from it too).
	Version string `json:"version"`
	// Documents are the versions of the structured parts (budget, indicators) the annexes were made from.
	Documents []ManifestDocument `json:"documents"`
}

// ManifestDocument is one structured part and its version.
type ManifestDocument struct {
	Kind    string `json:"kind"`
	Version int    `json:"version"`
}

// ManifestFile is one file of the package.
type ManifestFile struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type"`
	Language  string `json:"language"`
	Size      int    `json:"size"`
	SHA256    string `json:"sha256"`
}

// Write renders every entry and writes the package with the evidence files: manifest.json first, then
// the generated files in order, then the evidence. open gives the bytes of an evidence file; with a nil
// open (an export file holds no file bytes) the manifest lists the evidence as not included. Every entry
// carries the proposal's last change as its time, so the archive is the same for the same proposal.
func Write(w io.Writer, doc export.Document, entries []Entry, open Opener) error {
	g, err := Generate(doc, entries)
	if err != nil {
		return err
	}
	return g.Write(w, doc.Attachments, open)
}

// Generated is the part of a package made from the proposal's text and data: the rendered files and
// what the manifest says of the proposal. The server caches it; the evidence is streamed on each request.
type Generated struct {
	Proposal    ManifestProposal
	GeneratedAt time.Time
	Files       []Rendered
}

// Rendered is one generated file with its bytes.
type Rendered struct {
	ManifestFile
	Data []byte
}

// Size is the bytes a Generated holds, for a cache's bound.
func (g Generated) Size() int {
	n := 0
	for _, f := range g.Files {
		n += len(f.Data)
	}
	return n
}

// Generate renders every entry and describes the proposal they were made from.
func Generate(doc export.Document, entries []Entry) (Generated, error) {
	p := doc.Proposal
	g := Generated{GeneratedAt: p.UpdatedAt.UTC(), Proposal: ManifestProposal{
		ID: p.ID, Title: p.Title, Status: p.Status, Template: p.Template, TemplateVersion: p.TemplateVersion,
		Version: p.UpdatedAt.UTC().Format(time.RFC3339Nano), Documents: []ManifestDocument{}}}
	for _, d := range doc.Documents {
		g.Proposal.Documents = append(g.Proposal.Documents, ManifestDocument{Kind: d.Kind, Version: d.Version})
	}
	for _, e := range entries {
		var buf bytes.Buffer
		if err := e.Render(&buf); err != nil {
			return Generated{}, fmt.Errorf("submission: %s: %w", e.Name, err)
		}
		sum := sha256.Sum256(buf.Bytes())
		g.Files = append(g.Files, Rendered{Data: buf.Bytes(), ManifestFile: ManifestFile{Name: e.Name, MediaType: e.MediaType,
			Language: e.Language, Size: buf.Len(), SHA256: hex.EncodeToString(sum[:])}})
	}
	return g, nil
}

// Write writes the package: the manifest, the generated files, then each evidence file copied from open
// a read at a time, so a package never holds an evidence file in memory (a chunk of it at most).
func (g Generated) Write(w io.Writer, evidence []export.Attachment, open Opener) error {
	m := Manifest{Format: ManifestFormat, GeneratedAt: g.GeneratedAt, Proposal: g.Proposal, Files: []ManifestFile{},
		Evidence: evidenceEntries(evidence, open != nil)}
	for _, f := range g.Files {
		m.Files = append(m.Files, f.ManifestFile)
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	if err := add(zw, "manifest.json", g.GeneratedAt, zip.Deflate, append(manifest, '\n')); err != nil {
		return err
	}
	// PDFs, .docx and .xlsx files are compressed already; storing them costs a little size and saves the time.
	for _, f := range g.Files {
		if err := add(zw, f.Name, g.GeneratedAt, zip.Store, f.Data); err != nil {
			return err
		}
	}
	for i, e := range m.Evidence {
		if !e.Included {
			continue
		}
		if err := copyEvidence(zw, e, g.GeneratedAt, evidence[i], open); err != nil {
			return err
		}
	}
	return zw.Close()
}

func add(zw *zip.Writer, name string, when time.Time, method uint16, data []byte) error {
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: when.UTC()})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}
