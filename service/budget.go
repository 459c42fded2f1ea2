package service

import (
	"context"
	"encoding/json"
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
	// Bilingual and Language say how the lines' descriptions are written when read: both languages, or
	// the proposal's one (StoredLines). They are ignored on save, where the proposal decides.
	Bilingual bool
	Language  string
}

// SentBudget is a budget as the API carries it: each line's description is a text value as sent, a
// string in a one-language proposal and an object {"en", "ru"} in a bilingual one, checked against the
// proposal on save. A bilingual proposal also takes a string, as its working language's text: clients
// written before descriptions were bilingual keep working, and the check reports the missing side.
type SentBudget struct {
	Currency          string
	Years             []int
	AllocationCeiling int64
	Lines             []export.BudgetLine
}

// budgetDocument is the budget as a versioned proposal document.
var budgetDocument = documentKind[export.BudgetBody]{kind: models.DocumentBudget, activity: domain.ActivityBudgetSaved}

// BudgetCatalogue is the modules, interventions, cost groupings and indicators budgets are built from.
func (s *Service) BudgetCatalogue() *budget.Catalogue { return s.budgets }

// Budget returns a proposal's budget.
func (s *Service) Budget(ctx context.Context, acc Access, proposalID string) (BudgetDoc, domain.Document, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return BudgetDoc{}, domain.Document{}, err
	}
	return s.loadBudget(ctx, p)
}

// loadBudget reads the budget with its allocation taken from the settings.
func (s *Service) loadBudget(ctx context.Context, p domain.Proposal) (BudgetDoc, domain.Document, error) {
	proposalID := p.ID
	stored, doc, err := budgetDocument.load(ctx, s, proposalID)
	if err != nil {
		return BudgetDoc{}, doc, err
	}
	set, _, err := settingsDocument.load(ctx, s, proposalID)
	b := fromStoredBudget(stored, p)
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

// fromStoredBudget reads a stored budget of proposal p. A description saved as a plain string (every
// budget saved before descriptions were bilingual) belongs to the working language, as a section's text
// does.
func fromStoredBudget(stored export.BudgetBody, p domain.Proposal) BudgetDoc {
	b := budget.Budget{Currency: stored.Currency, Years: stored.Years, Lines: make([]budget.Line, len(stored.Lines))}
	for i, l := range stored.Lines {
		b.Lines[i] = budget.Line{Module: l.Module, Intervention: l.Intervention, CostGrouping: l.CostGrouping,
			Description: readText(l.Description, p), Implementer: l.Implementer, Amounts: l.Amounts, UnitCost: l.UnitCost, Quantity: l.Quantity}
	}
	return BudgetDoc{Budget: b, AllocationCeiling: stored.AllocationCeiling, Bilingual: p.Bilingual, Language: p.Language}
}

// StoredLines are the lines with their descriptions as text values: both languages in a bilingual
// proposal, the proposal's language's string in another.
func (d BudgetDoc) StoredLines() []export.BudgetLine {
	out := make([]export.BudgetLine, len(d.Budget.Lines))
	for i, l := range d.Budget.Lines {
		out[i] = export.BudgetLine{Module: l.Module, Intervention: l.Intervention, CostGrouping: l.CostGrouping,
			Description: descriptionJSON(l.Description, d.Bilingual, d.Language), Implementer: l.Implementer, Amounts: l.Amounts,
			UnitCost: l.UnitCost, Quantity: l.Quantity}
	}
	return out
}

func descriptionJSON(v domain.TextValue, bilingual bool, working string) json.RawMessage {
	var out []byte
	if bilingual {
		out, _ = json.Marshal(domain.TextValue{EN: v.EN, RU: v.RU})
	} else {
		out, _ = json.Marshal(v.Side(working))
	}
	return out
}

func toStoredBudget(in budget.Budget, legacyCeiling int64, p domain.Proposal) export.BudgetBody {
	doc := BudgetDoc{Budget: in, Bilingual: p.Bilingual, Language: p.Language}
	return export.BudgetBody{Currency: in.Currency, Years: in.Years, AllocationCeiling: legacyCeiling, Lines: doc.StoredLines()}
}

// SaveBudget is SaveBudgetLines for a budget as the API carries it: each description must have the
// shape of the proposal's text values, then the budget is checked and saved as SaveBudgetLines does.
func (s *Service) SaveBudget(ctx context.Context, acc Access, proposalID string, expected int, in SentBudget) (domain.Document, error) {
	return budgetDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (export.BudgetBody, error) {
		b, shape := readSentLines(in, p)
		if len(shape) > 0 {
			return export.BudgetBody{}, domain.Invalid("the budget has problems", shape...)
		}
		return s.checkedBudget(ctx, p, BudgetDoc{Budget: b, AllocationCeiling: in.AllocationCeiling})
	})
}

// readSentLines turns sent lines into the budget's, reporting a description of the wrong shape.
func readSentLines(in SentBudget, p domain.Proposal) (budget.Budget, []domain.Problem) {
	b := budget.Budget{Currency: in.Currency, Years: in.Years, Lines: make([]budget.Line, len(in.Lines))}
	var ps problems
	for i, l := range in.Lines {
		if i < budget.MaxLines && !isNull(l.Description) {
			name := fmt.Sprintf("lines[%d].description", i)
			if p.Bilingual && !sentAsString(l.Description) {
				ps.add(checkBilingualText(name, l.Description, budget.MaxDescriptionLength, false))
			} else {
				ps.add(checkString(name, l.Description, budget.MaxDescriptionLength, false))
			}
		}
		b.Lines[i] = budget.Line{Module: l.Module, Intervention: l.Intervention, CostGrouping: l.CostGrouping,
			Description: readText(l.Description, p), Implementer: l.Implementer, Amounts: l.Amounts, UnitCost: l.UnitCost, Quantity: l.Quantity}
	}
	return b, ps
}

// SaveBudgetLines validates the whole budget (exact money, known modules, interventions and cost groupings)
// and saves it if it is still at the expected version; owners and editors only. The currency is the
// settings' one (taken from there when the budget names none) and one the template allows.
func (s *Service) SaveBudgetLines(ctx context.Context, acc Access, proposalID string, expected int, in BudgetDoc) (domain.Document, error) {
	return budgetDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (export.BudgetBody, error) {
		return s.checkedBudget(ctx, p, in)
	})
}

// checkedBudget is the budget to store for proposal p, or every problem it has. A one-language proposal
// keeps its own language's description only.
func (s *Service) checkedBudget(ctx context.Context, p domain.Proposal, in BudgetDoc) (export.BudgetBody, error) {
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
	return toStoredBudget(b, previous.AllocationCeiling, p), nil
}

// checkImportedBudget validates an exported budget as SaveBudgetLines would.
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
	return s.budgets.ValidateBudget(fromStoredBudget(stored, p).Budget)
}

// BudgetSummary totals the saved budget by year, module, intervention and cost grouping.
func (s *Service) BudgetSummary(ctx context.Context, acc Access, proposalID string) (budget.Summary, error) {
	b, doc, err := s.Budget(ctx, acc, proposalID)
	if err != nil {
		return budget.Summary{}, err
	}
	if doc.Version == 0 {
		return budget.Summary{ByYear: []budget.YearTotal{}}, nil
	}
	return s.budgets.Summarize(b.Budget)
}
