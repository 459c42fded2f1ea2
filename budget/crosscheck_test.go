package budget

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"iduit/domain"
)

func TestCrossCheckCleanRequest(t *testing.T) {
	b := validBudget()
	b.Lines = b.Lines[:1] // NSP only, measured by KP-4 in the framework
	if got := mustCatalogue(t).CrossCheck(b, validFramework(), 3_500_000); len(got) != 0 {
		t.Fatalf("want no findings at exactly the ceiling, got %+v", got)
	}
}

func TestCrossCheckFindings(t *testing.T) {
	c := mustCatalogue(t)
	b := validBudget()
	b.Lines = append(b.Lines, Line{Module: "pwid-prevention", Intervention: "hiv-testing-services", CostGrouping: "health-products-non-pharmaceuticals",
		Description: domain.TextValue{RU: "Rapid tests"}, Amounts: []int64{1, 1, 1}})
	f := validFramework()
	f[1].Targets = f[1].Targets[:1] // KP-4 only for 2027
	got := c.CrossCheck(b, f, 10_000_000)
	want := []Finding{
		{FindingInterventionWithoutIndicator, "lines[3].intervention", Text{
			En: `The budget pays for "HIV testing services" but the performance framework has no indicator for it; consider KP-3d.`,
			Ru: "Бюджет финансирует мероприятие «Услуги по тестированию на ВИЧ», но в рамке результатов деятельности нет индикатора для него; подойдут: KP-3d.",
		}},
		{FindingInterventionWithoutIndicator, "lines[1].intervention", Text{
			En: `No indicator in the catalogue measures "Legal services"; track it with milestones and dates (workplan tracking measures) in the performance framework.`,
			Ru: "Ни один индикатор каталога не измеряет мероприятие «Юридические услуги»; отслеживайте его по контрольным точкам со сроками (WPTM) в рамке результатов деятельности.",
		}},
		{FindingInterventionWithoutIndicator, "lines[2].intervention", Text{
			En: `No indicator in the catalogue measures "Community-based monitoring"; track it with milestones and dates (workplan tracking measures) in the performance framework.`,
			Ru: "Ни один индикатор каталога не измеряет мероприятие «Мониторинг на уровне сообществ»; отслеживайте его по контрольным точкам со сроками (WPTM) в рамке результатов деятельности.",
		}},
		{FindingYearWithoutTarget, "indicators[1].targets", Text{En: "KP-4 has no target for 2028.", Ru: "У индикатора KP-4 нет целевого значения на 2028 год."}},
		{FindingYearWithoutTarget, "indicators[1].targets", Text{En: "KP-4 has no target for 2029.", Ru: "У индикатора KP-4 нет целевого значения на 2029 год."}},
		{FindingOverAllocation, "lines", Text{
			En: "The budget total 110001.03 USD is 10001.03 USD above the allocation of 100000.00 USD; move the rest to the prioritised above-allocation request.",
			Ru: "Итог бюджета 110001.03 USD превышает выделенную сумму 100000.00 USD на 10001.03 USD; перенесите остаток в приоритизированный запрос сверх выделенной суммы.",
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
}

func TestCrossCheckWithoutFramework(t *testing.T) {
	b := validBudget()
	b.Lines = b.Lines[:1]
	got := mustCatalogue(t).CrossCheck(b, nil, 0)
	var codes []string
	for _, f := range got {
		codes = append(codes, f.Code+" "+f.Path+" "+f.Message.En)
	}
	want := []string{
		"intervention_without_indicator lines[0].intervention The budget pays for \"Needle and syringe programs\" but the performance framework has no indicator for it; consider HIV O-6, KP-1d, KP-4.",
		"year_without_target indicators No indicator has a target for 2027.",
		"year_without_target indicators No indicator has a target for 2028.",
		"year_without_target indicators No indicator has a target for 2029.",
	}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Fatalf("findings (-want +got):\n%s", diff)
	}
}

// Cross-checks are for valid budgets, but must not fail or invent findings on broken ones.
func TestCrossCheckSkipsInvalidParts(t *testing.T) {
	b := validBudget()
	b.Currency = "???"
	b.Lines[0].Intervention = "unknown"
	b.Lines[1].Amounts = []int64{1 << 62, 1 << 62, 1 << 62}
	got := mustCatalogue(t).CrossCheck(b, []IndicatorEntry{{Code: "KP-8"}}, 1)
	for _, f := range got {
		if f.Code == FindingOverAllocation {
			t.Fatalf("an overflowing total should be left to validation, got %+v", f)
		}
	}
	b.Lines[1].Amounts = []int64{1, 2, 3}
	got = mustCatalogue(t).CrossCheck(b, nil, 1)
	if last := got[len(got)-1]; last.Code != FindingOverAllocation || !strings.HasPrefix(last.Message.En, "The budget total 3800106 is 3800105 above the allocation of 1;") {
		t.Fatalf("unknown currency should print bare minor units, got %+v", last)
	}
}
