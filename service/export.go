package service

import (
	"context"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// Export gathers a whole proposal into one document, with people named by email. Only owners export:
// the file names every member and reviewer, even when reviewer names are hidden in the pages. Files marked
// sensitive are listed only when the owner asks (includeSensitive): a file passed on should not name
// monitoring data that may hold personal data unless someone chose to.
func (s *Service) Export(ctx context.Context, acc Access, proposalID string, includeSensitive bool) (export.Document, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionManageMembers)
	if err != nil {
		return export.Document{}, err
	}
	return s.exportProposal(ctx, p, true, includeSensitive)
}

// exportProposal reads everything in a fixed number of queries, in one read transaction so that the
// parts agree (see models.ReadProposalContents): sections, members, documents and the authors they name;
// the evidence files (the documents list them); with history also revisions and comments. Without history those are left out (the PDF needs
// none of them, and a long history would cost every render). Files marked sensitive are left out unless
// includeSensitive, so that the documents built from an export (the annex list) never name them.
// Suggestions are not exported: an accepted one is already a revision, a rejected or withdrawn one
// changed nothing, and an open one is a question for this proposal's owners and editors from a member who
// can be notified and may withdraw it — after an import the importer is the only member, so it would have
// no one to answer or withdraw it (docs/architecture.md, "Suggestions").
func (s *Service) exportProposal(ctx context.Context, p domain.Proposal, history, includeSensitive bool) (export.Document, error) {
	tpl, err := s.Template(p)
	if err != nil {
		return export.Document{}, err
	}
	c, err := s.store.ReadProposalContents(ctx, p.ID, models.ContentsQuery{History: history, Attachments: true})
	if err != nil {
		return export.Document{}, err
	}
	sections, revisions, comments, members, docs, people := inTemplateOrder(tpl, c.Sections), c.Revisions, c.Comments, c.Members, c.Documents, c.People
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
	for _, a := range c.Attachments {
		if a.Sensitive && !includeSensitive {
			continue
		}
		doc.Attachments = append(doc.Attachments, export.Attachment{Title: a.Title, Kind: a.Kind, Section: a.SectionKey, Link: a.Link,
			Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, Sensitive: a.Sensitive, UploadedBy: a.UploadedBy.Email, CreatedAt: a.CreatedAt})
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

func exportedProposal(p domain.Proposal) export.Proposal {
	return export.Proposal{ID: p.ID, Template: p.TemplateKey, TemplateVersion: p.TemplateVersion, Title: p.Title, Language: p.Language,
		Country: p.Country, Network: p.Network, Bilingual: p.Bilingual, SubmissionLanguage: p.SubmissionLanguage, Status: p.Status,
		TitleTranslation: p.Translation.Title, CountryTranslation: p.Translation.Country, NetworkTranslation: p.Translation.Network,
		HideReviewerNames: p.HideReviewerNames, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}
