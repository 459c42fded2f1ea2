package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"runtime/debug"
	"slices"

	"iduit/conceptnote"
	"iduit/document"
	"iduit/domain"
	"iduit/pdf"
	"iduit/templates"
)

// PDF is a rendered document (a PDF, or another format of the same document) with the validator a
// browser caches it by.
type PDF struct {
	Bytes       []byte
	ETag        string
	FileName    string
	NotModified bool
}

// buildID changes with every build, so a new renderer never serves a browser's stale copy of an old one.
var buildID = func() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				return s.Value
			}
		}
		return info.Main.Version + info.Main.Sum
	}
	return "dev"
}()

// ConceptNotePDF renders a proposal in lang: the submission language of a bilingual proposal unless
// lang names the other, and a monolingual proposal's own language. The bytes are cached by the
// proposal's content version, which every save moves; ifNoneMatch equal to that version answers
// NotModified without rendering.
func (s *Service) ConceptNotePDF(ctx context.Context, acc Access, proposalID, lang, ifNoneMatch string) (PDF, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return PDF{}, err
	}
	lang, err = pdfLanguage(p, lang)
	if err != nil {
		return PDF{}, err
	}
	version := fmt.Sprintf("%s|%s|%d|%s|%s", p.ID, lang, p.UpdatedAt.UnixNano(), p.Status, buildID)
	out := PDF{ETag: etagOf(version), FileName: p.TitleIn(lang)}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	out.Bytes, err = s.cachedRender(ctx, acc.User.ID, version, func(w io.Writer) error {
		d, err := s.conceptNote(ctx, p, lang)
		if err != nil {
			return err
		}
		return s.renderPDF(w, d)
	})
	return out, err
}

// conceptNote builds the document every format renders, from the proposal's export.
func (s *Service) conceptNote(ctx context.Context, p domain.Proposal, lang string) (document.Document, error) {
	tpl, err := s.Template(p)
	if err != nil {
		return document.Document{}, err
	}
	doc, err := s.exportProposal(ctx, p, false, false)
	if err != nil {
		return document.Document{}, err
	}
	return conceptnote.Build(doc, tpl, s.budgets, lang), nil
}

// cachedRender returns the bytes cached under version, or renders them within the render limits and
// the account's share of them, and caches them.
func (s *Service) cachedRender(ctx context.Context, account, version string, render func(io.Writer) error) ([]byte, error) {
	if data, ok := s.pdfs.get(version); ok {
		return data, nil
	}
	release, err := s.renderGate.enter(ctx, account)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return nil, err
	}
	s.pdfs.put(version, buf.Bytes())
	return buf.Bytes(), nil
}

func pdfLanguage(p domain.Proposal, lang string) (string, error) {
	switch {
	case lang == "" && p.Bilingual:
		return p.SubmissionLanguage, nil
	case lang == "":
		return p.Language, nil
	case !slices.Contains(proposalLanguages, lang):
		return "", domain.Invalid("unsupported language", domain.Problem{Field: "lang", Message: "must be en or ru"})
	case !p.Bilingual && lang != p.Language:
		return "", domain.Invalid("the proposal has no text in that language",
			domain.Problem{Field: "lang", Message: fmt.Sprintf("this proposal is written in %s only", p.Language)})
	}
	return lang, nil
}

// Worksheet renders a template's blank worksheet, for consultations held on paper.
func (s *Service) Worksheet(ctx context.Context, tpl *templates.Template, lang string) (PDF, error) {
	version := fmt.Sprintf("worksheet|%s|%d|%s|%s", tpl.Key, tpl.Version, lang, buildID)
	out := PDF{ETag: etagOf(version), FileName: tpl.Title[lang]}
	var err error
	// Worksheets are public and the same for everyone, so the signed-out share is enough: each language
	// of each template is rendered once and then served from the cache.
	out.Bytes, err = s.cachedRender(ctx, "", version, func(w io.Writer) error {
		return pdf.RenderWorksheet(w, conceptnote.Worksheet(tpl, lang))
	})
	return out, err
}

func etagOf(version string) string {
	sum := sha256.Sum256([]byte(version))
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}
