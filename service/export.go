package service

import (
	"context"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// Export gathers a whole proposal into one document, with people named by email. Only owners export:
// the file names every member and reviewer, even when reviewer names are hidden in the pages.
func (s *Service) Export(ctx context.Context, user domain.User, proposalID string) (export.Document, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionManageMembers)
	if err != nil {
		return export.Document{}, err
	}
	doc, err := s.exportProposal(ctx, p, true)
	if err != nil {
		return doc, err
	}
	files, err := s.store.Attachments(ctx, p.ID, "")
	for _, a := range files {
		doc.Attachments = append(doc.Attachments, export.Attachment{Title: a.Title, Kind: a.Kind, Section: a.SectionKey, Link: a.Link,
			Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, UploadedBy: a.UploadedBy.Email, CreatedAt: a.CreatedAt})
	}
	return doc, err
}

// exportProposal reads everything in a fixed number of queries: sections, revisions, comments, members
// and the authors they name. Without history, revisions and comments are left out (the PDF needs
// neither, and a long history would cost every render). Suggestions are not exported: an accepted one is
// already a revision, a rejected or withdrawn one changed nothing, and an open one is a question for
// this proposal's owners and editors from a member who can be notified and may withdraw it — after an
// import the importer is the only member, so it would have no one to answer or withdraw it. Decide
// open suggestions before exporting (docs/architecture.md, "Suggestions").
func (s *Service) exportProposal(ctx context.Context, p domain.Proposal, history bool) (export.Document, error) {
	sections, err := s.orderedSections(ctx, p)
	if err != nil {
		return export.Document{}, err
	}
	var revisions []domain.Revision
	var comments []domain.Comment
	if history {
		if revisions, err = s.store.AllRevisions(ctx, p.ID); err != nil {
			return export.Document{}, err
		}
		if comments, err = s.store.Comments(ctx, p.ID, models.CommentFilter{}); err != nil {
			return export.Document{}, err
		}
	}
	members, err := s.store.Members(ctx, p.ID)
	if err != nil {
		return export.Document{}, err
	}
	docs, err := s.store.Documents(ctx, p.ID)
	if err != nil {
		return export.Document{}, err
	}
	people, err := s.store.UsersByID(ctx, append(authorIDs(sections, revisions), documentAuthors(docs)...))
	if err != nil {
		return export.Document{}, err
	}
	doc := export.Document{Format: export.Format, Version: export.Version, ExportedAt: s.clock(), Proposal: exportedProposal(p)}
	doc.Members = make([]export.Member, len(members))
	for i, m := range members {
		doc.Members[i] = export.Member{Email: m.User.Email, Name: m.User.Name, Role: string(m.Role)}
	}
	doc.Sections = make([]export.Section, len(sections))
	for i, sec := range sections {
		doc.Sections[i] = export.Section{Key: sec.Key, Version: sec.Version, Fields: sec.Fields, UpdatedAt: sec.UpdatedAt, UpdatedBy: people[sec.UpdatedBy].Email}
	}
	doc.Revisions = make([]export.Revision, len(revisions))
	for i, r := range revisions {
		doc.Revisions[i] = export.Revision{Section: r.SectionKey, Number: r.Number, Fields: r.Fields, CreatedAt: r.CreatedAt, CreatedBy: authorEmail(people[r.CreatedBy], r.ImportedAuthor)}
	}
	doc.Comments = make([]export.Comment, len(comments))
	for i, c := range comments {
		doc.Comments[i] = export.Comment{ID: c.ID, Section: c.SectionKey, Field: c.FieldKey, Quote: c.Quote, QuoteLang: c.QuoteLang,
			QuoteStart: c.QuoteStart, Body: c.Body, Author: authorEmail(c.Author, c.ImportedAuthor), ParentID: c.ParentID, Status: c.Status,
			ResolvedAt: c.ResolvedAt, Deleted: c.Deleted, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	}
	doc.Documents = make([]export.Part, len(docs))
	for i, d := range docs {
		doc.Documents[i] = export.Part{Kind: d.Kind, Version: d.Version, Body: d.Body, UpdatedAt: d.UpdatedAt, UpdatedBy: people[d.UpdatedBy].Email}
	}
	return doc, nil
}

// authorEmail names who wrote something: the account's email, or the name an import kept as text.
func authorEmail(account domain.User, imported string) string {
	if imported != "" {
		return imported
	}
	return account.Email
}

func documentAuthors(docs []domain.Document) []string {
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.UpdatedBy
	}
	return ids
}

func exportedProposal(p domain.Proposal) export.Proposal {
	return export.Proposal{ID: p.ID, Template: p.TemplateKey, TemplateVersion: p.TemplateVersion, Title: p.Title, Language: p.Language,
		Country: p.Country, Network: p.Network, Bilingual: p.Bilingual, SubmissionLanguage: p.SubmissionLanguage, Status: p.Status,
		HideReviewerNames: p.HideReviewerNames, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

func authorIDs(sections []domain.Section, revisions []domain.Revision) []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, s := range sections {
		add(s.UpdatedBy)
	}
	for _, r := range revisions {
		add(r.CreatedBy)
	}
	return ids
}
