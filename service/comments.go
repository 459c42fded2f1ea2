package service

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"iduit/domain"
	"iduit/models"
)

// MaxCommentLength bounds a comment, in characters.
const MaxCommentLength = 10_000

// CommentInput is a new comment or reply. A reply names ParentID and takes its thread's section.
type CommentInput struct {
	Section, Field, Quote, QuoteLang, Body, ParentID string
	// QuoteStart is where the writer selected the quote; it picks among repeated phrases.
	QuoteStart *int
}

// CommentView is a comment as one member sees it: with its anchor found again in the current text and
// the author possibly hidden.
type CommentView struct {
	domain.Comment
	Anchor   *Anchor
	Outdated bool
}

// Comment creates a comment or a reply. Owners, editors and reviewers comment; viewers only read.
func (s *Service) Comment(ctx context.Context, acc Access, proposalID string, in CommentInput) (CommentView, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionComment)
	if err != nil {
		return CommentView{}, err
	}
	if err := writable(p); err != nil {
		return CommentView{}, err
	}
	c, err := s.newComment(ctx, p, acc.User, in)
	if err != nil {
		return CommentView{}, err
	}
	mentioned, err := s.mentionedMembers(ctx, p.ID, acc.User, c.Body)
	if err != nil {
		return CommentView{}, err
	}
	if err := s.store.CreateComment(ctx, c, mentioned, s.activity(p, acc.User, domain.ActivityCommentAdded, c.ID, c.SectionKey)); err != nil {
		return CommentView{}, err
	}
	c.AuthorRole = p.Role
	return s.viewComment(ctx, p, c)
}

// newComment validates the input against the template, the thread and the current text.
func (s *Service) newComment(ctx context.Context, p domain.Proposal, user domain.User, in CommentInput) (domain.Comment, error) {
	now := s.clock()
	c := domain.Comment{ID: domain.NewID(), ProposalID: p.ID, Body: in.Body, Author: user, Status: domain.CommentOpen, CreatedAt: now, UpdatedAt: now}
	if pr := checkCommentBody(in.Body); pr != nil {
		return c, domain.Invalid("the comment is not valid", *pr)
	}
	if in.ParentID != "" {
		parent, err := s.store.Comment(ctx, p.ID, in.ParentID)
		if domain.ErrorKind(err) == domain.KindNotFound || (err == nil && parent.ParentID != "") {
			return c, domain.Invalid("no such thread", domain.Problem{Field: "parent_id", Message: "must be a top-level comment of this proposal"})
		}
		if err != nil {
			return c, err
		}
		c.ParentID, c.SectionKey, c.Status = parent.ID, parent.SectionKey, parent.Status
		return c, nil
	}
	return c, s.anchorComment(ctx, p, &c, in)
}

// anchorComment places a top-level comment on its section, field and quote, checking each exists.
func (s *Service) anchorComment(ctx context.Context, p domain.Proposal, c *domain.Comment, in CommentInput) error {
	tpl, err := s.Template(p)
	if err != nil {
		return err
	}
	sec, ok := tpl.Section(in.Section)
	if !ok {
		return domain.Invalid("unknown section", *domain.NewProblem("section", domain.ProblemNotSectionOfTempl))
	}
	c.SectionKey, c.FieldKey = sec.Key, in.Field
	if in.Field == "" {
		if in.Quote != "" {
			return domain.Invalid("a quote needs its field", *domain.NewProblem("field", domain.ProblemQuoteNeedsField))
		}
		return nil
	}
	f, ok := sec.Field(in.Field)
	if !ok {
		return domain.Invalid("unknown field", domain.Problem{Field: "field", Message: "is not a field of section " + sec.Key})
	}
	if in.Quote == "" {
		return nil
	}
	if !f.Type.IsText() {
		return domain.Invalid("only text can be quoted", domain.Problem{Field: "quote", Message: "fits text fields only"})
	}
	return s.placeQuote(ctx, p, c, in)
}

func (s *Service) placeQuote(ctx context.Context, p domain.Proposal, c *domain.Comment, in CommentInput) error {
	lang := in.QuoteLang
	if lang == "" {
		lang = p.Language
	}
	if !slices.Contains(textLanguages(p), lang) {
		return domain.Invalid("bad quote language", domain.Problem{Field: "quote_lang", Message: "must be a language of this proposal"})
	}
	if pr := domain.CheckText("quote", in.Quote, MaxCommentLength, true); pr != nil {
		return domain.Invalid("the quote is not valid", *pr)
	}
	section, err := s.store.Section(ctx, p.ID, c.SectionKey)
	if err != nil {
		return err
	}
	hint := 0
	if in.QuoteStart != nil {
		hint = *in.QuoteStart
	}
	a, found := locate(textIn(section.Fields[c.FieldKey], p, lang), in.Quote, hint)
	if !found {
		return domain.Invalid("quote not found", *domain.NewProblem("quote", domain.ProblemQuoteNotFound))
	}
	c.Quote, c.QuoteLang, c.QuoteStart = in.Quote, lang, a.Start
	return nil
}

var mention = regexp.MustCompile(`(?:^|[\s(\[{«"'])@([^\s@]+@[^\s@]+)`)

// mentionedMembers finds @email mentions of the proposal's members (other than the author). Mentions of
// anyone else are ignored, which also keeps them from revealing who has an account.
func (s *Service) mentionedMembers(ctx context.Context, proposalID string, author domain.User, body string) ([]string, error) {
	matches := mention.FindAllStringSubmatch(body, -1)
	if len(matches) == 0 {
		return nil, nil
	}
	members, err := s.store.Members(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		email := domain.NormalizeEmail(strings.TrimRightFunc(m[1], isTrailingPunct))
		for _, mem := range members {
			if mem.User.Email == email && mem.User.ID != author.ID && !slices.Contains(out, mem.User.ID) {
				out = append(out, mem.User.ID)
			}
		}
	}
	return out, nil
}

func isTrailingPunct(r rune) bool { return strings.ContainsRune(".,;:!?)]}»\"'", r) }

// CommentFilter narrows a proposal's comments; an empty member does not narrow.
type CommentFilter struct {
	// Section is a section key.
	Section string
	// Status is domain.CommentOpen or domain.CommentResolved.
	Status string
}

// Comments lists a proposal's comments with anchors recomputed against the current text: two queries
// (comments, sections) whatever the number of comments.
func (s *Service) Comments(ctx context.Context, acc Access, proposalID string, f CommentFilter) ([]CommentView, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, err
	}
	if f.Status != "" && f.Status != domain.CommentOpen && f.Status != domain.CommentResolved {
		return nil, domain.Invalid("bad filter", domain.Problem{Field: "status", Message: "must be open or resolved"})
	}
	comments, err := s.store.Comments(ctx, proposalID, models.CommentFilter{Section: f.Section, Status: f.Status})
	if err != nil || len(comments) == 0 {
		return []CommentView{}, err
	}
	sections, err := s.store.Sections(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	fields := map[string]domain.Fields{}
	for _, sec := range sections {
		fields[sec.Key] = sec.Fields
	}
	people, err := s.audienceOf(ctx, p)
	if err != nil {
		return nil, err
	}
	out := make([]CommentView, len(comments))
	for i, c := range comments {
		out[i] = present(people, c, fields[c.SectionKey])
	}
	return out, nil
}

// viewComment presents one comment, loading its section's current text.
func (s *Service) viewComment(ctx context.Context, p domain.Proposal, c domain.Comment) (CommentView, error) {
	fields, people, err := s.anchorContext(ctx, p, c.SectionKey)
	if err != nil {
		return CommentView{}, err
	}
	return present(people, c, fields), nil
}

// anchorContext is what presenting one item anchored in a section's text (a comment, a suggestion) needs:
// the section's current fields, to find its passage again, and how this viewer may see people.
func (s *Service) anchorContext(ctx context.Context, p domain.Proposal, sectionKey string) (domain.Fields, audience, error) {
	section, err := s.store.Section(ctx, p.ID, sectionKey)
	if err != nil {
		return nil, audience{}, err
	}
	people, err := s.audienceOf(ctx, p)
	if err != nil {
		return nil, audience{}, err
	}
	return section.Fields, people, nil
}

// present finds the quote again and hides the author if the proposal asks for it.
func present(people audience, c domain.Comment, fields domain.Fields) CommentView {
	p := people.p
	v := CommentView{Comment: c}
	v.Author = people.person(c.Author)
	if c.ImportedAuthor != "" { // written on another server: a name as text, linked to no account here
		v.Author = domain.User{Name: c.ImportedAuthor}
	}
	v.ResolvedBy = people.personID(c.ResolvedBy)
	if c.Quote == "" {
		return v
	}
	if a, found := locate(textIn(fields[c.FieldKey], p, c.QuoteLang), c.Quote, c.QuoteStart); found {
		v.Anchor = &a
	} else {
		v.Outdated = true
	}
	return v
}

func checkCommentBody(body string) *domain.Problem {
	if strings.TrimSpace(body) == "" {
		return domain.NewProblem("body", domain.ProblemRequired)
	}
	return domain.CheckText("body", body, MaxCommentLength, true)
}

// EditComment replaces a comment's text; only its author may.
func (s *Service) EditComment(ctx context.Context, acc Access, proposalID, commentID, body string) (CommentView, error) {
	p, c, err := s.ownComment(ctx, acc, proposalID, commentID)
	if err != nil {
		return CommentView{}, err
	}
	if pr := checkCommentBody(body); pr != nil {
		return CommentView{}, domain.Invalid("the comment is not valid", *pr)
	}
	c.Body, c.UpdatedAt = body, s.clock()
	if err := s.store.UpdateCommentBody(ctx, p.ID, c.ID, body, c.UpdatedAt, s.activity(p, acc.User, domain.ActivityCommentEdited, c.ID, c.SectionKey)); err != nil {
		return CommentView{}, err
	}
	return s.viewComment(ctx, p, c)
}

// DeleteComment removes a comment; only its author may.
func (s *Service) DeleteComment(ctx context.Context, acc Access, proposalID, commentID string) error {
	p, c, err := s.ownComment(ctx, acc, proposalID, commentID)
	if err != nil {
		return err
	}
	return s.store.DeleteComment(ctx, p.ID, c.ID, s.clock(), s.activity(p, acc.User, domain.ActivityCommentDeleted, c.ID, c.SectionKey))
}

func (s *Service) ownComment(ctx context.Context, acc Access, proposalID, commentID string) (domain.Proposal, domain.Comment, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionComment)
	if err != nil {
		return p, domain.Comment{}, err
	}
	if err := writable(p); err != nil {
		return p, domain.Comment{}, err
	}
	c, err := s.store.Comment(ctx, proposalID, commentID)
	switch {
	case err != nil:
		return p, c, err
	case c.Deleted:
		return p, c, domain.Errorf(domain.KindNotFound, "comment not found")
	case c.Author.ID != acc.User.ID || c.ImportedAuthor != "": // an importer holds others' imported comments, not writes them
		return p, c, domain.ErrNotAuthor()
	}
	return p, c, nil
}

// SetThreadStatus resolves or reopens the thread a comment belongs to, replies included.
func (s *Service) SetThreadStatus(ctx context.Context, acc Access, proposalID, commentID, status string) (CommentView, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionComment)
	if err != nil {
		return CommentView{}, err
	}
	if err := writable(p); err != nil {
		return CommentView{}, err
	}
	c, err := s.store.Comment(ctx, proposalID, commentID)
	if err != nil {
		return CommentView{}, err
	}
	root := c.ID
	if c.ParentID != "" {
		root = c.ParentID
	}
	kind := domain.ActivityCommentResolved
	if status == domain.CommentOpen {
		kind = domain.ActivityCommentReopened
	}
	if err := s.store.SetThreadStatus(ctx, p.ID, root, status, acc.User.ID, s.clock(), s.activity(p, acc.User, kind, root, c.SectionKey)); err != nil {
		return CommentView{}, err
	}
	c, err = s.store.Comment(ctx, proposalID, commentID)
	if err != nil {
		return CommentView{}, err
	}
	return s.viewComment(ctx, p, c)
}
