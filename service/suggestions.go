package service

import (
	"context"
	"encoding/json"
	"slices"

	"iduit/domain"
	"iduit/models"
	"iduit/templates"
)

// SuggestionInput is new wording proposed for a quoted passage of one text field in one language.
type SuggestionInput struct {
	Section, Field, Lang, Quote, Replacement, Comment string
	// QuoteStart is where the writer selected the quote; it picks among repeated phrases.
	QuoteStart *int
}

// SuggestionView is a suggestion as one member sees it: its passage found again in the current text, the
// status "outdated" when an open suggestion's passage is gone, and the people possibly hidden.
type SuggestionView struct {
	domain.Suggestion
	Anchor *Anchor
}

// Suggest stores a suggestion. Whoever may comment may suggest (owners, editors, reviewers); viewers
// only read.
func (s *Service) Suggest(ctx context.Context, acc Access, proposalID string, in SuggestionInput) (SuggestionView, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionComment)
	if err != nil {
		return SuggestionView{}, err
	}
	if err := writable(p); err != nil {
		return SuggestionView{}, err
	}
	now := s.clock()
	g := domain.Suggestion{ID: domain.NewID(), ProposalID: p.ID, Replacement: in.Replacement, Comment: in.Comment,
		Author: acc.User, Status: domain.SuggestionOpen, CreatedAt: now}
	if err := s.anchorSuggestion(ctx, p, &g, in); err != nil {
		return SuggestionView{}, err
	}
	if err := s.store.CreateSuggestion(ctx, g, s.activity(p, acc.User, domain.ActivitySuggestionAdded, g.ID, g.SectionKey)); err != nil {
		return SuggestionView{}, err
	}
	return s.viewSuggestion(ctx, p, g)
}

// anchorSuggestion checks the section, field, language, texts and quote, the way a quoted comment is
// checked (anchorComment), and places the suggestion on the quote.
func (s *Service) anchorSuggestion(ctx context.Context, p domain.Proposal, g *domain.Suggestion, in SuggestionInput) error {
	if in.Field == "" {
		return domain.Invalid("a suggestion needs its field", domain.Problem{Field: "field", Message: "is required"})
	}
	if in.Quote == "" {
		return domain.Invalid("a suggestion needs its quote", domain.Problem{Field: "quote", Message: "is required"})
	}
	if in.Replacement == in.Quote {
		return domain.Invalid("nothing would change", domain.Problem{Field: "replacement", Message: "must differ from the quote"})
	}
	if pr := domain.CheckText("replacement", in.Replacement, domain.MaxLongTextLength, true); pr != nil {
		return domain.Invalid("the replacement is not valid", *pr)
	}
	if pr := domain.CheckText("comment", in.Comment, MaxCommentLength, true); pr != nil {
		return domain.Invalid("the comment is not valid", *pr)
	}
	c := domain.Comment{}
	err := s.anchorComment(ctx, p, &c, CommentInput{Section: in.Section, Field: in.Field, Quote: in.Quote, QuoteLang: in.Lang, QuoteStart: in.QuoteStart})
	if err != nil {
		return err
	}
	g.SectionKey, g.FieldKey, g.Quote, g.Lang, g.QuoteStart = c.SectionKey, c.FieldKey, c.Quote, c.QuoteLang, c.QuoteStart
	return s.checkReplacementFits(p, g)
}

// checkReplacementFits refuses now a replacement the save would refuse on accepting: a line break in a
// one-line field.
func (s *Service) checkReplacementFits(p domain.Proposal, g *domain.Suggestion) error {
	tpl, err := s.Template(p)
	if err != nil {
		return err
	}
	sec, _ := tpl.Section(g.SectionKey)
	if f, ok := sec.Field(g.FieldKey); ok && f.Type == templates.TypeText {
		if pr := domain.CheckText("replacement", g.Replacement, maxShortText, false); pr != nil {
			return domain.Invalid("the replacement is not valid", *pr)
		}
	}
	return nil
}

// Suggestions lists a proposal's suggestions, optionally of one section and one status, each found again
// in the current text: two queries (suggestions, sections) whatever their number.
func (s *Service) Suggestions(ctx context.Context, acc Access, proposalID, section, status string) ([]SuggestionView, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, err
	}
	statuses := []string{domain.SuggestionOpen, domain.SuggestionAccepted, domain.SuggestionRejected, domain.SuggestionWithdrawn, domain.SuggestionOutdated}
	if status != "" && !slices.Contains(statuses, status) {
		return nil, domain.Invalid("bad filter", domain.Problem{Field: "status", Message: "must be open, accepted, rejected, withdrawn or outdated"})
	}
	stored := status
	if status == domain.SuggestionOutdated {
		stored = domain.SuggestionOpen // outdated is an open suggestion whose passage is gone
	}
	items, err := s.store.Suggestions(ctx, proposalID, section, stored)
	if err != nil || len(items) == 0 {
		return []SuggestionView{}, err
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
	out := []SuggestionView{}
	for _, g := range items {
		v := presentSuggestion(people, g, fields[g.SectionKey])
		if status == "" || v.Status == status {
			out = append(out, v)
		}
	}
	return out, nil
}

func (s *Service) viewSuggestion(ctx context.Context, p domain.Proposal, g domain.Suggestion) (SuggestionView, error) {
	fields, people, err := s.anchorContext(ctx, p, g.SectionKey)
	if err != nil {
		return SuggestionView{}, err
	}
	return presentSuggestion(people, g, fields), nil
}

// presentSuggestion finds an open suggestion's passage again and hides people the viewer may not see.
func presentSuggestion(people audience, g domain.Suggestion, fields domain.Fields) SuggestionView {
	v := SuggestionView{Suggestion: g}
	v.Author = people.person(g.Author)
	v.DecidedBy = people.personID(g.DecidedBy)
	if g.Status != domain.SuggestionOpen {
		return v
	}
	if a, found := locate(textIn(fields[g.FieldKey], people.p, g.Lang), g.Quote, g.QuoteStart); found {
		v.Anchor = &a
	} else {
		v.Status = domain.SuggestionOutdated
	}
	return v
}

// AcceptSuggestion applies a suggestion: its passage is replaced in one new revision through the one
// section save (SaveSection), so the template's checks, the translation flags and the version guard
// all hold. expected is the section version the acceptor saw (If-Match). If the section moved since but
// the passage is still there, the suggestion applies to the current text; if the passage is gone the
// answer is 412 when the section moved (reload and look again) and 409 when it did not (the suggestion
// is outdated).
func (s *Service) AcceptSuggestion(ctx context.Context, acc Access, proposalID, id string, expected int) (SuggestionView, domain.Section, error) {
	p, g, err := s.openSuggestion(ctx, acc, proposalID, id, domain.ActionEditText)
	if err != nil {
		return SuggestionView{}, domain.Section{}, err
	}
	section, err := s.store.Section(ctx, p.ID, g.SectionKey)
	if err != nil {
		return SuggestionView{}, domain.Section{}, err
	}
	raw := section.Fields[g.FieldKey]
	text := textIn(raw, p, g.Lang)
	a, found := locate(text, g.Quote, g.QuoteStart)
	switch {
	case !found && section.Version != expected:
		return SuggestionView{}, domain.Section{}, domain.ErrStaleVersion("section", section.Version, expected)
	case !found:
		return SuggestionView{}, domain.Section{}, domain.ErrSuggestionOutdated()
	}
	fields := domain.Fields{}
	for k, v := range section.Fields {
		fields[k] = v
	}
	fields[g.FieldKey] = replaceText(raw, p, g.Lang, spliceRunes(text, a, g.Replacement))
	saved, err := s.SaveSection(ctx, acc, SaveSectionInput{ProposalID: p.ID, Key: g.SectionKey, ExpectedVersion: section.Version, Fields: fields, Accepting: &g})
	if err != nil {
		return SuggestionView{}, domain.Section{}, err
	}
	now := s.clock()
	g.Status, g.DecidedBy, g.DecidedAt, g.Revision = domain.SuggestionAccepted, acc.User.ID, &now, saved.Version
	v, err := s.viewSuggestion(ctx, p, g)
	return v, saved, err
}

// acceptance is the decision an accepting save records, and its activity entry: the acceptor is its
// actor and the suggester its subject, so the log names both.
func (s *Service) acceptance(p domain.Proposal, user domain.User, g *domain.Suggestion) (*models.SuggestionDecision, *domain.Activity) {
	d := &models.SuggestionDecision{ProposalID: p.ID, SuggestionID: g.ID, Status: domain.SuggestionAccepted, UserID: user.ID,
		Now: s.clock(), NotificationKind: domain.NotificationSuggestionAccepted}
	if g.Author.ID != user.ID {
		d.Notify = g.Author.ID
	}
	return d, s.activity(p, user, domain.ActivitySuggestionAccepted, g.Author.ID, g.SectionKey)
}

// RejectSuggestion closes a suggestion without changing the text; owners and editors may.
func (s *Service) RejectSuggestion(ctx context.Context, acc Access, proposalID, id string) (SuggestionView, error) {
	return s.closeSuggestion(ctx, acc, proposalID, id, domain.ActionEditText, domain.SuggestionRejected, domain.ActivitySuggestionRejected)
}

// WithdrawSuggestion closes a suggestion at its author's wish.
func (s *Service) WithdrawSuggestion(ctx context.Context, acc Access, proposalID, id string) (SuggestionView, error) {
	return s.closeSuggestion(ctx, acc, proposalID, id, domain.ActionComment, domain.SuggestionWithdrawn, domain.ActivitySuggestionWithdrawn)
}

func (s *Service) closeSuggestion(ctx context.Context, acc Access, proposalID, id string, action domain.Action, status, kind string) (SuggestionView, error) {
	user := acc.User
	p, g, err := s.openSuggestion(ctx, acc, proposalID, id, action)
	if err != nil {
		return SuggestionView{}, err
	}
	if status == domain.SuggestionWithdrawn && g.Author.ID != user.ID {
		return SuggestionView{}, domain.ErrNotSuggester()
	}
	now := s.clock()
	d := models.SuggestionDecision{ProposalID: p.ID, SuggestionID: g.ID, Status: status, UserID: user.ID, Now: now,
		NotificationKind: domain.NotificationSuggestionRejected}
	if status == domain.SuggestionRejected && g.Author.ID != user.ID {
		d.Notify = g.Author.ID
	}
	if err := s.store.DecideSuggestion(ctx, d, s.activity(p, user, kind, g.ID, g.SectionKey)); err != nil {
		return SuggestionView{}, err
	}
	g.Status, g.DecidedBy, g.DecidedAt = status, user.ID, &now
	return s.viewSuggestion(ctx, p, g)
}

// openSuggestion checks access and that the suggestion is still open.
func (s *Service) openSuggestion(ctx context.Context, acc Access, proposalID, id string, action domain.Action) (domain.Proposal, domain.Suggestion, error) {
	p, err := s.Proposal(ctx, acc, proposalID, action)
	if err != nil {
		return p, domain.Suggestion{}, err
	}
	if err := writable(p); err != nil {
		return p, domain.Suggestion{}, err
	}
	g, err := s.store.Suggestion(ctx, proposalID, id)
	if err != nil {
		return p, g, err
	}
	if g.Status != domain.SuggestionOpen {
		return p, g, domain.ErrSuggestionClosed()
	}
	return p, g, nil
}

// spliceRunes replaces the characters a covers in text.
func spliceRunes(text string, a Anchor, replacement string) string {
	r := []rune(text)
	return string(r[:a.Start]) + replacement + string(r[a.End:])
}

// replaceText is raw, a stored text value, with one language's text replaced.
func replaceText(raw json.RawMessage, p domain.Proposal, lang, text string) json.RawMessage {
	if !p.Bilingual {
		out, _ := json.Marshal(text)
		return out
	}
	v := readText(raw, p)
	v.Set(lang, text)
	out, _ := json.Marshal(v)
	return out
}
