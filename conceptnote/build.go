// Package conceptnote turns a proposal, as the export file holds it, into the concept note the PDF
// renderer prints. The server and `iduit render` both build from the export, so a PDF made offline from an
// export file is the same document the server would send.
package conceptnote

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"iduit/budget"
	"iduit/document"
	"iduit/domain"
	"iduit/export"
	"iduit/templates"
)

// chapterTitles are the IDUIT's five chapters as the domain reference gives them; numbers and titles
// only, never sub-section numbers.
var chapterTitles = map[string][5]string{
	"en": {"Community empowerment", "Law reform, human rights, stigma and discrimination", "Health and support services",
		"Service delivery approaches", "Programme management"},
	"ru": {"Расширение прав и возможностей сообществ", "Реформа законодательства, права человека, стигма и дискриминация",
		"Медицинские услуги и поддержка", "Подходы к предоставлению услуг", "Управление программой"},
}

var words = map[string]map[string]string{
	"en": {"chapter": "IDUIT chapter %d: %s", "component": "HIV", "yes": "Yes"},
	"ru": {"chapter": "Глава IDUIT %d: %s", "component": "ВИЧ", "yes": "Да"},
}

var statusNames = map[string]map[string]string{
	"en": {domain.StatusDraft: "draft", domain.StatusInReview: "in review", domain.StatusChangesRequested: "changes requested", domain.StatusApproved: "approved", domain.StatusFinal: "final"},
	"ru": {domain.StatusDraft: "черновик", domain.StatusInReview: "на рецензии", domain.StatusChangesRequested: "нужны правки", domain.StatusApproved: "одобрено", domain.StatusFinal: "итоговая версия"},
}

// Build makes the concept note in lang from an exported proposal, its pinned template and the budget
// catalogue (for the budget tables). lang must be "en" or "ru".
func Build(doc export.Document, tpl *templates.Template, cat *budget.Catalogue, lang string) document.Document {
	p := doc.Proposal
	out := document.Document{
		Title: p.Title, Network: p.Network, Country: p.Country, Component: words[lang]["component"],
		TemplateTitle: tpl.Title[lang], TemplateKey: tpl.Key, TemplateVersion: tpl.Version,
		Status: statusNames[lang][p.Status], Date: p.UpdatedAt.UTC().Truncate(time.Second), Language: lang, Final: p.Status == domain.StatusFinal,
	}
	fields := map[string]map[string]json.RawMessage{}
	for _, s := range doc.Sections {
		fields[s.Key] = s.Fields
	}
	for i := range tpl.Sections {
		out.Sections = append(out.Sections, section(&tpl.Sections[i], fields[tpl.Sections[i].Key], p.Language, lang))
	}
	out.Sections = append(out.Sections, budgetSections(doc.Documents, cat, lang)...)
	return out
}

func section(s *templates.Section, values map[string]json.RawMessage, working, lang string) document.Section {
	out := document.Section{Key: s.Key, Number: s.Number, Title: s.Title[lang]}
	for _, ch := range s.IDUITChapters {
		out.Chapters = append(out.Chapters, fmt.Sprintf(words[lang]["chapter"], ch, chapterTitles[lang][ch-1]))
	}
	for i := range s.Fields {
		out.Fields = append(out.Fields, field(&s.Fields[i], values[s.Fields[i].Key], working, lang))
	}
	return out
}

// field prints one answer: text as typed, choices by their labels, tables with their column names.
func field(f *templates.Field, raw json.RawMessage, working, lang string) document.Field {
	out := document.Field{Key: f.Key, Label: f.Label[lang], Guidance: f.Guidance[lang]}
	if len(raw) == 0 || string(raw) == "null" {
		out.Empty = true
		return out
	}
	switch f.Type {
	case templates.TypeText, templates.TypeLongText:
		out.Text = domain.ReadText(raw, working).Side(lang)
	case templates.TypeChoice, templates.TypeChecklist:
		out.Items = optionLabels(f, raw, lang)
	case templates.TypeTable:
		out.Table = table(f, raw, lang)
	default:
		out.Text = domain.ScalarText(raw)
	}
	out.Empty = strings.TrimSpace(out.Text) == "" && len(out.Items) == 0 && (out.Table == nil || len(out.Table.Rows) == 0)
	return out
}

func optionLabels(f *templates.Field, raw json.RawMessage, lang string) []string {
	var keys []string
	var one string
	if json.Unmarshal(raw, &one) == nil {
		keys = []string{one}
	} else {
		_ = json.Unmarshal(raw, &keys)
	}
	var labels []string
	for _, o := range f.Options { // template order, whatever order they were ticked in
		for _, k := range keys {
			if o.Key == k {
				labels = append(labels, o.Label[lang])
			}
		}
	}
	return labels
}

func table(f *templates.Field, raw json.RawMessage, lang string) *document.Table {
	var rows []map[string]json.RawMessage
	_ = json.Unmarshal(raw, &rows)
	t := &document.Table{}
	for _, c := range f.Columns {
		t.Columns = append(t.Columns, c.Label[lang])
	}
	for _, r := range rows {
		cells := make([]string, len(f.Columns))
		for i, c := range f.Columns {
			cells[i] = domain.ScalarText(r[c.Key])
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}
