package budget

import (
	"strings"
	"testing"
)

var grantYears = []int{2027, 2028, 2029}

// validFramework has a percentage indicator and a count that is a ratio.
func validFramework() []IndicatorEntry {
	return []IndicatorEntry{
		{
			Code:     "KP-1d",
			Baseline: Baseline{Value: ptr(423), Numerator: ptr(4230), Denominator: ptr(10000), Year: 2025, Source: "Programme reports, 2025"},
			Targets: []Target{
				{Year: 2027, Value: ptr(500), Numerator: ptr(5000), Denominator: ptr(10000)},
				{Year: 2028, Value: ptr(550), Numerator: ptr(5500), Denominator: ptr(10000)},
				{Year: 2029, Value: ptr(600), Numerator: ptr(6000), Denominator: ptr(10000)},
			},
		},
		{
			Code:     "KP-4",
			Baseline: Baseline{Value: ptr(87), Numerator: ptr(870_400), Denominator: ptr(10_000), Year: 2026, Source: "Отчеты ПОШ за 2026 год"},
			Targets:  []Target{{Year: 2027, Value: ptr(120)}, {Year: 2028, Value: ptr(150)}, {Year: 2029, Value: ptr(200)}},
		},
	}
}

func TestValidateIndicatorsAcceptsValid(t *testing.T) {
	if err := mustCatalogue(t).ValidateIndicators(grantYears, validFramework()); err != nil {
		t.Fatal(err)
	}
}

// Percentages are checked against round half up of numerator ÷ denominator, to a tenth of a percent.
func TestValidateIndicatorsPercentageRounding(t *testing.T) {
	tests := []struct {
		num, den, value int64
		ok              bool
	}{
		{1, 3, 333, true},
		{2, 3, 667, true},
		{2, 3, 666, false}, // truncated, not rounded
		{1, 2000, 1, true}, // 0.05% rounds up
		{1, 2000, 0, false},
		{1, 2001, 0, true},
		{2469, 20000, 123, true}, // 12.345% → 12.3
		{2469, 20000, 124, false},
		{1999, 2000, 1000, true}, // 99.95% → 100.0
		{0, 5, 0, true},
		{5, 5, 1000, true},
	}
	c := mustCatalogue(t)
	for _, tt := range tests {
		f := validFramework()
		f[0].Targets[1] = Target{Year: 2028, Value: ptr(tt.value), Numerator: ptr(tt.num), Denominator: ptr(tt.den)}
		err := c.ValidateIndicators(grantYears, f)
		if tt.ok && err != nil {
			t.Errorf("%d/%d = %d tenths should pass: %v", tt.num, tt.den, tt.value, err)
		}
		if !tt.ok {
			assertProblem(t, err, "indicators[0].targets[1].value", "(value is in tenths of a percent")
		}
	}
}

func TestValidateIndicatorsNamesEveryProblem(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(f []IndicatorEntry) []IndicatorEntry
		field     string
		wantInMsg string
	}{
		{"too many", func(f []IndicatorEntry) []IndicatorEntry { return make([]IndicatorEntry, 101) }, "indicators", "has 101 entries"},
		{"no code", func(f []IndicatorEntry) []IndicatorEntry { f[1].Code = ""; return f }, "indicators[1].code", "is required"},
		{"unverified code", func(f []IndicatorEntry) []IndicatorEntry { f[1].Code = "KP-8"; return f }, "indicators[1].code", `"KP-8" is not an indicator`},
		{"listed twice", func(f []IndicatorEntry) []IndicatorEntry { f[1].Code = "KP-1d"; return f }, "indicators[1].code", "KP-1d is listed twice"},
		{"baseline year implausible", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Year = 0; return f }, "indicators[0].baseline.year", "0 is not a year"},
		{"baseline after grant start", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Year = 2028; return f }, "indicators[0].baseline.year", "after the first grant year 2027"},
		{"no source", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Source = ""; return f }, "indicators[0].baseline.source", "is required"},
		{"long source", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Source = strings.Repeat("s", 301); return f }, "indicators[0].baseline.source", "the limit is 300"},
		{"no targets", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets = nil; return f }, "indicators[1].targets", "at least one grant year"},
		{"target outside grant", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[2].Year = 2030; return f }, "indicators[1].targets[2].year", "2030 is not a grant year of this budget [2027 2028 2029]"},
		{"two targets one year", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[2].Year = 2027; return f }, "indicators[1].targets[2].year", "2027 already has a target"},
		{"percentage without numerator", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[0].Numerator = nil; return f }, "indicators[0].targets[0].numerator", "is required"},
		{"percentage without denominator", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Denominator = nil; return f }, "indicators[0].baseline.denominator", "is required"},
		{"percentage without value", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[2].Value = nil; return f }, "indicators[0].targets[2].value", "is required"},
		{"zero denominator", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[0].Denominator = ptr(0); return f }, "indicators[0].targets[0].denominator", "more than zero"},
		{"negative numerator", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[0].Numerator = ptr(-1); return f }, "indicators[0].targets[0].numerator", "is negative"},
		{"over 100%", func(f []IndicatorEntry) []IndicatorEntry {
			f[0].Targets[0] = Target{Year: 2027, Value: ptr(1000), Numerator: ptr(11), Denominator: ptr(10)}
			return f
		}, "indicators[0].targets[0].numerator", "cannot pass 100%"},
		{"value over 100%", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[0].Value = ptr(1001); return f }, "indicators[0].targets[0].value", "is 100.1%; a percentage is between 0.0 and 100.0"},
		{"negative percentage", func(f []IndicatorEntry) []IndicatorEntry { f[0].Targets[0].Value = ptr(-1); return f }, "indicators[0].targets[0].value", "between 0.0 and 100.0"},
		{"value disagrees", func(f []IndicatorEntry) []IndicatorEntry { f[0].Baseline.Value = ptr(42); return f }, "indicators[0].baseline.value", "is 4.2% but 4230 ÷ 10000 is 42.3%"},
		{"negative count", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[0].Value = ptr(-5); return f }, "indicators[1].targets[0].value", "counts are zero or more"},
		{"count without value", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[0].Value = nil; return f }, "indicators[1].targets[0].value", "is required"},
		{"count ratio disagrees", func(f []IndicatorEntry) []IndicatorEntry { f[1].Baseline.Value = ptr(88); return f }, "indicators[1].baseline.value", "is 88 but 870400 ÷ 10000 rounds to 87"},
		{"count numerator alone", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[0].Numerator = ptr(3); return f }, "indicators[1].targets[0].denominator", "is required with a numerator"},
		{"count denominator alone", func(f []IndicatorEntry) []IndicatorEntry { f[1].Targets[0].Denominator = ptr(3); return f }, "indicators[1].targets[0].numerator", "is required with a denominator"},
	}
	c := mustCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertProblem(t, c.ValidateIndicators(grantYears, tt.edit(validFramework())), tt.field, tt.wantInMsg)
		})
	}
}
