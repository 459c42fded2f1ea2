package service

import (
	"context"

	"iduit/budget"
	"iduit/domain"
)

// RequestTotals are the numbers of a funding request that are computed, never typed: from the budget
// (the allocation request), the intervention records' PAAR amounts and the settings' allocation. No
// template field asks for them, so they cannot disagree with the budget.
type RequestTotals struct {
	// Currency is the settings' currency, or the budget's before settings name one.
	Currency string
	// AllocationAmount is the allocation from the settings (0: not stated).
	AllocationAmount int64
	// WithinAllocation is the budget total.
	WithinAllocation int64
	// AboveAllocation is the PAAR total: the sum of the PAAR amounts of records with status paar.
	AboveAllocation int64
	// OverAllocation is how much the budget exceeds the allocation (0 when it does not or none is stated).
	OverAllocation int64
	// CommunityLed and HumanRights are the shares of the budget total the catalogue flags as such.
	CommunityLed budget.Share
	HumanRights  budget.Share
	// TargetSharePercent is the settings' target for those shares, 0–100; nil when none is set.
	TargetSharePercent *int
}

// FundingSummary is the budget summary with the request's computed totals.
func (s *Service) FundingSummary(ctx context.Context, acc Access, proposalID string) (budget.Summary, RequestTotals, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return budget.Summary{}, RequestTotals{}, err
	}
	return s.requestTotals(ctx, p)
}

func (s *Service) requestTotals(ctx context.Context, p domain.Proposal) (budget.Summary, RequestTotals, error) {
	proposalID := p.ID
	b, doc, err := s.loadBudget(ctx, p)
	if err != nil {
		return budget.Summary{}, RequestTotals{}, err
	}
	set, _, err := settingsDocument.load(ctx, s, proposalID)
	if err != nil {
		return budget.Summary{}, RequestTotals{}, err
	}
	records, _, err := interventionsDocument.load(ctx, s, proposalID)
	if err != nil {
		return budget.Summary{}, RequestTotals{}, err
	}
	sum := budget.Summary{Currency: set.Currency, ByYear: []budget.YearTotal{}}
	if doc.Version > 0 {
		if sum, err = s.budgets.Summarize(b.Budget); err != nil {
			return budget.Summary{}, RequestTotals{}, err
		}
	}
	t := RequestTotals{Currency: sum.Currency, AllocationAmount: b.AllocationCeiling, WithinAllocation: sum.Total,
		CommunityLed: sum.CommunityLed, HumanRights: sum.HumanRights, TargetSharePercent: set.TargetSharePercent}
	if t.AllocationAmount == 0 {
		t.AllocationAmount = set.AllocationAmount
	}
	for _, c := range costsOf(records.Records, b) {
		t.AboveAllocation += c.PAAR
	}
	if t.AllocationAmount > 0 && t.WithinAllocation > t.AllocationAmount {
		t.OverAllocation = t.WithinAllocation - t.AllocationAmount
	}
	return sum, t, nil
}
