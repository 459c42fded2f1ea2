package export

import "encoding/json"

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
	Module       string `json:"module"`
	Intervention string `json:"intervention"`
	CostGrouping string `json:"cost_grouping"`
	// Description is a text value like the records' below: a string in a proposal in one language (and
	// in every budget saved before descriptions were bilingual, read as the working language's), an
	// object {"en": …, "ru": …} in a bilingual one.
	Description json.RawMessage `json:"description"`
	// Implementer is the organisation that carries the line out; absent in budgets saved before it existed.
	Implementer string  `json:"implementer,omitempty"`
	Amounts     []int64 `json:"amounts"`
	UnitCost    *int64  `json:"unit_cost,omitempty"`
	Quantity    *int64  `json:"quantity,omitempty"`
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

// Text values in the parts below are stored as section text fields are: a JSON string in a proposal
// written in one language, an object {"en": …, "ru": …} in a bilingual one (domain.TextValue).

// InterventionsBody is the JSON of a proposal's intervention records: what the request asks for,
// intervention by intervention. Costs are not stored: they are computed from the budget and PAAR amounts.
type InterventionsBody struct {
	Records []InterventionRecord `json:"records"`
}

// InterventionRecord is one intervention of the modular framework as this request describes it.
type InterventionRecord struct {
	ID                  string          `json:"id"`
	Module              string          `json:"module"`
	Intervention        string          `json:"intervention"`
	KeyActivities       json.RawMessage `json:"key_activities,omitempty"`
	PriorityPopulations json.RawMessage `json:"priority_populations,omitempty"`
	Geographies         json.RawMessage `json:"geographies,omitempty"`
	Barriers            json.RawMessage `json:"barriers,omitempty"`
	Rationale           json.RawMessage `json:"rationale,omitempty"`
	Implementers        []string        `json:"implementers"`
	// FundingStatus is allocation, paar or not_included.
	FundingStatus string          `json:"funding_status"`
	Reason        json.RawMessage `json:"reason,omitempty"`
	// PAARAmount is the above-allocation request for a record with funding status paar, in minor units
	// of the proposal's currency.
	PAARAmount int64 `json:"paar_amount,omitempty"`
}

// PrioritiesBody is the JSON of a proposal's community priorities.
type PrioritiesBody struct {
	Priorities []Priority `json:"priorities"`
}

// Priority is one community priority and what the CCM did with it.
type Priority struct {
	ID          string          `json:"id"`
	Title       json.RawMessage `json:"title"`
	Description json.RawMessage `json:"description,omitempty"`
	Populations json.RawMessage `json:"populations,omitempty"`
	Evidence    json.RawMessage `json:"evidence,omitempty"`
	// Status is allocation, paar or not_included.
	Status string          `json:"status"`
	Reason json.RawMessage `json:"reason,omitempty"`
	// Interventions are the ids of the intervention records the priority maps to.
	Interventions []string `json:"interventions"`
}

// SettingsBody is the JSON of a proposal's country and cycle settings: the one owner of the currency
// and the allocation amount.
type SettingsBody struct {
	CCMName             string   `json:"ccm_name"`
	CCMAbbreviation     string   `json:"ccm_abbreviation"`
	PrincipalRecipients []string `json:"principal_recipients"`
	Currency            string   `json:"currency"`
	AllocationAmount    int64    `json:"allocation_amount"`
	ApplicationApproach string   `json:"application_approach"`
	Pathway             string   `json:"pathway"`
	ReviewWindow        string   `json:"review_window"`
	// TargetSharePercent is the share of the budget, 0–100, the owner aims to give community-led and
	// human-rights interventions; the charts draw it as a target line. Absent: no line.
	TargetSharePercent *int `json:"target_share_percent,omitempty"`
}

// CCMProcessBody is the JSON of a proposal's evidence of the CCM process: consultations and endorsement.
type CCMProcessBody struct {
	Consultations []Consultation `json:"consultations"`
	Endorsement   Endorsement    `json:"endorsement"`
}

// Consultation is one consultation held while preparing the request.
type Consultation struct {
	Date              string             `json:"date"`
	Place             string             `json:"place"`
	Participants      []ParticipantGroup `json:"participants"`
	ParticipantsTotal int                `json:"participants_total"`
	Outcome           json.RawMessage    `json:"outcome,omitempty"`
}

// ParticipantGroup is how many people of one group took part in a consultation.
type ParticipantGroup struct {
	Group string `json:"group"`
	Count int    `json:"count"`
}

// Endorsement is the CCM meeting that endorsed the request and who signed it.
type Endorsement struct {
	MeetingDate      string      `json:"meeting_date,omitempty"`
	MinutesReference string      `json:"minutes_reference,omitempty"`
	Signatories      []Signatory `json:"signatories"`
}

// Signatory is one person who signs the endorsement.
type Signatory struct {
	// Role is chair, civil_society_representative or government_representative.
	Role string `json:"role"`
	Name string `json:"name"`
	// Constituency is the sector the person represents: government, civil_society or other.
	Constituency string `json:"constituency"`
}
