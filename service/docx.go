package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"

	"iduit/document"
	"iduit/docx"
	"iduit/domain"
	"iduit/models"
)

// ConceptNoteDocx renders a proposal as a Word document under the PDF's rules: the same document and
// choice of language, the same access, render gate and cache, and a validator that every save moves.
// With comments, the proposal's open review comments become Word comments; then the validator also
// follows the comments (a new, edited, resolved or deleted one gives a new file) and the names as this
// member may see them.
func (s *Service) ConceptNoteDocx(ctx context.Context, user domain.User, proposalID, lang string, comments bool, ifNoneMatch string) (PDF, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionRead)
	if err != nil {
		return PDF{}, err
	}
	lang, err = pdfLanguage(p, lang)
	if err != nil {
		return PDF{}, err
	}
	version := fmt.Sprintf("docx|%s|%s|%d|%s|%s", p.ID, lang, p.UpdatedAt.UnixNano(), p.Status, buildID)
	var review []document.Comment
	if comments {
		open, err := s.store.Comments(ctx, p.ID, models.CommentFilter{Status: domain.CommentOpen})
		if err != nil {
			return PDF{}, err
		}
		review = reviewComments(p, open)
		version += "|comments|" + commentsDigest(open, review)
	}
	out := PDF{ETag: etagOf(version), FileName: p.Title}
	if ifNoneMatch == out.ETag {
		out.NotModified = true
		return out, nil
	}
	out.Bytes, err = s.cachedRender(ctx, version, func(w io.Writer) error {
		d, err := s.conceptNote(ctx, p, lang)
		if err != nil {
			return err
		}
		d.Comments = review
		return docx.Render(w, d)
	})
	return out, err
}

// reviewComments turns a proposal's open comments into the document's: each thread a comment with its
// replies, authors named as this member may see them. Deleted comments are left out, and a thread
// whose first comment was deleted with it.
func reviewComments(p domain.Proposal, comments []domain.Comment) []document.Comment {
	var out []document.Comment
	threads := map[string]int{}
	for _, c := range comments { // oldest first, so a thread starts before its replies
		if c.Deleted {
			continue
		}
		author := authorName(p, c)
		if c.ParentID == "" {
			threads[c.ID] = len(out)
			out = append(out, document.Comment{Section: c.SectionKey, Field: c.FieldKey, Quote: c.Quote,
				Author: author, Text: c.Body, Date: c.CreatedAt})
			continue
		}
		if i, ok := threads[c.ParentID]; ok {
			out[i].Replies = append(out[i].Replies, document.Reply{Author: author, Text: c.Body, Date: c.CreatedAt})
		}
	}
	return out
}

func authorName(p domain.Proposal, c domain.Comment) string {
	who := presentPerson(p, c.Author, c.AuthorRole)
	if who.Name != "" {
		return who.Name
	}
	return who.Email
}

// commentsDigest names the state of the open comments as this member sees them: which there are,
// their last change, and the names shown.
func commentsDigest(open []domain.Comment, review []document.Comment) string {
	h := sha256.New()
	for _, c := range open {
		io.WriteString(h, c.ID+"|"+strconv.FormatInt(c.UpdatedAt.UnixNano(), 10)+"|"+strconv.FormatBool(c.Deleted)+"\n")
	}
	for _, c := range review {
		io.WriteString(h, c.Author+"\n")
		for _, r := range c.Replies {
			io.WriteString(h, r.Author+"\n")
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}
