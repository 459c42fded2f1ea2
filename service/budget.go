package service

import (
	"context"

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

// budgetDocument is the budget as a versioned proposal document.
var budgetDocument = documentKind[export.BudgetBody]{kind: models.DocumentBudget, activity: domain.ActivityBudgetSaved}

// BudgetCatalogue is the modules, interventions, cost groupings and indicators budgets are built from.
func (s *Service) BudgetCatalogue() *budget.Catalogue { return s.budgets }

// Budget returns a proposal's budget.
func (s *Service) Budget(ctx context.Context, user domain.User, proposalID string) (BudgetDoc, domain.Document, error) {
	_, stored, doc, err := budgetDocument.read(ctx, s, user, proposalID)
	return fromStoredBudget(stored), doc, err
}

func (s *Service) loadBudget(ctx context.Context, proposalID string) (BudgetDoc, domain.Document, error) {
	stored, doc, err := budgetDocument.load(ctx, s, proposalID)
	return fromStoredBudget(stored), doc, err
}

func fromStoredBudget(stored export.BudgetBody) BudgetDoc {
	b := budget.Budget{Currency: stored.Currency, Years: stored.Years, Lines: make([]budget.Line, len(stored.Lines))}
	for i, l := range stored.Lines {
		b.Lines[i] = budget.Line(l)
	}
	return BudgetDoc{Budget: b, AllocationCeiling: stored.AllocationCeiling}
}

func toStoredBudget(in BudgetDoc) export.BudgetBody {
	stored := export.BudgetBody{Currency: in.Budget.Currency, Years: in.Budget.Years, AllocationCeiling: in.AllocationCeiling, Lines: make([]export.BudgetLine, len(in.Budget.Lines))}
	for i, l := range in.Budget.Lines {
		stored.Lines[i] = export.BudgetLine(l)
	}
	return stored
}

// SaveBudget validates the whole budget (exact money, known modules, interventions and cost groupings)
// and saves it if it is still at the expected version; owners and editors only.
func (s *Service) SaveBudget(ctx context.Context, user domain.User, proposalID string, expected int, in BudgetDoc) (domain.Document, error) {
	return budgetDocument.save(ctx, s, user, proposalID, expected, func(domain.Proposal) (export.BudgetBody, error) {
		if err := s.budgets.ValidateBudget(in.Budget); err != nil {
			return export.BudgetBody{}, err
		}
		if in.AllocationCeiling < 0 {
			return export.BudgetBody{}, domain.Invalid("bad allocation", domain.Problem{Field: "allocation_ceiling", Message: "must not be negative"})
		}
		return toStoredBudget(in), nil
	})
}

// checkImportedBudget validates an exported budget as SaveBudget would.
func (s *Service) checkImportedBudget(_ domain.Proposal, parts importedParts) error {
	stored, err := decodePart[export.BudgetBody](parts[models.DocumentBudget])
	if err != nil {
		return err
	}
	return s.budgets.ValidateBudget(fromStoredBudget(stored).Budget)
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
