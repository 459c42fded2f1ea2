package budget

import (
	"math"
	"strings"
	"testing"

	"iduit/domain"
)

func ptr(v int64) *int64 { return &v }

// validBudget is small, correct and uses each module once.
func validBudget() Budget {
	return Budget{
		Currency: "USD",
		Years:    []int{2027, 2028, 2029},
		Lines: []Line{
			{Module: "pwid-prevention", Intervention: "needle-syringe-programs", CostGrouping: "health-products-non-pharmaceuticals",
				Description: domain.TextValue{RU: "Шприцы 1 мл и 2 мл"}, Amounts: []int64{1_000_000, 1_200_000, 1_300_000}, UnitCost: ptr(7), Quantity: ptr(500_000)},
			{Module: "human-rights-barriers", Intervention: "legal-services", CostGrouping: "human-resources",
				Description: domain.TextValue{RU: "Street lawyers, two cities"}, Amounts: []int64{2_400_000, 2_400_000, 2_400_000}},
			{Module: "rssh-community-systems", Intervention: "community-based-monitoring", CostGrouping: "travel-related-costs",
				Description: domain.TextValue{RU: "Peer documenters' travel"}, Amounts: []int64{0, 150_050, 150_050}},
		},
	}
}

func TestValidateBudgetAcceptsValid(t *testing.T) {
	c := mustCatalogue(t)
	if err := c.ValidateBudget(validBudget()); err != nil {
		t.Fatal(err)
	}
	one := validBudget()
	one.Years, one.Lines = []int{2030}, one.Lines[1:2]
	one.Lines[0].Amounts = []int64{math.MaxInt64}
	if err := c.ValidateBudget(one); err != nil {
		t.Fatalf("one year at the largest amount should pass: %v", err)
	}
}

func TestValidateBudgetNamesEveryProblem(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(b *Budget)
		field     string
		wantInMsg string
	}{
		{"no currency", func(b *Budget) { b.Currency = "" }, "currency", "is required"},
		{"unknown currency", func(b *Budget) { b.Currency = "usd" }, "currency", `"usd" is not an accepted`},
		{"no years", func(b *Budget) { b.Years = nil; trimAmounts(b, 0) }, "years", "give 1 to 4"},
		{"five years", func(b *Budget) { b.Years = []int{2027, 2028, 2029, 2030, 2031} }, "years", "has 5 years"},
		{"gap in years", func(b *Budget) { b.Years[2] = 2030 }, "years[2]", "must be 2029"},
		{"years out of order", func(b *Budget) { b.Years[1] = 2026 }, "years[1]", "must be 2028"},
		{"implausible year", func(b *Budget) { b.Years[0] = 207 }, "years[0]", "207 is not a grant year"},
		{"no lines", func(b *Budget) { b.Lines = nil }, "lines", "at least one"},
		{"too many lines", func(b *Budget) { b.Lines = make([]Line, MaxLines+1) }, "lines", "has 5001 lines; the limit is 5000"},
		{"no module", func(b *Budget) { b.Lines[1].Module = "" }, "lines[1].module", "is required"},
		{"unknown module", func(b *Budget) { b.Lines[1].Module = "malaria" }, "lines[1].module", `"malaria" is not a module`},
		{"no intervention", func(b *Budget) { b.Lines[0].Intervention = "" }, "lines[0].intervention", "is required"},
		{"unknown intervention", func(b *Budget) { b.Lines[0].Intervention = "nsp" }, "lines[0].intervention", `"nsp" is not an intervention`},
		{"intervention of another module", func(b *Budget) { b.Lines[1].Intervention = "needle-syringe-programs" },
			"lines[1].intervention", `belongs to module "pwid-prevention", not "human-rights-barriers"`},
		{"no cost grouping", func(b *Budget) { b.Lines[2].CostGrouping = "" }, "lines[2].cost_grouping", "is required"},
		{"unknown cost grouping", func(b *Budget) { b.Lines[2].CostGrouping = "travel" }, "lines[2].cost_grouping", `"travel" is not a cost grouping`},
		{"blank description", func(b *Budget) { b.Lines[2].Description = domain.TextValue{RU: "  "} }, "lines[2].description", "is required"},
		{"control character", func(b *Budget) { b.Lines[2].Description = domain.TextValue{RU: "a\x07b"} }, "lines[2].description", "control character U+0007"},
		{"newline", func(b *Budget) { b.Lines[2].Description = domain.TextValue{RU: "a\nb"} }, "lines[2].description", "control character U+000A"},
		{"bad UTF-8", func(b *Budget) { b.Lines[2].Description = domain.TextValue{RU: "a\xffb"} }, "lines[2].description", "not valid UTF-8"},
		{"description too long", func(b *Budget) { b.Lines[2].Description = domain.TextValue{RU: strings.Repeat("ж", 501)} }, "lines[2].description", "is 501 characters long; the limit is 500"},
		{"too few amounts", func(b *Budget) { b.Lines[1].Amounts = b.Lines[1].Amounts[:2] }, "lines[1].amounts", "has 2 amounts; give one for each of the 3"},
		{"too many amounts", func(b *Budget) { b.Lines[1].Amounts = append(b.Lines[1].Amounts, 1) }, "lines[1].amounts", "has 4 amounts"},
		{"negative amount", func(b *Budget) { b.Lines[1].Amounts[1] = -1 }, "lines[1].amounts[1]", "is negative"},
		{"line overflow", func(b *Budget) { b.Lines[1].Amounts[2] = math.MaxInt64 }, "lines[1].amounts[2]", "line total larger than can be stored"},
		{"budget overflow", func(b *Budget) { b.Lines[2].Amounts = []int64{0, 0, math.MaxInt64 - 7_200_000} }, "lines[2]", "budget total larger than can be stored"},
		{"negative unit cost", func(b *Budget) { b.Lines[0].UnitCost = ptr(-7) }, "lines[0].unit_cost", "is negative"},
		{"negative quantity", func(b *Budget) { b.Lines[0].Quantity = ptr(-1) }, "lines[0].quantity", "is negative"},
		{"unit cost × quantity wrong", func(b *Budget) { b.Lines[0].Quantity = ptr(499_999) },
			"lines[0].unit_cost", "unit cost 0.07 USD × quantity 499999 = 34999.93 USD, but the yearly amounts add up to 35000.00 USD"},
		{"unit cost × quantity overflows", func(b *Budget) { b.Lines[0].Quantity = ptr(math.MaxInt64 / 2) }, "lines[0].quantity", "larger than can be stored"},
	}
	c := mustCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := validBudget()
			tt.edit(&b)
			assertProblem(t, c.ValidateBudget(b), tt.field, tt.wantInMsg)
		})
	}
}

// Unit cost or quantity alone is information, not a claim about the total.
func TestValidateBudgetAcceptsUnitCostAlone(t *testing.T) {
	b := validBudget()
	b.Lines[1].UnitCost = ptr(200_000)
	b.Lines[2].Quantity = ptr(12)
	if err := mustCatalogue(t).ValidateBudget(b); err != nil {
		t.Fatal(err)
	}
}

func TestValidateBudgetCapsTheProblemList(t *testing.T) {
	b := validBudget()
	b.Lines = make([]Line, 1000) // five problems each: module, intervention, cost grouping, description, amounts
	err := mustCatalogue(t).ValidateBudget(b)
	e, ok := domain.AsError(err)
	if !ok || e.Kind != domain.KindInvalid {
		t.Fatalf("want an invalid error, got %v", err)
	}
	if len(e.Problems) != maxProblems+1 {
		t.Fatalf("got %d problems, want %d and a count of the rest", len(e.Problems), maxProblems+1)
	}
	if last := e.Problems[maxProblems].Message; last != "and 4800 more problems" {
		t.Fatalf("last problem %q", last)
	}
}

func trimAmounts(b *Budget, n int) {
	for i := range b.Lines {
		b.Lines[i].Amounts = b.Lines[i].Amounts[:n]
	}
}

// assertProblem fails unless err is a domain.Invalid error with a problem on field whose message contains want.
func assertProblem(t *testing.T, err error, field, want string) {
	t.Helper()
	e, ok := domain.AsError(err)
	if !ok || e.Kind != domain.KindInvalid {
		t.Fatalf("want an invalid error, got %v", err)
	}
	for _, p := range e.Problems {
		if p.Field == field && strings.Contains(p.Message, want) {
			return
		}
	}
	t.Fatalf("no problem on %s containing %q in %+v", field, want, e.Problems)
}
