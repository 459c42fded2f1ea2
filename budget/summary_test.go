package budget

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"iduit/domain"
)

// The small budget, added up by hand.
func TestSummarizeSmallBudget(t *testing.T) {
	c := mustCatalogue(t)
	got, err := c.Summarize(validBudget())
	if err != nil {
		t.Fatal(err)
	}
	name := func(key string) Text { iv, _, _ := c.Intervention(key); return iv.Name }
	module := func(key string) Text { m, _ := c.Module(key); return m.Name }
	grouping := func(key string) Text { g, _ := c.CostGrouping(key); return g.Name }
	want := Summary{
		Currency: "USD",
		Total:    11_000_100,
		ByYear:   []YearTotal{{2027, 3_400_000}, {2028, 3_750_050}, {2029, 3_850_050}},
		ByModule: []ModuleTotal{
			{"pwid-prevention", module("pwid-prevention"), Share{3_500_000, 318}},
			{"human-rights-barriers", module("human-rights-barriers"), Share{7_200_000, 655}},
			{"rssh-community-systems", module("rssh-community-systems"), Share{300_100, 27}},
		},
		ByIntervention: []InterventionTotal{
			{"pwid-prevention", "needle-syringe-programs", name("needle-syringe-programs"), 3, Share{3_500_000, 318}},
			{"human-rights-barriers", "legal-services", name("legal-services"), 2, Share{7_200_000, 655}},
			{"rssh-community-systems", "community-based-monitoring", name("community-based-monitoring"), 2, Share{300_100, 27}},
		},
		ByCostGrouping: []CostGroupingTotal{
			{1, "human-resources", grouping("human-resources"), Share{7_200_000, 655}},
			{2, "travel-related-costs", grouping("travel-related-costs"), Share{300_100, 27}},
			{5, "health-products-non-pharmaceuticals", grouping("health-products-non-pharmaceuticals"), Share{3_500_000, 318}},
		},
		CommunityLed: Share{300_100, 27},
		HumanRights:  Share{7_200_000, 655},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("summary (-want +got):\n%s", diff)
	}
	if got.CommunityLed.Percent.String() != "2.7" || got.HumanRights.Percent.String() != "65.5" {
		t.Fatalf("shares print as %s and %s", got.CommunityLed.Percent, got.HumanRights.Percent)
	}
}

// Shares at exactly .x5 round up, so the rounded shares may add up to 100.1: that is expected.
func TestSummarizeRoundsSharesHalfUp(t *testing.T) {
	b := validBudget()
	b.Years = []int{2027}
	b.Lines = []Line{
		{Module: "rssh-community-systems", Intervention: "community-led-advocacy", CostGrouping: "human-resources", Description: domain.TextValue{RU: "a"}, Amounts: []int64{1}},
		{Module: "pwid-prevention", Intervention: "overdose-prevention", CostGrouping: "health-products-pharmaceuticals", Description: domain.TextValue{RU: "naloxone"}, Amounts: []int64{1999}},
	}
	s, err := mustCatalogue(t).Summarize(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := [2]string{s.CommunityLed.Percent.String(), s.ByModule[0].Percent.String()}; got != [2]string{"0.1", "100.0"} {
		t.Fatalf("0.05%% and 99.95%% printed as %v", got)
	}
	if s.HumanRights != (Share{}) {
		t.Fatalf("no human-rights lines, got %+v", s.HumanRights)
	}
}

func TestSummarizeZeroBudget(t *testing.T) {
	b := validBudget()
	for i := range b.Lines {
		b.Lines[i].Amounts = []int64{0, 0, 0}
		b.Lines[i].UnitCost, b.Lines[i].Quantity = nil, nil
	}
	s, err := mustCatalogue(t).Summarize(b)
	if err != nil {
		t.Fatal(err)
	}
	if s.Total != 0 || s.CommunityLed.Percent != 0 || len(s.ByModule) != 3 {
		t.Fatalf("zero budget summary %+v", s)
	}
}

func TestSummarizeRefusesInvalidBudget(t *testing.T) {
	b := validBudget()
	b.Lines[1].Amounts[0] = -100
	_, err := mustCatalogue(t).Summarize(b)
	assertProblem(t, err, "lines[1].amounts[0]", "is negative")
}

// A realistic budget of a few hundred lines, summed a second way: big integers keyed by name, and
// percentages from exact rationals.
func TestSummarizeRealisticBudget(t *testing.T) {
	c := mustCatalogue(t)
	b := generateBudget(c, 420, rand.New(rand.NewPCG(2027, 3)))
	got, err := c.Summarize(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(independentSummary(c, b), got); diff != "" {
		t.Fatalf("summary (-want +got):\n%s", diff)
	}
	if len(got.ByIntervention) < 15 || len(got.ByCostGrouping) != 13 {
		t.Fatalf("generated budget should use most of the catalogue: %d interventions, %d groupings",
			len(got.ByIntervention), len(got.ByCostGrouping))
	}
}

// generateBudget makes n valid lines over three years with amounts up to 500 000.00, a third of them
// with unit cost × quantity.
func generateBudget(c *Catalogue, n int, rng *rand.Rand) Budget {
	b := Budget{Currency: "KGS", Years: []int{2027, 2028, 2029}}
	for i := range n {
		ref := c.flat[rng.IntN(len(c.flat))]
		l := Line{
			Module:       c.Modules[ref.module].Key,
			Intervention: c.at(ref).Key,
			CostGrouping: c.CostGroupings[rng.IntN(len(c.CostGroupings))].Key,
			Description:  domain.TextValue{RU: "Строка бюджета " + strconv.Itoa(i)},
		}
		if i%3 == 0 {
			unit, qty := 1+rng.Int64N(100_000), 3*(1+rng.Int64N(1_000))
			l.UnitCost, l.Quantity = &unit, &qty
			l.Amounts = []int64{unit * qty / 3, unit * qty / 3, unit * qty / 3}
		} else {
			l.Amounts = []int64{rng.Int64N(50_000_001), rng.Int64N(50_000_001), rng.Int64N(50_000_001)}
		}
		b.Lines = append(b.Lines, l)
	}
	return b
}

func independentSummary(c *Catalogue, b Budget) Summary {
	byYear, byKey := map[int]*big.Int{}, map[string]*big.Int{}
	total := new(big.Int)
	add := func(key string, a int64) {
		if byKey[key] == nil {
			byKey[key] = new(big.Int)
		}
		byKey[key].Add(byKey[key], big.NewInt(a))
	}
	for _, l := range b.Lines {
		iv, _, _ := c.Intervention(l.Intervention)
		for y, a := range l.Amounts {
			if byYear[y] == nil {
				byYear[y] = new(big.Int)
			}
			byYear[y].Add(byYear[y], big.NewInt(a))
			total.Add(total, big.NewInt(a))
			add("module/"+l.Module, a)
			add("intervention/"+l.Intervention, a)
			add("grouping/"+l.CostGrouping, a)
			add("community", map[bool]int64{true: a}[iv.CommunityLed])
			add("rights", map[bool]int64{true: a}[iv.HumanRights])
		}
	}
	shareOf := func(key string) Share {
		part := byKey[key]
		// half up: floor(part·1000/total + 1/2)
		r := new(big.Rat).SetFrac(new(big.Int).Mul(part, big.NewInt(1000)), total)
		r.Add(r, big.NewRat(1, 2))
		pct := new(big.Int).Quo(r.Num(), r.Denom())
		return Share{Amount: part.Int64(), Percent: Tenths(pct.Int64())}
	}
	s := Summary{Currency: b.Currency, Total: total.Int64(), CommunityLed: shareOf("community"), HumanRights: shareOf("rights")}
	for y, year := range b.Years {
		s.ByYear = append(s.ByYear, YearTotal{year, byYear[y].Int64()})
	}
	for _, m := range c.Modules {
		if byKey["module/"+m.Key] != nil {
			s.ByModule = append(s.ByModule, ModuleTotal{m.Key, Labelled(m.Name, m.Confidence), shareOf("module/" + m.Key)})
		}
		for _, iv := range m.Interventions {
			if byKey["intervention/"+iv.Key] != nil {
				s.ByIntervention = append(s.ByIntervention, InterventionTotal{m.Key, iv.Key, Labelled(iv.Name, iv.Confidence), iv.IDUITChapter, shareOf("intervention/" + iv.Key)})
			}
		}
	}
	for _, g := range c.CostGroupings {
		if byKey["grouping/"+g.Key] != nil {
			s.ByCostGrouping = append(s.ByCostGrouping, CostGroupingTotal{g.Number, g.Key, g.Name, shareOf("grouping/" + g.Key)})
		}
	}
	return s
}
