package service

import (
	"context"
	"fmt"
	"slices"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
	"iduit/templates"
)

// ImportReport says what an import could not carry over: members whose email has no account here.
type ImportReport struct {
	SkippedMembers []string
}

// Import creates a new proposal, owned by the caller, from an export file. People are matched by email;
// work by someone without an account here is attributed to the caller, and their membership is reported
// as skipped. Every section and comment is checked against the pinned template before anything is written.
func (s *Service) Import(ctx context.Context, user domain.User, doc export.Document) (domain.Proposal, ImportReport, error) {
	if doc.Format != export.Format || doc.Version != export.Version {
		return domain.Proposal{}, ImportReport{}, domain.Invalid("not an iduit export", domain.Problem{Field: "format",
			Message: fmt.Sprintf("must be %q version %d", export.Format, export.Version)})
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
	people, err := s.store.UsersByEmail(ctx, exportEmails(doc))
	if err != nil {
		return domain.Proposal{}, ImportReport{}, err
	}
	in, report := buildImport(p, tpl, user, doc, people)
	in.Activity = s.activity(p, user, domain.ActivityProposalImported, p.ID, doc.Proposal.ID)
	if err := s.store.ImportProposal(ctx, in); err != nil {
		return domain.Proposal{}, ImportReport{}, err
	}
	return p, report, nil
}

func importedProposal(ep export.Proposal, user domain.User, tpl *templates.Template) domain.Proposal {
	return domain.Proposal{ID: domain.NewID(), TemplateKey: tpl.Key, TemplateVersion: tpl.Version, Title: ep.Title, Language: ep.Language,
		Country: ep.Country, Network: ep.Network, Bilingual: ep.Bilingual, SubmissionLanguage: ep.SubmissionLanguage, Status: ep.Status,
		HideReviewerNames: ep.HideReviewerNames, CreatedBy: user.ID, CreatedAt: ep.CreatedAt, UpdatedAt: ep.UpdatedAt, Role: domain.RoleOwner}
}

// checkImportedContent validates sections, revisions and comments as if they had been saved one by one.
func checkImportedContent(tpl *templates.Template, p domain.Proposal, doc export.Document) []domain.Problem {
	var problems []domain.Problem
	if !slices.Contains([]string{domain.StatusDraft, domain.StatusInReview, domain.StatusChangesRequested, domain.StatusApproved, domain.StatusFinal}, p.Status) {
		problems = append(problems, domain.Problem{Field: "proposal.status", Message: "is not a known status"})
	}
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
	ids := map[string]bool{}
	for _, c := range doc.Comments {
		ids[c.ID] = true
	}
	for i, c := range doc.Comments {
		where := fmt.Sprintf("comments[%d]", i)
		if _, ok := tpl.Section(c.Section); !ok || (c.ParentID != "" && !ids[c.ParentID]) {
			problems = append(problems, domain.Problem{Field: where, Message: "names an unknown section or thread"})
		}
		if pr := domain.CheckText(where+".body", c.Body, MaxCommentLength, true); pr != nil {
			problems = append(problems, *pr)
		}
	}
	return problems
}

func exportEmails(doc export.Document) []string {
	var emails []string
	add := func(e string) {
		if e = domain.NormalizeEmail(e); e != "" && !slices.Contains(emails, e) {
			emails = append(emails, e)
		}
	}
	for _, m := range doc.Members {
		add(m.Email)
	}
	for _, r := range doc.Revisions {
		add(r.CreatedBy)
	}
	for _, c := range doc.Comments {
		add(c.Author)
	}
	for _, sec := range doc.Sections {
		add(sec.UpdatedBy)
	}
	return emails
}

// buildImport resolves people and gives comments new ids, keeping each reply on its thread.
func buildImport(p domain.Proposal, tpl *templates.Template, user domain.User, doc export.Document, people map[string]domain.User) (models.ProposalImport, ImportReport) {
	who := func(email string) string {
		if u, ok := people[domain.NormalizeEmail(email)]; ok {
			return u.ID
		}
		return user.ID
	}
	in := models.ProposalImport{Proposal: p, Members: []domain.Member{{User: user, Role: domain.RoleOwner, AddedAt: p.CreatedAt}}}
	var report ImportReport
	for _, m := range doc.Members {
		u, ok := people[domain.NormalizeEmail(m.Email)]
		switch {
		case !ok:
			report.SkippedMembers = append(report.SkippedMembers, m.Email)
		case u.ID != user.ID && domain.Role(m.Role).Valid():
			in.Members = append(in.Members, domain.Member{User: u, Role: domain.Role(m.Role), AddedAt: p.CreatedAt})
		}
	}
	exported := map[string]export.Section{}
	for _, sec := range doc.Sections {
		exported[sec.Key] = sec
	}
	for _, key := range tpl.SectionKeys() { // every section exists, saved or not, as on creation
		sec, ok := exported[key]
		if !ok {
			sec = export.Section{Key: key, Fields: domain.Fields{}, UpdatedAt: p.CreatedAt}
		}
		in.Sections = append(in.Sections, domain.Section{Key: key, Version: sec.Version, Fields: sec.Fields, UpdatedAt: sec.UpdatedAt, UpdatedBy: optionalID(sec.UpdatedBy, who)})
	}
	for _, r := range doc.Revisions {
		in.Revisions = append(in.Revisions, domain.Revision{SectionKey: r.Section, Number: r.Number, Fields: r.Fields, CreatedAt: r.CreatedAt, CreatedBy: who(r.CreatedBy)})
	}
	newIDs := map[string]string{}
	for _, c := range doc.Comments {
		newIDs[c.ID] = domain.NewID()
	}
	for _, d := range doc.Documents {
		in.Documents = append(in.Documents, domain.Document{Kind: d.Kind, Version: d.Version, Body: d.Body, UpdatedAt: d.UpdatedAt, UpdatedBy: who(d.UpdatedBy)})
	}
	for _, c := range doc.Comments {
		in.Comments = append(in.Comments, domain.Comment{ID: newIDs[c.ID], SectionKey: c.Section, FieldKey: c.Field, Quote: c.Quote,
			QuoteLang: c.QuoteLang, QuoteStart: c.QuoteStart, Body: c.Body, Author: domain.User{ID: who(c.Author)}, ParentID: newIDs[c.ParentID],
			Status: c.Status, ResolvedAt: c.ResolvedAt, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt})
	}
	return in, report
}

func optionalID(email string, who func(string) string) string {
	if email == "" {
		return ""
	}
	return who(email)
}
