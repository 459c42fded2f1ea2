package service

import (
	"context"

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

// frameworkDocument is the performance framework as a versioned proposal document.
var frameworkDocument = documentKind[export.FrameworkBody]{kind: models.DocumentIndicators, activity: domain.ActivityIndicatorsSaved}

// Framework returns the performance framework and the gap table computed from it.
func (s *Service) Framework(ctx context.Context, acc Access, proposalID string) (Framework, []budget.Gap, domain.Document, error) {
	p, stored, doc, err := frameworkDocument.read(ctx, s, acc, proposalID)
	f := fromStoredFramework(stored)
	if err != nil || doc.Version == 0 {
		return f, []budget.Gap{}, doc, err
	}
	b, _, err := s.loadBudget(ctx, p)
	if err != nil {
		return f, nil, doc, err
	}
	gaps, err := s.budgets.SavedProgrammaticGaps(b.Budget.Years, f.Gaps)
	return f, gaps, doc, err
}

func (s *Service) loadFramework(ctx context.Context, proposalID string) (Framework, domain.Document, error) {
	stored, doc, err := frameworkDocument.load(ctx, s, proposalID)
	return fromStoredFramework(stored), doc, err
}

func fromStoredFramework(stored export.FrameworkBody) Framework {
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
	return f
}

// SaveFramework validates indicators and gap rows against the budget's grant years and saves them if the
// framework is still at the expected version. The budget's years must be saved first.
func (s *Service) SaveFramework(ctx context.Context, acc Access, proposalID string, expected int, f Framework) (domain.Document, error) {
	return frameworkDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (export.FrameworkBody, error) {
		b, doc, err := s.loadBudget(ctx, p)
		if err != nil {
			return export.FrameworkBody{}, err
		}
		if doc.Version == 0 {
			return export.FrameworkBody{}, domain.ErrBudgetFirst()
		}
		if err := s.validateFramework(b.Budget.Years, f); err != nil {
			return export.FrameworkBody{}, err
		}
		return toStoredFramework(f), nil
	})
}

func (s *Service) validateFramework(years []int, f Framework) error {
	if err := s.budgets.ValidateIndicators(years, f.Indicators); err != nil {
		return err
	}
	_, err := s.budgets.ProgrammaticGaps(years, f.Gaps)
	return err
}

// checkImportedFramework validates an exported framework against the exported budget's years.
func (s *Service) checkImportedFramework(_ domain.Proposal, parts importedParts) error {
	var years []int
	if part, ok := parts[models.DocumentBudget]; ok {
		stored, err := decodePart[export.BudgetBody](part)
		if err != nil {
			return err
		}
		years = stored.Years
	}
	stored, err := decodePart[export.FrameworkBody](parts[models.DocumentIndicators])
	if err != nil {
		return err
	}
	f := fromStoredFramework(stored)
	if err := s.budgets.ValidateIndicators(years, f.Indicators); err != nil {
		return err
	}
	_, err = s.budgets.SavedProgrammaticGaps(years, f.Gaps) // an export made before KP-5 became an outcome
	return err
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
