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
// With comments, the proposal's review goes in: open comments become Word comments and open suggestions
// tracked changes; then the validator also follows them (a new, edited, resolved, decided or deleted one
// gives a new file) and the names as this member may see them.
func (s *Service) ConceptNoteDocx(ctx context.Context, acc Access, proposalID, lang string, comments bool, ifNoneMatch string) (PDF, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return PDF{}, err
	}
	lang, err = pdfLanguage(p, lang)
	if err != nil {
		return PDF{}, err
	}
	version := fmt.Sprintf("docx|%s|%s|%d|%s|%s", p.ID, lang, p.UpdatedAt.UnixNano(), p.Status, buildID)
	var open []domain.Comment
	var suggestions []domain.Suggestion
	var aud audience
	if comments {
		if open, err = s.store.Comments(ctx, p.ID, models.CommentFilter{Status: domain.CommentOpen}); err != nil {
			return PDF{}, err
		}
		if suggestions, err = s.store.Suggestions(ctx, p.ID, "", domain.SuggestionOpen); err != nil {
			return PDF{}, err
		}
		if aud, err = s.audienceOf(ctx, p); err != nil {
			return PDF{}, err
		}
		version += "|comments|" + commentsDigest(aud, open) + "|suggestions|" + suggestionsDigest(aud, suggestions)
	}
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
		if comments {
			d.Comments = reviewComments(aud, open, &d)
			d.Suggestions = reviewSuggestions(aud, suggestions, &d)
		}
		return docx.Render(w, d)
	})
	return out, err
}

// fieldTexts are the document's answers by section and field key, where comments and suggestions find
// their quoted passages.
func fieldTexts(d *document.Document) map[[2]string]string {
	texts := map[[2]string]string{}
	for _, sec := range d.Sections {
		for _, f := range sec.Fields {
			texts[[2]string{sec.Key, f.Key}] = f.Text
		}
	}
	return texts
}

// reviewComments turns a proposal's open comments into the document's: each thread a comment with its
// replies, authors named as this member may see them. A quote is found again in the document's text
// as the comment list finds it (the occurrence nearest where it was made, across changed spacing), so
// the Word comment covers the passage as it reads now. Deleted comments are left out, and a thread
// whose first comment was deleted with it.
func reviewComments(aud audience, comments []domain.Comment, d *document.Document) []document.Comment {
	texts := fieldTexts(d)
	var out []document.Comment
	threads := map[string]int{}
	for _, c := range comments { // oldest first, so a thread starts before its replies
		if c.Deleted {
			continue
		}
		author := authorName(aud, c)
		if c.ParentID != "" {
			if i, ok := threads[c.ParentID]; ok {
				out[i].Replies = append(out[i].Replies, document.Reply{Author: author, Text: c.Body, Date: c.CreatedAt})
			}
			continue
		}
		dc := document.Comment{Section: c.SectionKey, Field: c.FieldKey, Quote: c.Quote, QuoteAt: -1,
			Author: author, Text: c.Body, Date: c.CreatedAt}
		if text, ok := texts[[2]string{c.SectionKey, c.FieldKey}]; ok && c.Quote != "" && c.QuoteLang == d.Language {
			if a, found := locate(text, c.Quote, c.QuoteStart); found {
				from, to := byteOffset(text, a.Start), byteOffset(text, a.End)
				dc.Quote, dc.QuoteAt = text[from:to], from
			}
		}
		threads[c.ID] = len(out)
		out = append(out, dc)
	}
	return out
}

// byteOffset turns a position in characters, as anchors count, into one in bytes.
func byteOffset(s string, chars int) int {
	for i := range s {
		if chars == 0 {
			return i
		}
		chars--
	}
	return len(s)
}

func authorName(aud audience, c domain.Comment) string {
	if c.ImportedAuthor != "" { // written on another server: a name as text
		return c.ImportedAuthor
	}
	return personName(aud, c.Author)
}

// personName is a person's name as this viewer may see it (a hidden reviewer is "Reviewer" and a code),
// or their email when they gave no name.
func personName(aud audience, u domain.User) string {
	who := aud.person(u)
	if who.Name != "" {
		return who.Name
	}
	return who.Email
}

// reviewSuggestions turns a proposal's open suggestions into the document's, authors named as this member
// may see them. A suggestion on this document's language is placed where its passage stands now, found
// as the suggestion list finds it; one whose passage is gone is outdated, cannot be applied, and is left
// out, as the product no longer offers to accept it. One on the other language's text keeps no place
// (QuoteAt -1): the Word file shows it beside its question.
func reviewSuggestions(aud audience, suggestions []domain.Suggestion, d *document.Document) []document.Suggestion {
	texts := fieldTexts(d)
	var out []document.Suggestion
	for _, g := range suggestions { // oldest first: of two overlapping, the first is the tracked change
		ds := document.Suggestion{Section: g.SectionKey, Field: g.FieldKey, Quote: g.Quote, QuoteAt: -1,
			Replacement: g.Replacement, Comment: g.Comment, Author: personName(aud, g.Author), Date: g.CreatedAt}
		if g.Lang == d.Language {
			text := texts[[2]string{g.SectionKey, g.FieldKey}]
			a, found := locate(text, g.Quote, g.QuoteStart)
			if !found {
				continue
			}
			from, to := byteOffset(text, a.Start), byteOffset(text, a.End)
			ds.Quote, ds.QuoteAt = text[from:to], from
		}
		out = append(out, ds)
	}
	return out
}

// suggestionsDigest names the state of the open suggestions as this member sees them: which there are
// and the names shown. A suggestion is not edited, only decided, which closes it.
func suggestionsDigest(aud audience, open []domain.Suggestion) string {
	h := sha256.New()
	for _, g := range open {
		io.WriteString(h, g.ID+"|"+personName(aud, g.Author)+"\n")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// commentsDigest names the state of the open comments as this member sees them: which there are,
// their last change, and the names shown.
func commentsDigest(aud audience, open []domain.Comment) string {
	h := sha256.New()
	for _, c := range open {
		io.WriteString(h, c.ID+"|"+strconv.FormatInt(c.UpdatedAt.UnixNano(), 10)+"|"+strconv.FormatBool(c.Deleted)+"|"+authorName(aud, c)+"\n")
	}
	return hex.EncodeToString(h.Sum(nil))
}
