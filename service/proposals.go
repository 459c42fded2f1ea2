package service

import (
	"context"
	"slices"
	"strings"

	"iduit/domain"
	"iduit/models"
	"iduit/templates"
)

// Languages a proposal can be written in.
var proposalLanguages = []string{"en", "ru"}

// ProposalInput is what a user sets on a proposal. Nil pointers leave a value unchanged on update.
type ProposalInput struct {
	Template string
	Title    *string
	Language *string
	Country  *string
	Network  *string
	// TitleTranslation, CountryTranslation and NetworkTranslation are the texts in the other language of
	// a bilingual proposal.
	TitleTranslation   *string
	CountryTranslation *string
	NetworkTranslation *string
	Bilingual          *bool
	SubmissionLanguage *string
	// HideReviewerNames may be set by an owner only.
	HideReviewerNames *bool
}

// CreateProposal starts a proposal from the newest version of a template, pinning that version; without
// a template key it starts from the default one.
func (s *Service) CreateProposal(ctx context.Context, user domain.User, in ProposalInput) (domain.Proposal, error) {
	now := s.clock()
	p := domain.Proposal{ID: domain.NewID(), Status: domain.StatusDraft, CreatedBy: user.ID, CreatedAt: now, UpdatedAt: now, Role: domain.RoleOwner}
	applyProposalInput(&p, in)
	problems := append(checkProposal(p), checkTranslationsSent(p, in)...)
	key := in.Template
	if key == "" {
		key = templates.DefaultKey // the current funding request; a retired form is only ever chosen by name
	}
	tpl, ok := s.templates.Latest(key)
	if !ok {
		problems = append(problems, domain.Problem{Field: "template", Message: "is not a known template key"})
	}
	if len(problems) > 0 {
		return domain.Proposal{}, domain.Invalid("the proposal is not valid", problems...)
	}
	p.TemplateKey, p.TemplateVersion = tpl.Key, tpl.Version
	if err := s.store.CreateProposal(ctx, p, tpl.SectionKeys()); err != nil {
		return domain.Proposal{}, err
	}
	return p, nil
}

// applyProposalInput copies the given values onto p. A monolingual proposal is submitted in its own
// language; a bilingual one defaults to an English submission, the usual case for EECA networks. When a
// bilingual proposal's working language changes, its title, country and network trade places with their
// translations first, so each text stays with its language (the values sent then apply as sent).
func applyProposalInput(p *domain.Proposal, in ProposalInput) {
	if in.Language != nil && *in.Language != p.Language && p.Bilingual {
		working := p.Texts(p.Language)
		p.Title, p.Country, p.Network = p.Translation.Title, p.Translation.Country, p.Translation.Network
		p.Translation = working
	}
	for dst, src := range map[*string]*string{&p.Title: in.Title, &p.Language: in.Language, &p.Country: in.Country,
		&p.Network: in.Network, &p.SubmissionLanguage: in.SubmissionLanguage, &p.Translation.Title: in.TitleTranslation,
		&p.Translation.Country: in.CountryTranslation, &p.Translation.Network: in.NetworkTranslation} {
		if src != nil {
			*dst = *src
		}
	}
	if in.Bilingual != nil {
		p.Bilingual = *in.Bilingual
	}
	if in.HideReviewerNames != nil {
		p.HideReviewerNames = *in.HideReviewerNames
	}
	switch {
	case !p.Bilingual:
		p.SubmissionLanguage = p.Language
	case p.SubmissionLanguage == "":
		p.SubmissionLanguage = "en"
	}
}

func checkProposal(p domain.Proposal) []domain.Problem {
	ps := []*domain.Problem{
		domain.CheckRequiredText("title", p.Title, domain.MaxTitleLength),
		domain.CheckRequiredText("country", p.Country, domain.MaxNameLength),
		domain.CheckText("network", p.Network, domain.MaxNameLength, false),
		domain.CheckText("title_translation", p.Translation.Title, domain.MaxTitleLength, false),
		domain.CheckText("country_translation", p.Translation.Country, domain.MaxNameLength, false),
		domain.CheckText("network_translation", p.Translation.Network, domain.MaxNameLength, false),
	}
	for field, lang := range map[string]string{"language": p.Language, "submission_language": p.SubmissionLanguage} {
		if !slices.Contains(proposalLanguages, lang) {
			ps = append(ps, &domain.Problem{Field: field, Message: "must be en or ru"})
		}
	}
	return domain.Problems(ps...)
}

// checkTranslationsSent refuses a translation sent for a proposal in one language, where nothing would
// ever show it. (A translation kept from when the proposal was bilingual stays, unseen, for its return.)
func checkTranslationsSent(p domain.Proposal, in ProposalInput) []domain.Problem {
	if p.Bilingual {
		return nil
	}
	var out []domain.Problem
	for _, sent := range []struct {
		field string
		value *string
	}{{"title_translation", in.TitleTranslation}, {"country_translation", in.CountryTranslation}, {"network_translation", in.NetworkTranslation}} {
		if sent.value != nil && strings.TrimSpace(*sent.value) != "" {
			out = append(out, domain.Problem{Field: sent.field, Message: "is kept only for a bilingual proposal"})
		}
	}
	return out
}

// Proposal loads a proposal the caller is a member of and checks the action against their role. A
// non-member gets not found, never forbidden, so that the existence of a proposal is not revealed. The
// request's first check takes the proposal authentication read (see Access); any other asks the database.
func (s *Service) Proposal(ctx context.Context, acc Access, id string, action domain.Action) (domain.Proposal, error) {
	var p domain.Proposal
	if pre := acc.take(id); pre != nil {
		p = pre.proposal
	} else {
		var err error
		if p, err = s.store.ProposalForMember(ctx, id, acc.User.ID); err != nil {
			return domain.Proposal{}, err
		}
	}
	if !p.Role.Allows(action) {
		return domain.Proposal{}, domain.ErrRoleForbids(p.Role)
	}
	return p, nil
}

// Proposals lists the proposals the user is a member of.
func (s *Service) Proposals(ctx context.Context, user domain.User, page domain.Page) ([]domain.Proposal, int64, error) {
	return s.store.ProposalsForMember(ctx, user.ID, page.Normalize())
}

// UpdateProposal changes a proposal's title, languages, country, network or (owners) whether reviewers
// are named, if it is still at the version the caller read. Only the attributes that change are written.
func (s *Service) UpdateProposal(ctx context.Context, acc Access, id string, expectedVersion int, in ProposalInput) (domain.Proposal, error) {
	p, err := s.Proposal(ctx, acc, id, domain.ActionEditProposal)
	if err != nil {
		return domain.Proposal{}, err
	}
	if err := writable(p); err != nil {
		return domain.Proposal{}, err
	}
	if in.HideReviewerNames != nil && p.Role != domain.RoleOwner {
		return domain.Proposal{}, domain.Errorf(domain.KindForbidden, "only an owner decides whether reviewers are named")
	}
	if p.Version != expectedVersion {
		return domain.Proposal{}, domain.ErrStaleVersion("proposal", p.Version, expectedVersion)
	}
	before := p
	applyProposalInput(&p, in)
	if problems := append(checkProposal(p), checkTranslationsSent(p, in)...); len(problems) > 0 {
		return domain.Proposal{}, domain.Invalid("the proposal is not valid", problems...)
	}
	p.UpdatedAt = s.clock()
	change := models.ProposalChange{ID: p.ID, ExpectedVersion: expectedVersion, Changes: changedAttributes(before, p), Now: p.UpdatedAt}
	p.Version, err = s.store.UpdateProposal(ctx, change, s.activity(p, acc.User, domain.ActivityProposalUpdated, p.ID, p.Title))
	return p, err
}

// changedAttributes lists the columns whose values differ between two copies of a proposal.
func changedAttributes(before, after domain.Proposal) map[string]any {
	out := map[string]any{}
	for column, pair := range map[string][2]any{
		"title": {before.Title, after.Title}, "language": {before.Language, after.Language}, "country": {before.Country, after.Country},
		"network": {before.Network, after.Network}, "bilingual": {before.Bilingual, after.Bilingual},
		"title_translation":   {before.Translation.Title, after.Translation.Title},
		"country_translation": {before.Translation.Country, after.Translation.Country},
		"network_translation": {before.Translation.Network, after.Translation.Network},
		"submission_language": {before.SubmissionLanguage, after.SubmissionLanguage},
		"hide_reviewer_names": {before.HideReviewerNames, after.HideReviewerNames},
	} {
		if pair[0] != pair[1] {
			out[column] = pair[1]
		}
	}
	return out
}

// DeleteProposal removes a proposal and everything in it; only an owner may.
func (s *Service) DeleteProposal(ctx context.Context, acc Access, id string) error {
	if _, err := s.Proposal(ctx, acc, id, domain.ActionDelete); err != nil {
		return err
	}
	// Evidence files can hold personal data: the bytes go with the proposal unless another proposal
	// holds the same file.
	files, err := s.store.ProposalBlobs(ctx, id)
	if err != nil {
		return err
	}
	if err := s.store.DeleteProposal(ctx, id); err != nil {
		return err
	}
	return s.store.DeleteUnusedBlobs(ctx, files)
}

// Template returns the template version a proposal pinned.
func (s *Service) Template(p domain.Proposal) (*templates.Template, error) {
	tpl, ok := s.templates.Get(p.TemplateKey, p.TemplateVersion)
	if !ok {
		return nil, domain.Errorf(domain.KindInternal, "template %s v%d is no longer shipped", p.TemplateKey, p.TemplateVersion)
	}
	return tpl, nil
}

// OpenProposal loads a proposal and the state of all its sections in template order: a fixed number of
// queries whatever the proposal's size.
func (s *Service) OpenProposal(ctx context.Context, acc Access, id string) (domain.Proposal, []domain.Section, error) {
	p, err := s.Proposal(ctx, acc, id, domain.ActionRead)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
	sections, err := s.orderedSections(ctx, p)
	return p, sections, err
}

// orderedSections returns a proposal's sections in the order of its template, in one query.
func (s *Service) orderedSections(ctx context.Context, p domain.Proposal) ([]domain.Section, error) {
	tpl, err := s.Template(p)
	if err != nil {
		return nil, err
	}
	stored, err := s.store.Sections(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	return inTemplateOrder(tpl, stored), nil
}

// inTemplateOrder puts stored sections in the order of their template, leaving out any it no longer has.
func inTemplateOrder(tpl *templates.Template, stored []domain.Section) []domain.Section {
	byKey := make(map[string]domain.Section, len(stored))
	for _, sec := range stored {
		byKey[sec.Key] = sec
	}
	out := make([]domain.Section, 0, len(tpl.Sections))
	for _, ts := range tpl.Sections {
		if sec, ok := byKey[ts.Key]; ok {
			out = append(out, sec)
		}
	}
	return out
}
