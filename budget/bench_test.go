package budget

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkSummary validates and sums a 2,000-line budget, four times the size of a large real one;
// the target is well under 10 ms per call. Figures are recorded in PERFORMANCE.md, not asserted.
func BenchmarkSummary(b *testing.B) {
	c := mustCatalogue(b)
	budget := generateBudget(c, 2000, rand.New(rand.NewPCG(2027, 2000)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Summarize(budget); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCrossCheck runs the cross-checks on the same budget with a full framework.
func BenchmarkCrossCheck(b *testing.B) {
	c := mustCatalogue(b)
	budget := generateBudget(c, 2000, rand.New(rand.NewPCG(2027, 2000)))
	framework := validFramework()
	b.ReportAllocs()
	for b.Loop() {
		_ = c.CrossCheck(budget, framework, 1)
	}
}
