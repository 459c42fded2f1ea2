package service

import (
	"context"
	"fmt"

	"iduit/domain"
	"iduit/models"
)

// transition is one legal step of the review workflow and the roles that may take it.
type transition struct {
	from, to string
	roles    []domain.Role
}

// workflow is draft → in_review → changes_requested → in_review → approved → final; final → draft is the
// owner reopening a proposal.
var workflow = []transition{
	{domain.StatusDraft, domain.StatusInReview, []domain.Role{domain.RoleOwner, domain.RoleEditor}},
	{domain.StatusChangesRequested, domain.StatusInReview, []domain.Role{domain.RoleOwner, domain.RoleEditor}},
	{domain.StatusInReview, domain.StatusChangesRequested, []domain.Role{domain.RoleReviewer}},
	{domain.StatusInReview, domain.StatusApproved, []domain.Role{domain.RoleReviewer}},
	{domain.StatusApproved, domain.StatusFinal, []domain.Role{domain.RoleOwner}},
	{domain.StatusFinal, domain.StatusDraft, []domain.Role{domain.RoleOwner}},
}

// ChangeStatus moves a proposal along the workflow, taking a named snapshot of every section. Marking it
// final also requires the check for errors to pass.
func (s *Service) ChangeStatus(ctx context.Context, acc Access, proposalID, to, note string) (domain.Proposal, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return p, err
	}
	if pr := domain.CheckText("note", note, MaxCommentLength, true); pr != nil {
		return p, domain.Invalid("the note is not valid", *pr)
	}
	step, err := findTransition(p.Status, to, p.Role)
	if err != nil {
		return p, err
	}
	if step.to == domain.StatusFinal {
		if err := s.requireReady(ctx, acc, p.ID); err != nil {
			return p, err
		}
	}
	now := s.clock()
	snap := domain.Snapshot{ID: domain.NewID(), ProposalID: p.ID, Name: fmt.Sprintf("%s %s", to, now.Format("2006-01-02 15:04 UTC")),
		Status: to, Note: note, CreatedBy: acc.User.ID, CreatedAt: now}
	err = s.store.ChangeStatus(ctx, models.StatusChange{ProposalID: p.ID, From: p.Status, To: to, Snapshot: snap,
		Activity: s.activity(p, acc.User, domain.ActivityStatusChanged, to, note)})
	if err != nil {
		return p, err
	}
	p.Status, p.UpdatedAt = to, now
	return p, nil
}

func findTransition(from, to string, role domain.Role) (transition, error) {
	for _, t := range workflow {
		if t.from != from || t.to != to {
			continue
		}
		for _, r := range t.roles {
			if r == role {
				return t, nil
			}
		}
		return t, domain.Errorf(domain.KindForbidden, "your role (%s) cannot move a proposal from %s to %s", role, from, to)
	}
	return transition{}, domain.ErrBadTransition(from, to)
}

// requireReady refuses "final" while the check for errors finds any, listing them (422).
func (s *Service) requireReady(ctx context.Context, acc Access, proposalID string) error {
	report, err := s.Check(ctx, acc, proposalID)
	if err != nil || report.Ready {
		return err
	}
	e := domain.ErrNotReady(len(report.Errors))
	for _, is := range report.Errors {
		e.Problems = append(e.Problems, domain.Problem{Field: is.Section + "." + is.Field, Message: is.Message})
	}
	return e
}

// Snapshots lists the named snapshots taken at each transition.
func (s *Service) Snapshots(ctx context.Context, acc Access, proposalID string) ([]domain.Snapshot, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, err
	}
	snaps, err := s.store.Snapshots(ctx, proposalID)
	if err != nil {
		return nil, err
	}
	people, err := s.audienceOf(ctx, p)
	for i := range snaps {
		snaps[i].CreatedBy = people.personID(snaps[i].CreatedBy) // an approval names the reviewer
	}
	return snaps, err
}

// Snapshot returns one snapshot with every section.
func (s *Service) Snapshot(ctx context.Context, acc Access, proposalID, id string) (domain.Snapshot, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return domain.Snapshot{}, err
	}
	snap, err := s.store.Snapshot(ctx, proposalID, id)
	if err != nil {
		return domain.Snapshot{}, err
	}
	people, err := s.audienceOf(ctx, p)
	snap.CreatedBy = people.personID(snap.CreatedBy)
	return snap, err
}
