package export

// BudgetBody is the JSON of a proposal's budget document, as stored and as exported. Amounts are integers
// in the currency's minor units.
type BudgetBody struct {
	Currency          string       `json:"currency"`
	Years             []int        `json:"years"`
	AllocationCeiling int64        `json:"allocation_ceiling,omitempty"`
	Lines             []BudgetLine `json:"lines"`
}

// BudgetLine is one line: module × intervention × cost grouping, one amount per grant year.
type BudgetLine struct {
	Module       string  `json:"module"`
	Intervention string  `json:"intervention"`
	CostGrouping string  `json:"cost_grouping"`
	Description  string  `json:"description"`
	Amounts      []int64 `json:"amounts"`
	UnitCost     *int64  `json:"unit_cost,omitempty"`
	Quantity     *int64  `json:"quantity,omitempty"`
}

// FrameworkBody is the JSON of a proposal's performance framework and gap table.
type FrameworkBody struct {
	Indicators []Indicator `json:"indicators"`
	Gaps       []GapRow    `json:"gaps"`
}

// Indicator is one chosen indicator with its baseline and targets. Percentages are in tenths of a percent.
type Indicator struct {
	Code     string   `json:"code"`
	Baseline Baseline `json:"baseline"`
	Targets  []Target `json:"targets"`
}

// Baseline is where an indicator stands before the grant.
type Baseline struct {
	Value       *int64 `json:"value,omitempty"`
	Numerator   *int64 `json:"numerator,omitempty"`
	Denominator *int64 `json:"denominator,omitempty"`
	Year        int    `json:"year"`
	Source      string `json:"source"`
}

// Target is what an indicator should reach in one grant year.
type Target struct {
	Year        int    `json:"year"`
	Value       *int64 `json:"value,omitempty"`
	Numerator   *int64 `json:"numerator,omitempty"`
	Denominator *int64 `json:"denominator,omitempty"`
}

// GapRow is one row of the programmatic gap table as entered.
type GapRow struct {
	Indicator       string `json:"indicator"`
	Year            int    `json:"year"`
	Need            int64  `json:"need"`
	CoveredByOthers int64  `json:"covered_by_others"`
	ThisRequest     int64  `json:"this_request"`
}
