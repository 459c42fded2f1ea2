package budget

import (
	"regexp"
	"strings"
	"testing"
)

func TestEmbeddedCatalogueLoads(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatalf("shipped catalogue does not load: %v", err)
	}
	if len(c.ModulesIn(DefaultCycle)) != 3 || len(c.ModulesIn("gc7")) != 6 || len(c.CostGroupings) != 13 || len(c.Indicators) != 11 {
		t.Fatalf("got %d 2017–2019 modules, %d GC7 modules, %d cost groupings, %d indicators",
			len(c.ModulesIn(DefaultCycle)), len(c.ModulesIn("gc7")), len(c.CostGroupings), len(c.Indicators))
	}
	again, _ := Embedded()
	if again != c {
		t.Fatal("the embedded catalogue should be parsed once and shared")
	}
}

// The PWID module must list the 2017–2019 interventions exactly as the domain reference does.
func TestPWIDModuleMatchesDomainReference(t *testing.T) {
	c := mustCatalogue(t)
	m, ok := c.Module("pwid-prevention")
	if !ok {
		t.Fatal("the PWID module is missing")
	}
	if want := "Comprehensive prevention programs for people who inject drugs (PWID) and their partners"; m.Name.En != want {
		t.Errorf("module name %q, want %q", m.Name.En, want)
	}
	want := "community empowerment; addressing stigma, discrimination and violence; behavioural interventions; " +
		"condoms and lubricant programming; overdose prevention and management; HIV testing services; " +
		"diagnosis and treatment of STIs and other sexual health services; needle and syringe programs; " +
		"opioid substitution therapy and other drug dependence treatment; prevention and management of " +
		"co-infections and co-morbidities; interventions for young PWID; other"
	var got []string
	for _, iv := range m.Interventions {
		got = append(got, iv.Name.En)
	}
	// Only the capital letter that starts each name differs from the reference's running text.
	if !strings.EqualFold(strings.Join(got, "; "), want) {
		t.Errorf("interventions\n got: %s\nwant: %s", strings.Join(got, "; "), want)
	}
}

func TestCatalogueTextsAreBilingual(t *testing.T) {
	c := mustCatalogue(t)
	cyrillic := regexp.MustCompile(`\p{Cyrillic}`)
	check := func(where string, text Text) {
		if text.En == "" || !cyrillic.MatchString(text.Ru) {
			t.Errorf("%s: want English and Russian, got %+v", where, text)
		}
	}
	for _, m := range c.Modules {
		check(m.Key, m.Name)
		for _, iv := range m.Interventions {
			check(iv.Key, iv.Name)
		}
	}
	for _, g := range c.CostGroupings {
		check(g.Key, g.Name)
	}
	for _, ind := range c.Indicators {
		check(ind.Code+" name", ind.Name)
		check(ind.Code+" definition", ind.Definition)
	}
}

// Only the codes the domain reference marks sure may be marked sure; every other indicator is this
// tool's own and must say so, so that users see its name labelled as a summary.
func TestCatalogueMarksIndicatorCodesByConfidence(t *testing.T) {
	c := mustCatalogue(t)
	sure := map[string]bool{"HIV I-11": true, "HIV O-6": true, "HIV O-9": true, "KP-1d": true, "KP-3d": true, "KP-4": true, "KP-5": true}
	for _, ind := range c.Indicators {
		if sure[ind.Code] != (ind.Confidence == ConfidenceSure) {
			t.Errorf("%s is marked %q; the domain reference marks it sure: %v", ind.Code, ind.Confidence, sure[ind.Code])
		}
		if !sure[ind.Code] && !ind.Confidence.Unsure() {
			t.Errorf("%s has no verified code, so it must be unsure, not %q", ind.Code, ind.Confidence)
		}
	}
	for _, code := range []string{"OST-C", "NLX-1", "HCV-T", "HCV-R"} {
		if _, ok := c.Indicator(code); !ok {
			t.Errorf("the %s measure (OST coverage, naloxone, hepatitis C) is missing", code)
		}
	}
}

// Retention on OST measures what happens to people already reached: an outcome, never coverage, so it
// must stay out of the programmatic gap table.
func TestKP5IsAnOutcome(t *testing.T) {
	c := mustCatalogue(t)
	kp5, _ := c.Indicator("KP-5")
	if kp5.Type != TypeOutcome {
		t.Fatalf("KP-5 is %q, want outcome", kp5.Type)
	}
	if ost, _ := c.Indicator("OST-C"); ost.Type != TypeCoverage {
		t.Fatalf("OST coverage is %q, want coverage", ost.Type)
	}
}

// Issue 14 names the GC7 modules a harm-reduction request needs; each must be in the gc7 cycle, every
// GC7 entry must carry a confidence mark, and work without a coverage indicator needs milestones.
func TestGC7CycleHasTheHarmReductionModules(t *testing.T) {
	c := mustCatalogue(t)
	for _, key := range []string{"gc7-pwid-prevention", "gc7-human-rights-barriers", "gc7-rssh-css", "gc7-prep", "gc7-prisons", "gc7-program-management"} {
		m, ok := c.Module(key)
		if !ok || m.Cycle != "gc7" {
			t.Errorf("module %s missing from the gc7 cycle", key)
		}
	}
	for _, m := range c.ModulesIn("gc7") {
		if m.Confidence == "" {
			t.Errorf("GC7 module %s has no confidence mark", m.Key)
		}
		for _, iv := range m.Interventions {
			if iv.Confidence == "" {
				t.Errorf("GC7 intervention %s has no confidence mark", iv.Key)
			}
		}
	}
	for _, key := range []string{"gc7-css-clm", "gc7-css-advocacy-research", "gc7-hr-legal-services"} {
		if len(c.WorkplanMeasuresFor(key)) == 0 {
			t.Errorf("%s has no workplan tracking measure", key)
		}
	}
	if _, ok := c.Cycle("gc7"); !ok {
		t.Error("the gc7 cycle is not named")
	}
}

func TestUnsureNamesAreLabelledAsSummary(t *testing.T) {
	name := Text{En: "Needle and syringe programs for PWID", Ru: "ПОШ для ЛУИН"}
	if got := Label(name, ConfidenceUnsure, "en"); got != "Needle and syringe programs for PWID (this tool's summary)" {
		t.Errorf("unsure en label %q", got)
	}
	if got := Label(name, ConfidenceUnsure, "ru"); !strings.Contains(got, "краткое изложение этого инструмента") {
		t.Errorf("unsure ru label %q", got)
	}
	if got := Label(name, ConfidenceLikely, "en"); got != name.En {
		t.Errorf("likely label %q should be the name alone", got)
	}
}

const validCatalogue = `cycles:
  - {key: "2017-2019", name: {en: Old, ru: Старый}}
modules:
  - key: m
    cycle: "2017-2019"
    name: {en: Module, ru: Модуль}
    interventions:
      - {key: a, name: {en: A, ru: А}, iduit_chapter: 1, community_led: true}
cost_groupings:
` + groupings + `indicators:
  - code: KP-4
    name: {en: N, ru: Н}
    definition: {en: D, ru: О}
    kind: count
    type: coverage
    interventions: [a]
workplan_measures:
  - key: w
    intervention: a
    confidence: unsure
    name: {en: W, ru: В}
    milestones:
      - {quarter: 2, name: {en: M1, ru: М1}}
      - {quarter: 4, name: {en: M2, ru: М2}}
`

const groupings = `  - {number: 1, key: g1, confidence: sure, name: {en: G, ru: Г}}
  - {number: 2, key: g2, confidence: sure, name: {en: G, ru: Г}}
  - {number: 3, key: g3, confidence: sure, name: {en: G, ru: Г}}
  - {number: 4, key: g4, confidence: sure, name: {en: G, ru: Г}}
  - {number: 5, key: g5, confidence: sure, name: {en: G, ru: Г}}
  - {number: 6, key: g6, confidence: sure, name: {en: G, ru: Г}}
  - {number: 7, key: g7, confidence: sure, name: {en: G, ru: Г}}
  - {number: 8, key: g8, confidence: sure, name: {en: G, ru: Г}}
  - {number: 9, key: g9, confidence: sure, name: {en: G, ru: Г}}
  - {number: 10, key: g10, confidence: sure, name: {en: G, ru: Г}}
  - {number: 11, key: g11, confidence: sure, name: {en: G, ru: Г}}
  - {number: 12, key: g12, confidence: sure, name: {en: G, ru: Г}}
  - {number: 13, key: g13, confidence: likely, name: {en: G, ru: Г}}
`

func TestLoadRejectsBadCatalogues(t *testing.T) {
	tests := []struct {
		name, old, new, wantErr string
	}{
		{"unknown cycle", `cycle: "2017-2019"`, "cycle: c2", `modules[0] (key "m").cycle: "c2" is not a cycle`},
		{"no default cycle", `{key: "2017-2019"`, "{key: c0", `the default cycle "2017-2019" is required`},
		{"bad confidence mark", "kind: count", "kind: count\n    confidence: maybe", `indicators[0] (code "KP-4").confidence: "maybe"`},
		{"measure of unknown intervention", "intervention: a", "intervention: z", `workplan_measures[0] (key "w").intervention: "z" is not an intervention`},
		{"milestones out of order", "quarter: 4", "quarter: 1", `milestones[1].quarter: 1 must be 1-16 and not before`},
		{"unknown field", "kind: count", "kind: count\n    colour: red", "field colour not found"},
		{"chapter out of range", "iduit_chapter: 1", "iduit_chapter: 6", `modules[0] (key "m").interventions[0] (key "a").iduit_chapter: 6 is not an IDUIT chapter`},
		{"missing russian", "{en: A, ru: А}", "{en: A}", `interventions[0] (key "a").name.ru: is missing`},
		{"bad key", "key: m\n", "key: M\n", `modules[0] (key "M").key: "M" must be lowercase`},
		{"duplicate intervention", "community_led: true}", "community_led: true}\n      - {key: a, name: {en: A, ru: А}, iduit_chapter: 2}", `interventions[1] (key "a").key: "a" is used twice`},
		{"twelve groupings", "  - {number: 13, key: g13, confidence: likely, name: {en: G, ru: Г}}\n", "", "cost_groupings: has 12 groupings"},
		{"grouping out of order", "number: 2,", "number: 3,", `cost_groupings[1] (key "g2").number: is 3`},
		{"bad confidence", "confidence: likely", "confidence: maybe", `cost_groupings[12] (key "g13").confidence: "maybe"`},
		{"bad kind", "kind: count", "kind: ratio", `indicators[0] (code "KP-4").kind: "ratio" must be percentage or count`},
		{"bad type", "type: coverage", "type: output", `indicators[0] (code "KP-4").type: "output"`},
		{"unknown intervention", "interventions: [a]", "interventions: [b]", `indicators[0] (code "KP-4").interventions[0]: "b" is not an intervention`},
		{"coverage without intervention", "interventions: [a]", "interventions: []", "name the interventions this coverage indicator measures"},
		{"no code", "code: KP-4", `code: ""`, "indicators[0] (code \"\").code: is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := strings.Replace(validCatalogue, tt.old, tt.new, 1)
			if body == validCatalogue {
				t.Fatalf("edit %q did not apply", tt.old)
			}
			_, err := Load([]byte(body))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadValidCatalogue(t *testing.T) {
	c, err := Load([]byte(validCatalogue))
	if err != nil {
		t.Fatal(err)
	}
	iv, module, ok := c.Intervention("a")
	if !ok || module != "m" || !iv.CommunityLed {
		t.Fatalf("intervention a: %+v in %q", iv, module)
	}
	if _, ok := c.CostGrouping("g13"); !ok {
		t.Fatal("cost grouping g13 is missing")
	}
	if ind, ok := c.Indicator("KP-4"); !ok || ind.Kind != KindCount {
		t.Fatalf("indicator KP-4: %+v", ind)
	}
	if _, ok := c.Module("x"); ok {
		t.Fatal("module x should not exist")
	}
	if (Text{En: "e", Ru: "р"}).In("ru") != "р" || (Text{En: "e"}).In("ru") != "e" {
		t.Fatal("Text.In should pick Russian and fall back to English")
	}
}

func mustCatalogue(t testing.TB) *Catalogue {
	t.Helper()
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
