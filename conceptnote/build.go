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
	"en": {"chapter": "IDUIT chapter %d: %s", "component": "HIV", "yes": "Yes",
		"missing":        "Translation missing: the answer is shown in Russian as written.",
		"part-narrative": "Narrative",
		"part-data":      "Budget, results and funding request data", "part-endorsement": "Endorsement and annexes"},
	"ru": {"chapter": "Глава IDUIT %d: %s", "component": "ВИЧ", "yes": "Да",
		"missing":        "Перевод отсутствует: ответ приведен на английском языке, как написан.",
		"part-narrative": "Описательная часть",
		"part-data":      "Бюджет, результаты и данные запроса", "part-endorsement": "Одобрение и приложения"},
}

// Build makes the concept note in lang from an exported proposal, its pinned template and the budget
// catalogue (for the budget tables). lang must be "en" or "ru".
func Build(doc export.Document, tpl *templates.Template, cat *budget.Catalogue, lang string) document.Document {
	return NewSource(doc, export.Decode(doc.Documents), cat).Build(tpl, lang)
}

// Source is an export with its structured parts decoded (export.Decode) and its budget summarised once,
// for every note built from it: a package builds one in each language, and each note summarised the
// 2,000-line budget twice (its budget tables and its request table). Building only reads it, so notes
// may be built from one Source at the same time.
type Source struct {
	doc   export.Document
	parts parts
	cat   *budget.Catalogue
}

// NewSource prepares doc, whose parts dec holds decoded, for building with the budget catalogue cat.
func NewSource(doc export.Document, dec *export.Decoded, cat *budget.Catalogue) *Source {
	return &Source{doc: doc, parts: partsOf(dec), cat: cat}
}

// Build makes the concept note in lang against the proposal's pinned template.
func (src *Source) Build(tpl *templates.Template, lang string) document.Document {
	doc, cat := src.doc, src.cat
	p := doc.Proposal
	cover := coverTexts(p, lang)
	out := document.Document{
		Title: cover.Title, Network: cover.Network, Country: cover.Country, Component: words[lang]["component"],
		TemplateTitle: tpl.Title[lang], TemplateKey: tpl.Key, TemplateVersion: tpl.Version,
		Status: domain.StatusName(p.Status, lang), Date: p.UpdatedAt.UTC().Truncate(time.Second), Language: lang, Final: p.Status == domain.StatusFinal,
	}
	fields := map[string]map[string]json.RawMessage{}
	for _, s := range doc.Sections {
		fields[s.Key] = s.Fields
	}
	for i := range tpl.Sections {
		out.Sections = append(out.Sections, section(&tpl.Sections[i], fields[tpl.Sections[i].Key], p.Language, lang))
	}
	// The structured parts are decoded once: with 2,000 budget lines, decoding the budget was a third of
	// a package's render when each part of the document decoded it again.
	decoded := src.parts
	data := append(budgetSections(doc.Documents, decoded, cat, lang, p), recordSections(doc, decoded, cat, lang)...)
	if len(data) > 0 {
		if len(out.Sections) > 0 && out.Sections[0].Part == "" {
			out.Sections[0].Part = words[lang]["part-narrative"]
		}
		if data[0].Part == "" {
			data[0].Part = words[lang]["part-data"]
		}
	}
	out.Sections = append(out.Sections, data...)
	part := ""
	for i := range out.Sections { // a part is named once, where it begins
		switch p := out.Sections[i].Part; {
		case p == part:
			out.Sections[i].Part = ""
		case p != "":
			part = p
		}
	}
	return out
}

// coverTexts are the proposal's title, country and network in the document's language: in a bilingual
// proposal, a text not yet translated is printed in the other language under the "translation missing"
// mark, as a table cell's would be. A one-language proposal prints its own texts as they are.
func coverTexts(p export.Proposal, lang string) export.ProposalTexts {
	return p.ShownIn(lang, func(own, other string) string { return document.InLanguage(own, other, lang) })
}

func section(s *templates.Section, values map[string]json.RawMessage, working, lang string) document.Section {
	out := document.Section{Key: s.Key, Number: s.Number, Title: s.Title[lang], Part: s.Part[lang]}
	for _, ch := range s.IDUITChapters {
		out.Chapters = append(out.Chapters, fmt.Sprintf(words[lang]["chapter"], ch, chapterTitles[lang][ch-1]))
	}
	for i := range s.Fields {
		out.Fields = append(out.Fields, field(&s.Fields[i], values[s.Fields[i].Key], working, lang))
	}
	return out
}

// field prints one answer: text in the document's language (or, marked, in the other one when its
// translation is missing), a choice as its label, checklists by their labels, numbers and dates as the
// reader writes them, tables with their column names.
func field(f *templates.Field, raw json.RawMessage, working, lang string) document.Field {
	out := document.Field{Key: f.Key, Label: fieldHeading(f, lang), Guidance: f.Guidance[lang]}
	if domain.IsNull(raw) {
		out.Empty = true
		return out
	}
	switch f.Type {
	case templates.TypeText, templates.TypeLongText:
		var missing bool
		out.Text, missing = textIn(raw, working, lang)
		if missing {
			out.Note = words[lang]["missing"]
		}
	case templates.TypeChoice:
		out.Text = strings.Join(optionLabels(f, raw, lang), ", ")
	case templates.TypeChecklist:
		out.Items = optionLabels(f, raw, lang)
	case templates.TypeTable:
		out.Table = table(f, raw, working, lang)
	default:
		out.Text = scalar(f.Type, raw, lang)
	}
	out.Empty = strings.TrimSpace(out.Text) == "" && len(out.Items) == 0 && (out.Table == nil || len(out.Table.Rows) == 0)
	return out
}

// fieldHeading is the field's title in the document: its neutral heading when the template gives one.
func fieldHeading(f *templates.Field, lang string) string {
	if h := f.Heading[lang]; h != "" {
		return h
	}
	return f.Label[lang]
}

// textIn is a stored text in lang; when only the other language has it, that text and true, so the
// reader sees the answer (marked) rather than "Not answered".
func textIn(raw json.RawMessage, working, lang string) (string, bool) {
	v := domain.ReadText(raw, working)
	if t := v.Side(lang); strings.TrimSpace(t) != "" {
		return t, false
	}
	other := v.Side(otherLanguage(lang))
	return other, strings.TrimSpace(other) != ""
}

// cellText is textIn for a table cell or a record's short text: a missing translation is marked inline.
func cellText(raw json.RawMessage, working, lang string) string {
	v := domain.ReadText(raw, working)
	return document.InLanguage(v.Side(lang), v.Side(otherLanguage(lang)), lang)
}

func otherLanguage(lang string) string {
	if lang == "ru" {
		return "en"
	}
	return "ru"
}

// scalar prints a number or a date as the reader of lang writes it.
func scalar(t templates.FieldType, raw json.RawMessage, lang string) string {
	s := domain.ScalarText(raw)
	switch t {
	case templates.TypeNumber:
		return formatNumber(s, lang)
	case templates.TypeDate:
		return formatDate(s, lang)
	}
	return s
}

func optionLabels(f *templates.Field, raw json.RawMessage, lang string) []string {
	keys := domain.ReadChosen(raw)
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

func table(f *templates.Field, raw json.RawMessage, working, lang string) *document.Table {
	rows := domain.ReadRows(raw)
	t := &document.Table{}
	for _, c := range f.Columns {
		t.Columns = append(t.Columns, c.Label[lang])
	}
	for _, r := range rows {
		cells := make([]string, len(f.Columns))
		for i, c := range f.Columns {
			switch cell := r[c.Key]; {
			case domain.IsNull(cell):
			case c.Type.IsText():
				cells[i] = cellText(cell, working, lang)
			default:
				cells[i] = scalar(c.Type, cell, lang)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}
