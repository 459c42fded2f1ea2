package service

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
	"iduit/templates"
)

// ImportReport says what an import did not carry over as links: the people the file names other than the
// importer. Their work stays in the history under their names, as text.
type ImportReport struct {
	SkippedMembers []string
	// Replayed is true when the same import was done before (same Idempotency-Key, or the same export)
	// and its proposal is returned instead of a second copy.
	Replayed bool
}

// ImportLimits bounds the work one import may ask for. The router bounds the request body with
// MaxJSONBytes (a JSON export) or MaxArchiveBytes (an archive).
type ImportLimits struct {
	MaxRevisions int
	MaxComments  int
	// MaxJSONBytes bounds an export document, sent alone or as an archive's proposal.json.
	MaxJSONBytes int64
	// MaxArchiveBytes bounds an archive as sent; zero takes the proposal's file limit plus MaxJSONBytes
	// and 1 MiB for the zip's own records.
	MaxArchiveBytes int64
	// MaxArchiveEntries bounds the entries of an archive (its document and files).
	MaxArchiveEntries int
	// MaxCompressionRatio bounds how many times its stored size a file of more than 1 MiB may inflate to.
	MaxCompressionRatio int
}

// DefaultImportLimits fit years of autosaved drafting (a save every few seconds of typing makes a
// revision) while keeping an import to seconds: 511,000 revisions took 75 s and 1.1 GiB before there
// was a limit. An export document of 64 MiB holds such a history. A funding request's evidence is tens
// of files, so 1,000 entries leave room. Deflate can reach about 1,000:1 on a run of one byte; office
// files, PDFs and images are compressed already, and our own archives store files as they are (1:1).
var DefaultImportLimits = ImportLimits{MaxRevisions: 50_000, MaxComments: 20_000, MaxJSONBytes: 64 << 20,
	MaxArchiveEntries: 1000, MaxCompressionRatio: 200}

// ImportLimits tells the router how large an import body may be.
func (s *Service) ImportLimits() ImportLimits { return s.imports }

// withDefaults fills zero limits from DefaultImportLimits; the archive's size follows the file limit.
func (l ImportLimits) withDefaults(files AttachmentLimits) ImportLimits {
	d := DefaultImportLimits
	for _, f := range []struct{ v, def *int }{{&l.MaxRevisions, &d.MaxRevisions}, {&l.MaxComments, &d.MaxComments},
		{&l.MaxArchiveEntries, &d.MaxArchiveEntries}, {&l.MaxCompressionRatio, &d.MaxCompressionRatio}} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	if l.MaxJSONBytes <= 0 {
		l.MaxJSONBytes = d.MaxJSONBytes
	}
	if l.MaxArchiveBytes <= 0 {
		l.MaxArchiveBytes = files.MaxProposalBytes + l.MaxJSONBytes + 1<<20
	}
	return l
}

// maxImportKey bounds an Idempotency-Key; clients send a UUID or similar.
const maxImportKey = 200

// Import creates a new proposal from an export file, with the caller as its only member (owner) and in
// draft. The file is somebody's claim: nobody it names is linked to an account here (that would make them
// members without their consent); their work keeps their email as text. Versions and revision numbers
// are renumbered from the history itself. Everything is checked before anything is written, and an import
// done before (same key, or same export) returns the first proposal.
func (s *Service) Import(ctx context.Context, user domain.User, doc export.Document, key string) (domain.Proposal, ImportReport, error) {
	return s.importProposal(ctx, user, doc, key, nil)
}

// ImportArchive is Import from an export archive (see StageArchive): the document is the archive's
// proposal.json, and the files it lists are checked against the archive and stored with the proposal.
// A retry is recognised as for Import, by the Idempotency-Key or by the archive's document, apart from
// an import of the same document alone (which carried no files).
func (s *Service) ImportArchive(ctx context.Context, user domain.User, doc export.Document, arc *ImportArchive, key string) (domain.Proposal, ImportReport, error) {
	return s.importProposal(ctx, user, doc, key, arc)
}

func (s *Service) importProposal(ctx context.Context, user domain.User, doc export.Document, key string, arc *ImportArchive) (domain.Proposal, ImportReport, error) {
	if doc.Format != export.Format || doc.Version != export.Version {
		return domain.Proposal{}, ImportReport{}, domain.Invalid("not an iduit export", domain.Problem{Field: "format",
			Message: fmt.Sprintf("must be %q version %d", export.Format, export.Version)})
	}
	if err := s.checkImportLimits(doc); err != nil {
		return domain.Proposal{}, ImportReport{}, err
	}
	key, err := importKey(key, doc)
	if err != nil {
		return domain.Proposal{}, ImportReport{}, err
	}
	if arc != nil && strings.HasPrefix(key, "export:") {
		key = "archive:" + key
	}
	if p, ok, err := s.importedBefore(ctx, user, key); err != nil || ok {
		return p, ImportReport{Replayed: ok}, err
	}
	tpl, ok := s.templates.Get(doc.Proposal.Template, doc.Proposal.TemplateVersion)
	if !ok {
		return domain.Proposal{}, ImportReport{}, domain.Invalid("unknown template", domain.Problem{Field: "proposal.template",
			Message: fmt.Sprintf("%s version %d is not shipped with this server", doc.Proposal.Template, doc.Proposal.TemplateVersion)})
	}
	p := importedProposal(doc.Proposal, user, tpl)
	problems := append(checkProposal(p), checkImportedContent(tpl, p, doc)...)
	if err := s.checkImportedParts(p, doc.Documents); err != nil {
		e, _ := domain.AsError(err)
		if e == nil {
			return domain.Proposal{}, ImportReport{}, err
		}
		problems = append(problems, domain.Problem{Field: "documents", Message: e.Message})
		problems = append(problems, e.Problems...)
	}
	if len(problems) > 0 {
		return domain.Proposal{}, ImportReport{}, domain.Invalid("the export is not valid", problems...)
	}
	in, report := buildImport(p, tpl, user, doc)
	in.Key = key
	in.Activity = s.activity(p, user, domain.ActivityProposalImported, p.ID, doc.Proposal.ID)
	var first string
	if arc == nil {
		first, err = s.store.ImportProposal(ctx, in)
	} else {
		first, err = s.importWithFiles(ctx, user, p, doc, arc, in)
	}
	if err != nil {
		return domain.Proposal{}, ImportReport{}, err
	}
	if first != "" { // the same import finished first in a concurrent request
		p, err := s.Proposal(ctx, AccessOf(user), first, domain.ActionRead)
		return p, ImportReport{Replayed: true}, err
	}
	return p, report, nil
}

// checkImportLimits refuses an import that asks for more work than one request may (413, naming the limit).
func (s *Service) checkImportLimits(doc export.Document) error {
	for _, c := range []struct {
		what       string
		got, limit int
	}{{"revisions", len(doc.Revisions), s.imports.MaxRevisions}, {"comments", len(doc.Comments), s.imports.MaxComments}} {
		if c.got > c.limit {
			return &domain.Error{Kind: domain.KindTooLarge, Message: fmt.Sprintf("the export holds %d %s; an import takes at most %d", c.got, c.what, c.limit),
				Problems: []domain.Problem{{Field: c.what, Message: fmt.Sprintf("has %d items; the limit per import is %d", c.got, c.limit)}}}
		}
	}
	return nil
}

// importKey is what makes a retried import recognisable: the client's Idempotency-Key, or else the
// export's own proposal id, time of export and content (the same file sent again).
func importKey(header string, doc export.Document) (string, error) {
	if header != "" {
		if p := domain.CheckText("Idempotency-Key", header, maxImportKey, false); p != nil {
			return "", domain.Invalid("the Idempotency-Key is not usable", *p)
		}
		return "key:" + header, nil
	}
	if doc.Proposal.ID == "" || doc.ExportedAt.IsZero() {
		return "", nil
	}
	// The content's hash too: a file edited after export is another import, not a retry of the first.
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(doc); err != nil {
		return "", err
	}
	return fmt.Sprintf("export:%s@%s:%x", doc.Proposal.ID, doc.ExportedAt.UTC().Format(time.RFC3339Nano), h.Sum(nil)), nil
}

// importedBefore finds the proposal an earlier import with the same key made, if it still exists.
func (s *Service) importedBefore(ctx context.Context, user domain.User, key string) (domain.Proposal, bool, error) {
	if key == "" {
		return domain.Proposal{}, false, nil
	}
	id, err := s.store.ImportedProposal(ctx, user.ID, key)
	if err != nil || id == "" {
		return domain.Proposal{}, false, err
	}
	p, err := s.Proposal(ctx, AccessOf(user), id, domain.ActionRead)
	if domain.ErrorKind(err) == domain.KindNotFound { // the importer has left it since: import again
		return domain.Proposal{}, false, s.store.ForgetImport(ctx, user.ID, key)
	}
	return p, err == nil, err
}

// importedProposal takes the file's attributes but not its status: an import has had no review here, so
// it starts as a draft.
func importedProposal(ep export.Proposal, user domain.User, tpl *templates.Template) domain.Proposal {
	return domain.Proposal{ID: domain.NewID(), TemplateKey: tpl.Key, TemplateVersion: tpl.Version, Title: ep.Title, Language: ep.Language,
		Country: ep.Country, Network: ep.Network, Bilingual: ep.Bilingual, SubmissionLanguage: ep.SubmissionLanguage, Status: domain.StatusDraft,
		Translation:       domain.ProposalTexts{Title: ep.TitleTranslation, Country: ep.CountryTranslation, Network: ep.NetworkTranslation},
		HideReviewerNames: ep.HideReviewerNames, CreatedBy: user.ID, CreatedAt: ep.CreatedAt, UpdatedAt: ep.UpdatedAt, Role: domain.RoleOwner}
}

// checkImportedContent validates sections, revisions and comments as if they had been saved one by one.
func checkImportedContent(tpl *templates.Template, p domain.Proposal, doc export.Document) []domain.Problem {
	var problems []domain.Problem
	check := func(where, key string, fields domain.Fields) {
		sec, ok := tpl.Section(key)
		if !ok {
			problems = append(problems, domain.Problem{Field: where, Message: fmt.Sprintf("%q is not a section of the template", key)})
			return
		}
		if _, ps := checkFields(sec, fields, p.Bilingual); len(ps) > 0 {
			problems = append(problems, domain.Problem{Field: where, Message: ps[0].Field + " " + ps[0].Message})
		}
	}
	for i, sec := range doc.Sections {
		check(fmt.Sprintf("sections[%d]", i), sec.Key, sec.Fields)
	}
	for i, r := range doc.Revisions {
		check(fmt.Sprintf("revisions[%d]", i), r.Section, r.Fields)
	}
	return append(problems, checkImportedComments(tpl, doc.Comments)...)
}

// checkImportedComments holds a file's comments to what the service lets people write: a known section
// and field, a known status, text without control characters, and replies only to a thread's first
// comment (which also rules out self-parents and cycles).
func checkImportedComments(tpl *templates.Template, comments []export.Comment) []domain.Problem {
	var problems []domain.Problem
	byID := map[string]export.Comment{}
	for _, c := range comments {
		byID[c.ID] = c
	}
	for i, c := range comments {
		where := fmt.Sprintf("comments[%d]", i)
		add := func(field, message string) {
			problems = append(problems, domain.Problem{Field: where + "." + field, Message: message})
		}
		sec, ok := tpl.Section(c.Section)
		switch {
		case !ok:
			add("section", fmt.Sprintf("%q is not a section of the template", c.Section))
		case c.Field != "":
			if _, ok := sec.Field(c.Field); !ok {
				add("field", fmt.Sprintf("%q is not a field of section %s", c.Field, c.Section))
			}
		}
		if c.Status != domain.CommentOpen && c.Status != domain.CommentResolved {
			add("status", "must be open or resolved")
		}
		if c.QuoteLang != "" && !slices.Contains(proposalLanguages, c.QuoteLang) {
			add("quote_lang", "must be en or ru")
		}
		if c.QuoteStart < 0 || c.QuoteStart > domain.MaxLongTextLength { // and within PostgreSQL's integer
			add("quote_start", fmt.Sprintf("must be from 0 to %d", domain.MaxLongTextLength))
		}
		if c.ParentID != "" {
			parent, ok := byID[c.ParentID]
			switch {
			case c.ParentID == c.ID:
				add("parent_id", "names the comment itself")
			case !ok:
				add("parent_id", "names no comment in the file")
			case parent.ParentID != "":
				add("parent_id", "names a reply; replies belong to a thread's first comment")
			}
		}
		if pr := domain.CheckText(where+".body", c.Body, MaxCommentLength, true); pr != nil {
			problems = append(problems, *pr)
		}
		if pr := domain.CheckText(where+".quote", c.Quote, MaxCommentLength, true); pr != nil {
			problems = append(problems, *pr)
		}
		if pr := domain.CheckText(where+".author", c.Author, domain.MaxEmailLength, false); pr != nil {
			problems = append(problems, *pr)
		}
	}
	return problems
}

// buildImport makes the rows to store: the importer as the only member, everyone else's work under the
// importer's account with their email kept as text, section versions and revision numbers renumbered
// from the history, and comments under new ids, each reply on its thread.
func buildImport(p domain.Proposal, tpl *templates.Template, user domain.User, doc export.Document) (models.ProposalImport, ImportReport) {
	mine := func(email string) bool { return domain.NormalizeEmail(email) == domain.NormalizeEmail(user.Email) }
	asText := func(email string) string {
		if mine(email) {
			return ""
		}
		return email
	}
	in := models.ProposalImport{Proposal: p, Members: []domain.Member{{User: user, Role: domain.RoleOwner, AddedAt: p.CreatedAt}}}
	var report ImportReport
	for _, m := range doc.Members {
		if !mine(m.Email) {
			report.SkippedMembers = append(report.SkippedMembers, m.Email)
		}
	}
	revisions, versions := renumberedRevisions(doc.Revisions, user, asText)
	in.Revisions = revisions
	exported := map[string]export.Section{}
	for _, sec := range doc.Sections {
		exported[sec.Key] = sec
	}
	for _, key := range tpl.SectionKeys() { // every section exists, saved or not, as on creation
		sec, ok := exported[key]
		if !ok {
			sec = export.Section{Key: key, Fields: domain.Fields{}, UpdatedAt: p.CreatedAt}
		}
		by := ""
		if sec.UpdatedBy != "" && mine(sec.UpdatedBy) {
			by = user.ID
		}
		in.Sections = append(in.Sections, domain.Section{Key: key, Version: versions[key], Fields: sec.Fields, UpdatedAt: sec.UpdatedAt, UpdatedBy: by})
	}
	for _, d := range doc.Documents { // saved once here: version 1, whatever the other server counted
		in.Documents = append(in.Documents, domain.Document{Kind: d.Kind, Version: 1, Body: d.Body, UpdatedAt: d.UpdatedAt, UpdatedBy: user.ID})
	}
	newIDs := map[string]string{}
	for _, c := range doc.Comments {
		newIDs[c.ID] = domain.NewID()
	}
	for _, c := range doc.Comments {
		in.Comments = append(in.Comments, domain.Comment{ID: newIDs[c.ID], SectionKey: c.Section, FieldKey: c.Field, Quote: c.Quote,
			QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, Author: user, ImportedAuthor: asText(c.Author), ParentID: newIDs[c.ParentID],
			Status: c.Status, ResolvedAt: c.ResolvedAt, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt})
	}
	return in, report
}

// renumberedRevisions numbers each section's revisions 1, 2, … in the file's order (by number, then
// time) and returns each section's version, the number of its last revision: a version taken from the
// file (2^63-1, or ahead of the history) would make every later save fail.
func renumberedRevisions(revisions []export.Revision, user domain.User, asText func(string) string) ([]domain.Revision, map[string]int) {
	sorted := slices.Clone(revisions)
	slices.SortStableFunc(sorted, func(a, b export.Revision) int {
		if c := cmp.Compare(a.Section, b.Section); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Number, b.Number); c != 0 {
			return c
		}
		return a.CreatedAt.Compare(b.CreatedAt)
	})
	versions := map[string]int{}
	out := make([]domain.Revision, len(sorted))
	for i, r := range sorted {
		versions[r.Section]++
		out[i] = domain.Revision{SectionKey: r.Section, Number: versions[r.Section], Fields: r.Fields, CreatedAt: r.CreatedAt,
			CreatedBy: user.ID, ImportedAuthor: asText(r.CreatedBy)}
	}
	return out, versions
}

// importWithFiles checks the archive's files, writes the bytes not stored yet, then the proposal with
// them. Nothing is left half-written: the store removes a proposal it could not finish, and the chunks
// written here for files that no blob row took are removed again (a failed import leaves no bytes).
func (s *Service) importWithFiles(ctx context.Context, user domain.User, p domain.Proposal, doc export.Document, arc *ImportArchive, in models.ProposalImport) (first string, err error) {
	in.Attachments, err = s.archiveFiles(p, user, doc, arc, s.clock())
	if err != nil {
		return "", err
	}
	written, err := s.storeArchiveFiles(ctx, arc, in.Attachments)
	defer func() {
		if err != nil || first != "" {
			// Not with ctx: a client that gave up must not leave chunks behind.
			cleanup, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
			defer cancel()
			if cerr := s.store.DeleteOrphanChunks(cleanup, written); cerr != nil && err == nil {
				err = cerr
			}
		}
	}()
	if err != nil {
		return "", err
	}
	return s.store.ImportProposal(ctx, in)
}
