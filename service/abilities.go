package service

import "iduit/domain"

// Abilities says what a member may do with a proposal right now, so that an interface shows only the
// buttons that would work. The use cases still check every action themselves.
type Abilities struct {
	EditText, Comment, EditProposal, ManageMembers, Delete bool
	// Statuses are the statuses this member may move the proposal to from its current one.
	Statuses []string
}

// Abilities reads the role table, the read-only rule for final proposals and the review workflow.
func (s *Service) Abilities(p domain.Proposal) Abilities {
	open := writable(p) == nil
	a := Abilities{
		EditText:      open && p.Role.Allows(domain.ActionEditText),
		Comment:       open && p.Role.Allows(domain.ActionComment),
		EditProposal:  open && p.Role.Allows(domain.ActionEditProposal),
		ManageMembers: p.Role.Allows(domain.ActionManageMembers),
		Delete:        p.Role.Allows(domain.ActionDelete),
	}
	for _, t := range workflow {
		if t.from != p.Status {
			continue
		}
		for _, r := range t.roles {
			if r == p.Role {
				a.Statuses = append(a.Statuses, t.to)
			}
		}
	}
	return a
}
