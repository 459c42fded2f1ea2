package service

import (
	"context"
	"fmt"
	"io"
	"slices"

	"iduit/annexes"
	"iduit/domain"
	"iduit/submission"
)

// Download is a rendered file with its name, media type and the validator a client caches it by.
type Download struct {
	Bytes       []byte
	ETag        string
	FileName    string
	ContentType string
	NotModified bool
}

// AnnexesXLSX writes a proposal's Excel annexes with headers in lang: by default the submission language
// of a bilingual proposal or a monolingual proposal's own; either language on request, since the labels
// come from the catalogue in both. Access, caching and the render limit are the PDF's.
func (s *Service) AnnexesXLSX(ctx context.Context, user domain.User, proposalID, lang, ifNoneMatch string) (Download, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionRead)
	if err != nil {
		return Download{}, err
	}
	if lang, err = workbookLanguage(p, lang); err != nil {
		return Download{}, err
	}
	version := fmt.Sprintf("xlsx|%s|%s|%d|%s|%s", p.ID, lang, p.UpdatedAt.UnixNano(), p.Status, buildID)
	out := Download{ETag: etagOf(version), FileName: p.Title + ".xlsx", ContentType: annexes.ContentType}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	out.Bytes, err = s.cachedRender(ctx, user.ID, version, func(w io.Writer) error {
		doc, err := s.exportProposal(ctx, p, false, false)
		if err != nil {
			return err
		}
		return annexes.Write(w, doc, s.budgets, lang)
	})
	return out, err
}

func workbookLanguage(p domain.Proposal, lang string) (string, error) {
	switch {
	case lang == "":
		return pdfLanguage(p, "")
	case !slices.Contains(proposalLanguages, lang):
		return "", domain.Invalid("unsupported language", domain.Problem{Field: "lang", Message: "must be en or ru"})
	}
	return lang, nil
}

// SubmissionPackage zips the concept note in every language of the proposal, the annexes and a
// manifest. The package is one render under the render limit, cached like the PDF; its bytes depend
// only on the proposal, so its ETag is the proposal's content version.
func (s *Service) SubmissionPackage(ctx context.Context, user domain.User, proposalID, ifNoneMatch string) (Download, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionRead)
	if err != nil {
		return Download{}, err
	}
	version := fmt.Sprintf("zip|%s|%d|%s|%s", p.ID, p.UpdatedAt.UnixNano(), p.Status, buildID)
	out := Download{ETag: etagOf(version), FileName: p.Title + ".zip", ContentType: submission.ContentType}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	out.Bytes, err = s.cachedRender(ctx, user.ID, version, func(w io.Writer) error {
		tpl, err := s.Template(p)
		if err != nil {
			return err
		}
		doc, err := s.exportProposal(ctx, p, false, false)
		if err != nil {
			return err
		}
		return submission.Write(w, doc, submission.Contents(doc, tpl, s.budgets))
	})
	return out, err
}
