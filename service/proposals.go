package service

import (
	"context"
	"slices"

	"iduit/domain"
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
}

// CreateProposal starts a proposal from the newest version of a template, pinning that version.
func (s *Service) CreateProposal(ctx context.Context, user domain.User, in ProposalInput) (domain.Proposal, error) {
	tpl, ok := s.templates.Latest(in.Template)
	problems := checkProposalInput(in, true)
	if !ok {
		problems = append(problems, domain.Problem{Field: "template", Message: "is not a known template key"})
	}
	if len(problems) > 0 {
		return domain.Proposal{}, domain.Invalid("the proposal is not valid", problems...)
	}
	now := s.clock()
	p := domain.Proposal{
		ID: newID(), TemplateKey: tpl.Key, TemplateVersion: tpl.Version, Title: *in.Title, Language: *in.Language,
		Country: *in.Country, Network: deref(in.Network), Status: domain.ProposalStatusDraft,
		CreatedBy: user.ID, CreatedAt: now, UpdatedAt: now, Role: domain.RoleOwner,
	}
	if err := s.store.CreateProposal(ctx, p, tpl.SectionKeys()); err != nil {
		return domain.Proposal{}, err
	}
	return p, nil
}

func checkProposalInput(in ProposalInput, creating bool) []domain.Problem {
	var ps []*domain.Problem
	required := func(field string, v *string, max int) {
		switch {
		case v == nil && creating:
			ps = append(ps, &domain.Problem{Field: field, Message: "is required"})
		case v != nil:
			ps = append(ps, domain.CheckRequiredText(field, *v, max))
		}
	}
	required("title", in.Title, domain.MaxTitleLength)
	required("country", in.Country, domain.MaxNameLength)
	required("language", in.Language, 2)
	if in.Language != nil && !slices.Contains(proposalLanguages, *in.Language) {
		ps = append(ps, &domain.Problem{Field: "language", Message: "must be en or ru"})
	}
	if in.Network != nil {
		ps = append(ps, domain.CheckText("network", *in.Network, domain.MaxNameLength, false))
	}
	return domain.Problems(ps...)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Proposal loads a proposal the user is a member of and checks the action against their role. A
// non-member gets not found, never forbidden, so that the existence of a proposal is not revealed.
func (s *Service) Proposal(ctx context.Context, user domain.User, id string, action domain.Action) (domain.Proposal, error) {
	p, err := s.store.ProposalForMember(ctx, id, user.ID)
	if err != nil {
		return domain.Proposal{}, err
	}
	if !p.Role.Allows(action) {
		return domain.Proposal{}, domain.Errorf(domain.KindForbidden, "your role on this proposal (%s) does not allow this", p.Role)
	}
	return p, nil
}

// Proposals lists the proposals the user is a member of.
func (s *Service) Proposals(ctx context.Context, user domain.User, page domain.Page) ([]domain.Proposal, int64, error) {
	return s.store.ProposalsForMember(ctx, user.ID, page.Normalize())
}

// UpdateProposal changes a proposal's title, language, country or network.
func (s *Service) UpdateProposal(ctx context.Context, user domain.User, id string, in ProposalInput) (domain.Proposal, error) {
	p, err := s.Proposal(ctx, user, id, domain.ActionEditProposal)
	if err != nil {
		return domain.Proposal{}, err
	}
	if problems := checkProposalInput(in, false); len(problems) > 0 {
		return domain.Proposal{}, domain.Invalid("the proposal is not valid", problems...)
	}
	for dst, src := range map[*string]*string{&p.Title: in.Title, &p.Language: in.Language, &p.Country: in.Country, &p.Network: in.Network} {
		if src != nil {
			*dst = *src
		}
	}
	p.UpdatedAt = s.clock()
	return p, s.store.UpdateProposal(ctx, p)
}

// DeleteProposal removes a proposal and everything in it; only an owner may.
func (s *Service) DeleteProposal(ctx context.Context, user domain.User, id string) error {
	if _, err := s.Proposal(ctx, user, id, domain.ActionDelete); err != nil {
		return err
	}
	return s.store.DeleteProposal(ctx, id)
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
func (s *Service) OpenProposal(ctx context.Context, user domain.User, id string) (domain.Proposal, []domain.Section, error) {
	p, err := s.Proposal(ctx, user, id, domain.ActionRead)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
	tpl, err := s.Template(p)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
	stored, err := s.store.Sections(ctx, id)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
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
	return p, out, nil
}
