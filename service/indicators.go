package service

import (
	"context"
	"encoding/json"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// Framework is a proposal's performance framework: the chosen indicators with baselines and targets, and
// the programmatic gap table for the key coverage indicators.
type Framework struct {
	Indicators []budget.IndicatorEntry
	Gaps       []budget.GapRow
}

// Framework returns the performance framework and the gap table computed from it.
func (s *Service) Framework(ctx context.Context, user domain.User, proposalID string) (Framework, []budget.Gap, domain.Document, error) {
	if _, err := s.Proposal(ctx, user, proposalID, domain.ActionRead); err != nil {
		return Framework{}, nil, domain.Document{}, err
	}
	f, doc, err := s.loadFramework(ctx, proposalID)
	if err != nil || doc.Version == 0 {
		return f, []budget.Gap{}, doc, err
	}
	b, _, err := s.loadBudget(ctx, proposalID)
	if err != nil {
		return f, nil, doc, err
	}
	gaps, err := s.budgets.SavedProgrammaticGaps(b.Budget.Years, f.Gaps)
	return f, gaps, doc, err
}

func (s *Service) loadFramework(ctx context.Context, proposalID string) (Framework, domain.Document, error) {
	doc, err := s.store.Document(ctx, proposalID, models.DocumentIndicators)
	if err != nil || doc.Version == 0 {
		return Framework{Indicators: []budget.IndicatorEntry{}, Gaps: []budget.GapRow{}}, doc, err
	}
	var stored export.FrameworkBody
	if err := json.Unmarshal(doc.Body, &stored); err != nil {
		return Framework{}, doc, err
	}
	f := Framework{Indicators: make([]budget.IndicatorEntry, len(stored.Indicators)), Gaps: make([]budget.GapRow, len(stored.Gaps))}
	for i, in := range stored.Indicators {
		f.Indicators[i] = budget.IndicatorEntry{Code: in.Code, Baseline: budget.Baseline(in.Baseline), Targets: make([]budget.Target, len(in.Targets))}
		for j, t := range in.Targets {
			f.Indicators[i].Targets[j] = budget.Target(t)
		}
	}
	for i, g := range stored.Gaps {
		f.Gaps[i] = budget.GapRow(g)
	}
	return f, doc, nil
}

// SaveFramework validates indicators and gap rows against the budget's grant years and saves them if the
// framework is still at the expected version. The budget's years must be saved first.
func (s *Service) SaveFramework(ctx context.Context, user domain.User, proposalID string, expected int, f Framework) (domain.Document, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionEditText)
	if err != nil {
		return domain.Document{}, err
	}
	if err := writable(p); err != nil {
		return domain.Document{}, err
	}
	b, doc, err := s.loadBudget(ctx, proposalID)
	if err != nil {
		return domain.Document{}, err
	}
	if doc.Version == 0 {
		return domain.Document{}, domain.ErrBudgetFirst()
	}
	if err := s.budgets.ValidateIndicators(b.Budget.Years, f.Indicators); err != nil {
		return domain.Document{}, err
	}
	if _, err := s.budgets.ProgrammaticGaps(b.Budget.Years, f.Gaps); err != nil {
		return domain.Document{}, err
	}
	body, err := json.Marshal(toStoredFramework(f))
	if err != nil {
		return domain.Document{}, err
	}
	return s.store.SaveDocument(ctx, models.DocumentSave{ProposalID: p.ID, Kind: models.DocumentIndicators, ExpectedVersion: expected,
		Body: body, UserID: user.ID, Now: s.clock(), Activity: s.activity(p, user, domain.ActivityIndicatorsSaved, models.DocumentIndicators, "")})
}

func toStoredFramework(f Framework) export.FrameworkBody {
	out := export.FrameworkBody{Indicators: make([]export.Indicator, len(f.Indicators)), Gaps: make([]export.GapRow, len(f.Gaps))}
	for i, in := range f.Indicators {
		out.Indicators[i] = export.Indicator{Code: in.Code, Baseline: export.Baseline(in.Baseline), Targets: make([]export.Target, len(in.Targets))}
		for j, t := range in.Targets {
			out.Indicators[i].Targets[j] = export.Target(t)
		}
	}
	for i, g := range f.Gaps {
		out.Gaps[i] = export.GapRow(g)
	}
	return out
}
