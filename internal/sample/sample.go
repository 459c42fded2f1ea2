// Package sample makes proposal exports of a chosen size for tests and benchmarks of the things built
// from an export (the annexes, the submission package): a budget of n valid lines, a performance
// framework of n rows, and a template's sections answered at length in one or both languages.
package sample

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"iduit/budget"
	"iduit/export"
	"iduit/templates"
)

// Size says how big an export to make.
type Size struct {
	// Lines are budget lines over three grant years; valid, so the PDF's budget summary adds them up.
	Lines int
	// Indicators and Gaps are performance-framework and gap-table rows, cycling through the catalogue's
	// codes (the workbook does not validate, so codes may repeat).
	Indicators, Gaps int
	// Template, when set, has every text field of its sections answered with Words words.
	Template *templates.Template
	Words    int
	// Bilingual answers in English and Russian.
	Bilingual bool
}

// When is every sample's last change.
var When = time.Date(2027, 3, 1, 12, 30, 0, 0, time.UTC)

// Export makes a proposal export of the given size.
func Export(cat *budget.Catalogue, size Size) export.Document {
	years := []int{2027, 2028, 2029}
	bud := export.BudgetBody{Currency: "KGS", Years: years, AllocationCeiling: 1_000_000_00, Lines: lines(cat, size.Lines, size.Bilingual)}
	var fw export.FrameworkBody
	for i := range size.Indicators {
		ind := cat.Indicators[i%len(cat.Indicators)]
		v := int64(400 + i)
		e := export.Indicator{Code: ind.Code, Baseline: export.Baseline{Value: &v, Year: 2025, Source: "IBBS 2025, Ministry of Health"}}
		for _, y := range years {
			tv := v + int64(y-2026)*10
			e.Targets = append(e.Targets, export.Target{Year: y, Value: &tv})
		}
		fw.Indicators = append(fw.Indicators, e)
	}
	for i := range size.Gaps {
		ind := cat.Indicators[i%len(cat.Indicators)]
		fw.Gaps = append(fw.Gaps, export.GapRow{Indicator: ind.Code, Year: years[i%3], Need: 10_000, CoveredByOthers: 2_500, ThisRequest: 4_000 + int64(i)})
	}
	doc := export.Document{Format: export.Format, Version: export.Version,
		Proposal: export.Proposal{ID: "sample", Template: "gf-concept-note-pwid", TemplateVersion: 1,
			Title: "Снижение вреда под руководством сообществ в Оше", Language: "ru", SubmissionLanguage: "ru", Bilingual: size.Bilingual,
			Country: "Кыргызстан", Network: "ENPUD", Status: "draft", CreatedAt: When, UpdatedAt: When},
		Documents: []export.Part{{Kind: "budget", Version: 1, Body: mustJSON(bud)}, {Kind: "indicators", Version: 1, Body: mustJSON(fw)}},
	}
	if tpl := size.Template; tpl != nil {
		doc.Proposal.Template, doc.Proposal.TemplateVersion = tpl.Key, tpl.Version
		for _, s := range tpl.Sections {
			doc.Sections = append(doc.Sections, section(s, size))
		}
	}
	return doc
}

func lines(cat *budget.Catalogue, n int, bilingual bool) []export.BudgetLine {
	var pairs [][2]string
	for _, m := range cat.Modules {
		for _, iv := range m.Interventions {
			pairs = append(pairs, [2]string{m.Key, iv.Key})
		}
	}
	out := make([]export.BudgetLine, n)
	for i := range n {
		p, g := pairs[i%len(pairs)], cat.CostGroupings[i%len(cat.CostGroupings)]
		unit, qty := int64(1_000+i), int64(3*(1+i%7))
		per := unit * qty / 3
		description, _ := json.Marshal(fmt.Sprintf("Аутрич-работник, участок %d", i+1))
		if bilingual {
			description, _ = json.Marshal(map[string]string{"ru": fmt.Sprintf("Аутрич-работник, участок %d", i+1),
				"en": fmt.Sprintf("Outreach worker, area %d", i+1)})
		}
		out[i] = export.BudgetLine{Module: p[0], Intervention: p[1], CostGrouping: g.Key, Description: description,
			Implementer: implementers[i%len(implementers)], Amounts: []int64{per, per + 1, unit*qty - 2*per - 1},
			UnitCost: &unit, Quantity: &qty}
	}
	return out
}

// implementers are the organisations the sample's budget lines name (proper names, written once).
var implementers = []string{"UNDP Kyrgyzstan", "Harm Reduction Network Osh", "Republican Narcology Centre"}

var (
	ru = strings.Fields("сообщество людей употребляющих наркотики получает доступ к услугам снижения вреда и лечению гепатита")
	en = strings.Fields("the community of people who use drugs gains access to harm reduction services and hepatitis treatment")
)

func text(vocabulary []string, n, seed int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocabulary[(i*7+seed)%len(vocabulary)])
		if i%15 == 14 {
			b.WriteByte('.')
		}
	}
	return b.String() + "."
}

func section(s templates.Section, size Size) export.Section {
	fields := map[string]json.RawMessage{}
	for i, f := range s.Fields {
		if f.Type != templates.TypeText && f.Type != templates.TypeLongText {
			continue
		}
		n := size.Words
		if f.WordLimit != nil && f.WordLimit.Hard > 0 {
			n = min(n, f.WordLimit.Hard)
		}
		if size.Bilingual {
			fields[f.Key] = mustJSON(map[string]string{"ru": text(ru, n, i), "en": text(en, n, i)})
		} else {
			fields[f.Key] = mustJSON(text(ru, n, i))
		}
	}
	return export.Section{Key: s.Key, Version: 1, Fields: fields, UpdatedAt: When}
}

func mustJSON(v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

// Reference is the submission package's reference proposal, which its speed targets are set for: the
// bilingual concept note answered at length (about 30 pages of text per language), 2,000 budget lines and
// 200 framework rows, with its template and the budget catalogue.
func Reference(tb testing.TB) (export.Document, *templates.Template, *budget.Catalogue) {
	tb.Helper()
	tpls, err := templates.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	tpl, ok := tpls.Latest("gf-concept-note-pwid")
	if !ok {
		tb.Fatal("no reference template")
	}
	cat, err := budget.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return Export(cat, Size{Lines: 2000, Indicators: 200, Template: tpl, Words: referenceWords, Bilingual: true}), tpl, cat
}

// referenceWords per text answer gives the reference proposal its length.
const referenceWords = 350
