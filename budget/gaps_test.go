package budget

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestProgrammaticGaps(t *testing.T) {
	rows := []GapRow{
		// 25 000 estimated PWID; the state reaches 4 000, this request 9 000.
		{Indicator: "KP-1d", Year: 2027, Need: 25_000, CoveredByOthers: 4_000, ThisRequest: 9_000},
		// Thirds: each part rounds on its own, 33.3 + 33.3 = 66.7 total and 33.3 remaining.
		{Indicator: "KP-3d", Year: 2027, Need: 3, CoveredByOthers: 1, ThisRequest: 1},
		// Exactly at the half: 1/2000 = 0.05% rounds up to 0.1.
		{Indicator: "KP-3d", Year: 2028, Need: 2000, CoveredByOthers: 0, ThisRequest: 1},
		// Fully covered: the gap is zero, never negative.
		{Indicator: "OST-C", Year: 2029, Need: 1200, CoveredByOthers: 1200, ThisRequest: 0},
		// Syringes for 10 000 PWID at 200 a year.
		{Indicator: "KP-4", Year: 2029, Need: 2_000_000, CoveredByOthers: 0, ThisRequest: 1_250_000},
	}
	got, err := mustCatalogue(t).ProgrammaticGaps(grantYears, rows)
	if err != nil {
		t.Fatal(err)
	}
	want := []Gap{
		{rows[0], 12_000, 160, 360, 520, 480},
		{rows[1], 1, 333, 333, 667, 333},
		{rows[2], 1999, 0, 1, 1, 1000},
		{rows[3], 0, 1000, 0, 1000, 0},
		{rows[4], 750_000, 0, 625, 625, 375},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("gaps (-want +got):\n%s", diff)
	}
}

func TestProgrammaticGapsNamesEveryProblem(t *testing.T) {
	ok := GapRow{Indicator: "KP-1d", Year: 2027, Need: 100, CoveredByOthers: 10, ThisRequest: 20}
	tests := []struct {
		name      string
		edit      func(r *GapRow)
		field     string
		wantInMsg string
	}{
		{"no indicator", func(r *GapRow) { r.Indicator = "" }, "gaps[1].indicator", "is required"},
		{"unknown indicator", func(r *GapRow) { r.Indicator = "KP-8" }, "gaps[1].indicator", `"KP-8" is not an indicator`},
		{"outcome indicator", func(r *GapRow) { r.Indicator = "HIV O-6" }, "gaps[1].indicator", "HIV O-6 is an outcome indicator"},
		{"impact indicator", func(r *GapRow) { r.Indicator = "HIV I-11" }, "gaps[1].indicator", "is an impact indicator"},
		{"year outside grant", func(r *GapRow) { r.Year = 2026 }, "gaps[1].year", "2026 is not a grant year"},
		{"same indicator and year", func(r *GapRow) { r.Year = 2027; r.Indicator = "KP-1d" }, "gaps[1].year", "KP-1d already has a row for 2027"},
		{"zero need", func(r *GapRow) { r.Need = 0 }, "gaps[1].need", "more than zero"},
		{"negative others", func(r *GapRow) { r.CoveredByOthers = -1 }, "gaps[1].covered_by_others", "is negative"},
		{"negative request", func(r *GapRow) { r.ThisRequest = -1 }, "gaps[1].this_request", "is negative"},
		{"others above need", func(r *GapRow) { r.CoveredByOthers = 101 }, "gaps[1].covered_by_others", "101 is more than the need 100"},
		{"over-coverage", func(r *GapRow) { r.ThisRequest = 91 }, "gaps[1].this_request", "others 10 + this request 91 > need 100"},
		{"over-coverage by overflow", func(r *GapRow) { r.Need, r.CoveredByOthers, r.ThisRequest = math.MaxInt64, math.MaxInt64, 1 },
			"gaps[1].this_request", "covers more than the need"},
	}
	c := mustCatalogue(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			second := ok
			second.Year = 2028
			tt.edit(&second)
			_, err := c.ProgrammaticGaps(grantYears, []GapRow{ok, second})
			assertProblem(t, err, tt.field, tt.wantInMsg)
		})
	}
	_, err := c.ProgrammaticGaps(grantYears, make([]GapRow, 101))
	assertProblem(t, err, "gaps", "has 101 rows")
}

// KP-5 left the gap table when it became an outcome: a new row is refused, but a table saved before
// still computes, so old proposals open and import.
func TestKP5GapRowsOnlyReadWhenSavedBefore(t *testing.T) {
	c := mustCatalogue(t)
	rows := []GapRow{{Indicator: "KP-5", Year: 2027, Need: 1200, CoveredByOthers: 200, ThisRequest: 300}}
	_, err := c.ProgrammaticGaps(grantYears, rows)
	assertProblem(t, err, "gaps[0].indicator", "KP-5 is an outcome indicator; the gap table is for coverage indicators")
	got, err := c.SavedProgrammaticGaps(grantYears, rows)
	if err != nil || len(got) != 1 || got[0].Remaining != 700 {
		t.Fatalf("saved KP-5 row: %+v, %v", got, err)
	}
	if _, err := c.SavedProgrammaticGaps(grantYears, []GapRow{{Indicator: "HIV O-6", Year: 2027, Need: 10, ThisRequest: 1}}); err == nil {
		t.Fatal("an indicator that was never coverage must stay out of a saved gap table too")
	}
}
