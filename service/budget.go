package service

import (
	"context"
	"encoding/json"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// BudgetDoc is a proposal's budget; its version and last change travel beside it in a domain.Document.
type BudgetDoc struct {
	Budget budget.Budget
	// AllocationCeiling is the country allocation for this request, in minor units; 0 means not stated.
	AllocationCeiling int64
}

// BudgetCatalogue is the modules, interventions, cost groupings and indicators budgets are built from.
func (s *Service) BudgetCatalogue() *budget.Catalogue { return s.budgets }

// Budget returns a proposal's budget.
func (s *Service) Budget(ctx context.Context, user domain.User, proposalID string) (BudgetDoc, domain.Document, error) {
	if _, err := s.Proposal(ctx, user, proposalID, domain.ActionRead); err != nil {
		return BudgetDoc{}, domain.Document{}, err
	}
	return s.loadBudget(ctx, proposalID)
}

func (s *Service) loadBudget(ctx context.Context, proposalID string) (BudgetDoc, domain.Document, error) {
	doc, err := s.store.Document(ctx, proposalID, models.DocumentBudget)
	if err != nil || doc.Version == 0 {
		return BudgetDoc{}, doc, err
	}
	var stored export.BudgetBody
	if err := json.Unmarshal(doc.Body, &stored); err != nil {
		return BudgetDoc{}, doc, err
	}
	b := budget.Budget{Currency: stored.Currency, Years: stored.Years, Lines: make([]budget.Line, len(stored.Lines))}
	for i, l := range stored.Lines {
		b.Lines[i] = budget.Line(l)
	}
	return BudgetDoc{Budget: b, AllocationCeiling: stored.AllocationCeiling}, doc, nil
}

// SaveBudget validates the whole budget (exact money, known modules, interventions and cost groupings)
// and saves it if it is still at the expected version; owners and editors only.
func (s *Service) SaveBudget(ctx context.Context, user domain.User, proposalID string, expected int, in BudgetDoc) (domain.Document, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionEditText)
	if err != nil {
		return domain.Document{}, err
	}
	if err := writable(p); err != nil {
		return domain.Document{}, err
	}
	if err := s.budgets.ValidateBudget(in.Budget); err != nil {
		return domain.Document{}, err
	}
	if in.AllocationCeiling < 0 {
		return domain.Document{}, domain.Invalid("bad allocation", domain.Problem{Field: "allocation_ceiling", Message: "must not be negative"})
	}
	stored := export.BudgetBody{Currency: in.Budget.Currency, Years: in.Budget.Years, AllocationCeiling: in.AllocationCeiling, Lines: make([]export.BudgetLine, len(in.Budget.Lines))}
	for i, l := range in.Budget.Lines {
		stored.Lines[i] = export.BudgetLine(l)
	}
	body, err := json.Marshal(stored)
	if err != nil {
		return domain.Document{}, err
	}
	return s.store.SaveDocument(ctx, models.DocumentSave{ProposalID: p.ID, Kind: models.DocumentBudget, ExpectedVersion: expected,
		Body: body, UserID: user.ID, Now: s.clock(), Activity: s.activity(p, user, domain.ActivityBudgetSaved, models.DocumentBudget, "")})
}

// BudgetSummary totals the saved budget by year, module, intervention and cost grouping.
func (s *Service) BudgetSummary(ctx context.Context, user domain.User, proposalID string) (budget.Summary, error) {
	b, doc, err := s.Budget(ctx, user, proposalID)
	if err != nil {
		return budget.Summary{}, err
	}
	if doc.Version == 0 {
		return budget.Summary{ByYear: []budget.YearTotal{}}, nil
	}
	return s.budgets.Summarize(b.Budget)
}
