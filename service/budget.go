package service

import (
	"context"
	"fmt"
	"slices"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// BudgetDoc is a proposal's budget; its version and last change travel beside it in a domain.Document.
type BudgetDoc struct {
	Budget budget.Budget
	// AllocationCeiling is the country allocation for this request, in minor units; 0 means not stated.
	// It is derived: the allocation amount of the proposal's settings, or for a budget saved before
	// settings existed and with none set there, the ceiling that was saved with it. A save may send it
	// back as read (or 0); any other value is refused, so that the amount has one owner.
	AllocationCeiling int64
}

// budgetDocument is the budget as a versioned proposal document.
var budgetDocument = documentKind[export.BudgetBody]{kind: models.DocumentBudget, activity: domain.ActivityBudgetSaved}

// BudgetCatalogue is the modules, interventions, cost groupings and indicators budgets are built from.
func (s *Service) BudgetCatalogue() *budget.Catalogue { return s.budgets }

// Budget returns a proposal's budget.
func (s *Service) Budget(ctx context.Context, user domain.User, proposalID string) (BudgetDoc, domain.Document, error) {
	p, err := s.Proposal(ctx, user, proposalID, domain.ActionRead)
	if err != nil {
		return BudgetDoc{}, domain.Document{}, err
	}
	return s.loadBudget(ctx, p.ID)
}

// loadBudget reads the budget with its allocation taken from the settings.
func (s *Service) loadBudget(ctx context.Context, proposalID string) (BudgetDoc, domain.Document, error) {
	stored, doc, err := budgetDocument.load(ctx, s, proposalID)
	if err != nil {
		return BudgetDoc{}, doc, err
	}
	set, _, err := settingsDocument.load(ctx, s, proposalID)
	b := fromStoredBudget(stored)
	b.AllocationCeiling = allocationAmount(set, stored)
	return b, doc, err
}

// allocationAmount is the allocation a proposal's numbers are measured against: the settings' amount,
// else the ceiling a budget saved before settings existed carries.
func allocationAmount(set Settings, stored export.BudgetBody) int64 {
	if set.AllocationAmount > 0 {
		return set.AllocationAmount
	}
	return stored.AllocationCeiling
}

func fromStoredBudget(stored export.BudgetBody) BudgetDoc {
	b := budget.Budget{Currency: stored.Currency, Years: stored.Years, Lines: make([]budget.Line, len(stored.Lines))}
	for i, l := range stored.Lines {
		b.Lines[i] = budget.Line(l)
	}
	return BudgetDoc{Budget: b, AllocationCeiling: stored.AllocationCeiling}
}

func toStoredBudget(in budget.Budget, legacyCeiling int64) export.BudgetBody {
	stored := export.BudgetBody{Currency: in.Currency, Years: in.Years, AllocationCeiling: legacyCeiling, Lines: make([]export.BudgetLine, len(in.Lines))}
	for i, l := range in.Lines {
		stored.Lines[i] = export.BudgetLine(l)
	}
	return stored
}

// SaveBudget validates the whole budget (exact money, known modules, interventions and cost groupings)
// and saves it if it is still at the expected version; owners and editors only. The currency is the
// settings' one (taken from there when the budget names none) and one the template allows.
func (s *Service) SaveBudget(ctx context.Context, user domain.User, proposalID string, expected int, in BudgetDoc) (domain.Document, error) {
	return budgetDocument.save(ctx, s, user, proposalID, expected, func(p domain.Proposal) (export.BudgetBody, error) {
		set, _, err := settingsDocument.load(ctx, s, p.ID)
		if err != nil {
			return export.BudgetBody{}, err
		}
		previous, _, err := budgetDocument.load(ctx, s, p.ID)
		if err != nil {
			return export.BudgetBody{}, err
		}
		b := in.Budget
		if b.Currency == "" {
			b.Currency = set.Currency
		}
		allowed, err := s.currencies(p)
		if err != nil {
			return export.BudgetBody{}, err
		}
		var problems []domain.Problem
		switch {
		case set.Currency != "" && b.Currency != set.Currency:
			problems = append(problems, domain.Problem{Field: "currency", Message: fmt.Sprintf("must be %s, the currency of the proposal settings", set.Currency)})
		case b.Currency != "" && !slices.Contains(allowed, b.Currency):
			problems = append(problems, domain.Problem{Field: "currency", Message: fmt.Sprintf("%q is not one of the currencies this template allows %v", b.Currency, allowed)})
		}
		if allocation := allocationAmount(set, previous); in.AllocationCeiling != 0 && in.AllocationCeiling != allocation {
			problems = append(problems, domain.Problem{Field: "allocation_ceiling",
				Message: "is the allocation amount of the proposal settings; change it there (PUT …/settings allocation_amount)"})
		}
		if err := s.budgets.ValidateBudget(b); err != nil {
			e, ok := domain.AsError(err)
			if !ok {
				return export.BudgetBody{}, err
			}
			for _, pr := range e.Problems {
				if pr.Field != "currency" || len(problems) == 0 || problems[0].Field != "currency" {
					problems = append(problems, pr)
				}
			}
		}
		if len(problems) > 0 {
			return export.BudgetBody{}, domain.Invalid("the budget has problems", problems...)
		}
		return toStoredBudget(b, previous.AllocationCeiling), nil
	})
}

// checkImportedBudget validates an exported budget as SaveBudget would.
func (s *Service) checkImportedBudget(p domain.Proposal, parts importedParts) error {
	stored, err := decodePart[export.BudgetBody](parts[models.DocumentBudget])
	if err != nil {
		return err
	}
	allowed, err := s.currencies(p)
	if err != nil {
		return err
	}
	if !slices.Contains(allowed, stored.Currency) {
		return domain.Invalid("the budget in the export has problems", domain.Problem{Field: "documents.budget.currency",
			Message: fmt.Sprintf("%q is not one of the currencies the template allows %v", stored.Currency, allowed)})
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
