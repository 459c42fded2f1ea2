package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"

	"iduit/annexes"
	"iduit/domain"
	"iduit/export"
	"iduit/submission"
)

// Download is a rendered file with its name, media type and the validator a client caches it by. A
// file too large to hold in memory comes as Stream instead of Bytes: it writes the file to w.
type Download struct {
	Bytes       []byte
	Stream      func(w io.Writer) error
	ETag        string
	FileName    string
	ContentType string
	NotModified bool
}

// AnnexesXLSX writes a proposal's Excel annexes with headers in lang: by default the submission language
// of a bilingual proposal or a monolingual proposal's own; either language on request, since the labels
// come from the catalogue in both. Access, caching and the render limit are the PDF's.
func (s *Service) AnnexesXLSX(ctx context.Context, acc Access, proposalID, lang, ifNoneMatch string) (Download, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return Download{}, err
	}
	if lang, err = workbookLanguage(p, lang); err != nil {
		return Download{}, err
	}
	version := fmt.Sprintf("xlsx|%s|%s|%d|%s|%s", p.ID, lang, p.UpdatedAt.UnixNano(), p.Status, buildID)
	out := Download{ETag: etagOf(version), FileName: p.TitleIn(lang) + ".xlsx", ContentType: annexes.ContentType}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	out.Bytes, err = s.cachedRender(ctx, acc.User.ID, version, func(w io.Writer) error {
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

// SubmissionPackage is the .zip of every file a CCM takes: the concept note in every language of the
// proposal as PDF and Word, the annexes, the evidence files and a manifest. The generated files are one
// render under the render limit, cached by the proposal's content version (a render costs a few hundred
// milliseconds of CPU, a hit nothing); the evidence files are streamed from the database on each
// download, a chunk at a time, so the package is never held whole. Files marked sensitive stay out, and
// unnamed, unless an owner asks for them (withSensitive), as in the export. The ETag covers the content
// version, that choice and every included file's digest and description.
func (s *Service) SubmissionPackage(ctx context.Context, acc Access, proposalID string, withSensitive bool, ifNoneMatch string) (Download, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return Download{}, err
	}
	if withSensitive && !p.Role.Allows(domain.ActionManageMembers) {
		return Download{}, errSensitiveForOwners(p.Role)
	}
	files, err := s.store.Attachments(ctx, p.ID, "")
	if err != nil {
		return Download{}, err
	}
	evidence := packageEvidence(files, withSensitive)
	version := fmt.Sprintf("zip|%s|%d|%s|%t|%s", p.ID, p.UpdatedAt.UnixNano(), p.Status, withSensitive, buildID)
	out := Download{ETag: etagOf(version + "|" + evidenceDigest(evidence)), FileName: p.TitleIn(p.SubmissionLanguage) + ".zip", ContentType: submission.ContentType}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	gen, err := s.generatedPackage(ctx, acc.User.ID, p, version, withSensitive)
	if err != nil {
		return Download{}, err
	}
	out.Stream = func(w io.Writer) error {
		return gen.Write(w, evidence, func(a export.Attachment) (io.Reader, error) {
			return s.store.OpenBlob(ctx, a.SHA256, a.Size), nil
		})
	}
	return out, nil
}

// generatedPackage renders the package's generated files under the render limit, or takes them from
// the cache.
func (s *Service) generatedPackage(ctx context.Context, account string, p domain.Proposal, version string, withSensitive bool) (submission.Generated, error) {
	if g, ok := s.packages.get(version); ok {
		return g, nil
	}
	release, err := s.renderGate.enter(ctx, account)
	if err != nil {
		return submission.Generated{}, err
	}
	defer release()
	tpl, err := s.Template(p)
	if err != nil {
		return submission.Generated{}, err
	}
	doc, err := s.exportProposal(ctx, p, false, withSensitive)
	if err != nil {
		return submission.Generated{}, err
	}
	g, err := submission.Generate(doc, submission.Contents(doc, tpl, s.budgets))
	if err != nil {
		return submission.Generated{}, err
	}
	s.packages.put(version, g)
	return g, nil
}

// packageEvidence is the files a package carries, in upload order: those marked sensitive only when an
// owner asked for them.
func packageEvidence(files []domain.Attachment, withSensitive bool) []export.Attachment {
	var out []export.Attachment
	for _, a := range files {
		if a.Sensitive && !withSensitive {
			continue
		}
		out = append(out, export.Attachment{Title: a.Title, Kind: a.Kind, Section: a.SectionKey, Link: a.Link, Filename: a.Filename,
			ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, Sensitive: a.Sensitive, CreatedAt: a.CreatedAt})
	}
	return out
}

// evidenceDigest sums up what the manifest says of the evidence files, for the package's ETag.
func evidenceDigest(files []export.Attachment) string {
	h := sha256.New()
	for _, a := range files {
		fmt.Fprintf(h, "%s|%d|%s|%q|%q|%s|%t\n", a.SHA256, a.Size, a.ContentType, a.Filename, a.Title, a.Kind, a.Sensitive)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// errSensitiveForOwners refuses files marked sensitive to anyone but an owner: they may hold personal
// data of people who use drugs, and only an owner decides that they travel with the request.
func errSensitiveForOwners(role domain.Role) error {
	return domain.Coded(domain.KindForbidden, "package.sensitive_owner_only", []any{string(role)},
		"only an owner may include files marked sensitive in the package (they may hold personal data); your role on this proposal is %s")
}
