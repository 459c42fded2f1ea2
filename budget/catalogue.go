// Package budget checks and sums the budget and performance framework of a Global Fund funding request
// for programmes with people who inject drugs: modules × interventions × cost groupings per grant year, in
// integer minor units of one currency, with the indicators and targets that go with them.
//
// Everything here is plain data and arithmetic, without storage or HTTP, so that the API, the web pages
// and the PDF renderer all get the same totals to the last minor unit.
package budget

import (
	_ "embed"
	"fmt"
	"sync"

	"iduit/internal/yamldata"
)

//go:embed catalogue.yaml
var catalogueYAML []byte

// Text is one human-readable name in each language the project writes in.
type Text struct {
	En string `yaml:"en" json:"en"`
	Ru string `yaml:"ru" json:"ru"`
}

// In returns the text in lang, falling back to English so a label is never blank.
func (t Text) In(lang string) string {
	if lang == "ru" && t.Ru != "" {
		return t.Ru
	}
	return t.En
}

// Confidence says how sure the project is that a name or code is the Global Fund's own wording:
// ConfidenceSure, ConfidenceLikely or ConfidenceUnsure (domain reference marks). Empty means sure: the
// 2017–2019 entries predate the marks and are all taken from the reference's sure list.
type Confidence string

// The confidence marks of the domain reference.
const (
	ConfidenceSure   Confidence = "sure"
	ConfidenceLikely Confidence = "likely"
	// ConfidenceUnsure names are this project's reconstruction: users see them labelled as its summary.
	ConfidenceUnsure Confidence = "unsure"
)

// Unsure reports whether a name must be shown as this tool's summary rather than the Global Fund's wording.
func (c Confidence) Unsure() bool { return c == ConfidenceUnsure }

// summaryLabel is appended to unsure names wherever users see them.
var summaryLabel = Text{En: " (this tool's summary)", Ru: " (краткое изложение этого инструмента)"}

// Labelled returns a catalogue name in every language, marked as this tool's summary when its wording is
// unsure: the form in which totals, findings and the PDF carry names.
func Labelled(name Text, c Confidence) Text {
	if !c.Unsure() {
		return name
	}
	return Text{En: name.En + summaryLabel.En, Ru: name.Ru + summaryLabel.Ru}
}

// Label returns a catalogue name in lang, marked as this tool's summary when its wording is unsure, so
// that no unverified name is presented as the Global Fund's.
func Label(name Text, c Confidence, lang string) string {
	return Labelled(name, c).In(lang)
}

// DefaultCycle is the modular-framework cycle of proposals whose template names none: the framework the
// first templates were written for.
const DefaultCycle = "2017-2019"

// Cycle is one version of the Global Fund's modular framework.
type Cycle struct {
	Key  string `yaml:"key" json:"key"`
	Name Text   `yaml:"name" json:"name"`
}

// Module is a Global Fund module: the first level of every budget line.
type Module struct {
	Key string `yaml:"key" json:"key"`
	// Cycle is the key of the modular-framework cycle the module belongs to.
	Cycle         string         `yaml:"cycle" json:"cycle"`
	Confidence    Confidence     `yaml:"confidence,omitempty" json:"confidence,omitempty"`
	Name          Text           `yaml:"name" json:"name"`
	Interventions []Intervention `yaml:"interventions" json:"interventions"`
}

// Intervention is the second level of a budget line; its flags feed the community-led and human-rights
// shares of the summary, and its chapter ties the money back to the IDUIT.
type Intervention struct {
	Key          string     `yaml:"key" json:"key"`
	Confidence   Confidence `yaml:"confidence,omitempty" json:"confidence,omitempty"`
	Name         Text       `yaml:"name" json:"name"`
	IDUITChapter int        `yaml:"iduit_chapter" json:"iduit_chapter"`
	CommunityLed bool       `yaml:"community_led,omitempty" json:"community_led"`
	HumanRights  bool       `yaml:"human_rights,omitempty" json:"human_rights"`
}

// CostGrouping is one of the Global Fund's budget cost groupings, the third level of a budget line.
type CostGrouping struct {
	Number int    `yaml:"number" json:"number"`
	Key    string `yaml:"key" json:"key"`
	Name   Text   `yaml:"name" json:"name"`
	// Confidence is "sure" or "likely", as the domain reference marks the grouping's name.
	Confidence string `yaml:"confidence" json:"confidence"`
}

// IndicatorKind says how an indicator's values are checked.
type IndicatorKind string

// The indicator kinds.
const (
	// KindPercentage values are tenths of a percent and carry their numerator and denominator.
	KindPercentage IndicatorKind = "percentage"
	// KindCount values are whole numbers, optionally a rounded numerator ÷ denominator (KP-4).
	KindCount IndicatorKind = "count"
)

// IndicatorType is the level of the results chain an indicator measures.
type IndicatorType string

// The indicator types of the Global Fund performance framework.
const (
	// TypeImpact indicators measure the epidemic itself (HIV I-11), so they measure no single intervention.
	TypeImpact IndicatorType = "impact"
	// TypeOutcome indicators measure behaviour that services aim to change (HIV O-6, HIV O-9).
	TypeOutcome IndicatorType = "outcome"
	// TypeCoverage indicators count people or items reached; only they belong in the programmatic gap table.
	TypeCoverage IndicatorType = "coverage"
)

// Indicator is an indicator a network may put in its performance framework.
type Indicator struct {
	Code       string        `yaml:"code" json:"code"`
	Name       Text          `yaml:"name" json:"name"`
	Definition Text          `yaml:"definition" json:"definition"`
	Confidence Confidence    `yaml:"confidence,omitempty" json:"confidence,omitempty"`
	Kind       IndicatorKind `yaml:"kind" json:"kind"`
	Type       IndicatorType `yaml:"type" json:"type"`
	// Interventions are the keys of the interventions whose results this indicator measures.
	Interventions []string `yaml:"interventions" json:"interventions"`
	// ReclassifiedFrom is the type an earlier catalogue gave the indicator, so that data saved under
	// it (a KP-5 row in a gap table) still reads.
	ReclassifiedFrom IndicatorType `yaml:"reclassified_from,omitempty" json:"reclassified_from,omitempty"`
}

// WorkplanMeasure is a workplan tracking measure: milestones with due dates for an intervention that has
// no coverage indicator (community-led monitoring, advocacy, human rights, capacity).
type WorkplanMeasure struct {
	Key string `yaml:"key" json:"key"`
	// Intervention is the key of the one intervention the measure tracks.
	Intervention string      `yaml:"intervention" json:"intervention"`
	Confidence   Confidence  `yaml:"confidence,omitempty" json:"confidence,omitempty"`
	Name         Text        `yaml:"name" json:"name"`
	Milestones   []Milestone `yaml:"milestones" json:"milestones"`
}

// Milestone is one step of a workplan tracking measure and when it is suggested to be reached.
type Milestone struct {
	// Quarter counts quarters from the grant's start (1 = its first three months); a proposal turns it
	// into a date once its grant period is known.
	Quarter int  `yaml:"quarter" json:"quarter"`
	Name    Text `yaml:"name" json:"name"`
}

// Catalogue is the reference data budgets are checked against. It is read-only after Load, so one value
// is shared by every request.
type Catalogue struct {
	Cycles           []Cycle           `yaml:"cycles" json:"cycles"`
	Modules          []Module          `yaml:"modules" json:"modules"`
	WorkplanMeasures []WorkplanMeasure `yaml:"workplan_measures" json:"workplan_measures"`
	CostGroupings    []CostGrouping    `yaml:"cost_groupings" json:"cost_groupings"`
	Indicators       []Indicator       `yaml:"indicators" json:"indicators"`

	modules       map[string]int
	interventions map[string]interventionRef
	costGroupings map[string]int
	indicators    map[string]int
	// flat lists every intervention in catalogue order, so sums can use slices instead of maps.
	flat []interventionRef
}

// interventionRef locates an intervention: Modules[module].Interventions[index], flat[flat].
type interventionRef struct{ module, index, flat int }

var embedded = sync.OnceValues(func() (*Catalogue, error) { return Load(catalogueYAML) })

// Embedded returns the catalogue shipped in the binary, parsed and checked once per process.
func Embedded() (*Catalogue, error) { return embedded() }

// Load parses and checks a catalogue. Unknown keys and every inconsistency are errors naming their path,
// so a bad edit stops the start-up rather than a user's budget.
func Load(data []byte) (*Catalogue, error) {
	var c Catalogue
	if err := yamldata.Decode(data, &c); err != nil {
		return nil, fmt.Errorf("budget catalogue: %w", err)
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("budget catalogue: %w", err)
	}
	c.index()
	return &c, nil
}

func (c *Catalogue) index() {
	c.modules = make(map[string]int, len(c.Modules))
	c.interventions = map[string]interventionRef{}
	for m := range c.Modules {
		c.modules[c.Modules[m].Key] = m
		for i := range c.Modules[m].Interventions {
			ref := interventionRef{module: m, index: i, flat: len(c.flat)}
			c.flat = append(c.flat, ref)
			c.interventions[c.Modules[m].Interventions[i].Key] = ref
		}
	}
	c.costGroupings = make(map[string]int, len(c.CostGroupings))
	for i, g := range c.CostGroupings {
		c.costGroupings[g.Key] = i
	}
	c.indicators = make(map[string]int, len(c.Indicators))
	for i, ind := range c.Indicators {
		c.indicators[ind.Code] = i
	}
}

// Module returns the module with the given key.
func (c *Catalogue) Module(key string) (*Module, bool) {
	i, ok := c.modules[key]
	if !ok {
		return nil, false
	}
	return &c.Modules[i], true
}

// Intervention returns the intervention with the given key and the key of the module it belongs to;
// intervention keys are unique across modules so indicators can name them alone.
func (c *Catalogue) Intervention(key string) (*Intervention, string, bool) {
	ref, ok := c.interventions[key]
	if !ok {
		return nil, "", false
	}
	return c.at(ref), c.Modules[ref.module].Key, true
}

func (c *Catalogue) at(ref interventionRef) *Intervention {
	return &c.Modules[ref.module].Interventions[ref.index]
}

// Cycle returns the modular-framework cycle with the given key.
func (c *Catalogue) Cycle(key string) (*Cycle, bool) {
	for i := range c.Cycles {
		if c.Cycles[i].Key == key {
			return &c.Cycles[i], true
		}
	}
	return nil, false
}

// ModulesIn returns the modules of one cycle, in catalogue order, for the choices a proposal is offered;
// an empty cycle means DefaultCycle. Budget lines are still validated against every cycle, so a saved
// budget never breaks when the choices change.
func (c *Catalogue) ModulesIn(cycle string) []Module {
	if cycle == "" {
		cycle = DefaultCycle
	}
	var out []Module
	for _, m := range c.Modules {
		if m.Cycle == cycle {
			out = append(out, m)
		}
	}
	return out
}

// WorkplanMeasuresFor returns the workplan tracking measures suggested for an intervention.
func (c *Catalogue) WorkplanMeasuresFor(intervention string) []WorkplanMeasure {
	var out []WorkplanMeasure
	for _, w := range c.WorkplanMeasures {
		if w.Intervention == intervention {
			out = append(out, w)
		}
	}
	return out
}

// CostGrouping returns the cost grouping with the given key.
func (c *Catalogue) CostGrouping(key string) (*CostGrouping, bool) {
	i, ok := c.costGroupings[key]
	if !ok {
		return nil, false
	}
	return &c.CostGroupings[i], true
}

// Indicator returns the indicator with the given code, such as "KP-4".
func (c *Catalogue) Indicator(code string) (*Indicator, bool) {
	i, ok := c.indicators[code]
	if !ok {
		return nil, false
	}
	return &c.Indicators[i], true
}
