package service

import (
	"context"

	"iduit/domain"
)

// Section states on the guided path.
const (
	StateEmpty      = "empty"
	StateInProgress = "in_progress"
	StateComplete   = "complete"
)

// SectionProgress is how far one section has got.
type SectionProgress struct {
	Key            string
	Number         string
	State          string
	RequiredTotal  int
	RequiredFilled int
	FieldsTotal    int
	FieldsFilled   int
}

// Progress walks a writer through the proposal: each section's state and the next one to work on.
type Progress struct {
	Sections []SectionProgress
	Counts   map[string]int
	// NextSection is the first section in template order that is not complete; empty when all are.
	NextSection string
}

// Progress reports each section as empty, in progress or complete. Complete means the check for errors
// finds nothing in it: required fields filled, required items ticked, hard limits kept.
func (s *Service) Progress(ctx context.Context, acc Access, proposalID string) (Progress, error) {
	_, checks, _, err := s.checkSections(ctx, acc, proposalID)
	if err != nil {
		return Progress{}, err
	}
	return progressOf(checks), nil
}

// ProgressOfList gives the progress of proposals already listed for the user (Proposals checked their
// membership), reading the sections of all of them in one query rather than one per row.
func (s *Service) ProgressOfList(ctx context.Context, proposals []domain.Proposal) (map[string]Progress, error) {
	ids := make([]string, len(proposals))
	for i, p := range proposals {
		ids[i] = p.ID
	}
	sections, err := s.store.SectionsOfProposals(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Progress, len(proposals))
	for _, p := range proposals {
		tpl, err := s.Template(p)
		if err != nil {
			return nil, err
		}
		checks, _ := checkAll(p, tpl, sections[p.ID])
		out[p.ID] = progressOf(checks)
	}
	return out, nil
}

func progressOf(checks []sectionCheck) Progress {
	out := Progress{Counts: map[string]int{StateEmpty: 0, StateInProgress: 0, StateComplete: 0}}
	for _, c := range checks {
		sp := SectionProgress{
			Key: c.section.Key, Number: c.section.Number, RequiredTotal: c.requiredTotal, RequiredFilled: c.requiredFilled,
			FieldsTotal: len(c.section.Fields), FieldsFilled: c.fieldsFilled,
		}
		switch {
		case c.fieldsFilled == 0:
			sp.State = StateEmpty
		case len(c.errors) == 0:
			sp.State = StateComplete
		default:
			sp.State = StateInProgress
		}
		out.Counts[sp.State]++
		if sp.State != StateComplete && out.NextSection == "" {
			out.NextSection = sp.Key
		}
		out.Sections = append(out.Sections, sp)
	}
	return out
}
