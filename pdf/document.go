// Package pdf renders concept notes, and blank worksheets for consultations
// held on paper, as PDF.
//
// It takes plain values and writes to an io.Writer, so the web handlers and
// any batch job can share it without it knowing about HTTP or storage. Text is
// set in the Go fonts, which cover Latin and Russian, Ukrainian and Belarusian
// Cyrillic. The other Cyrillic letters, such as Kyrgyz and Kazakh Ө Ү Ң Қ Ә Ғ
// Һ Ұ, are set in a subset of DejaVu Sans (see fonts/README.md), embedded only
// in documents that print one. A character neither can draw is printed as
// U+FFFD, never dropped; Undrawable lists them for the draft check.
package pdf

import "time"

// Document is one concept note as the reader will see it. Every string is
// already in the reader's language; the renderer adds only its own labels.
type Document struct {
	// Title is the proposal title: cover, running head and PDF title.
	Title string
	// Network is the applicant network, shown on the cover and written as the PDF author.
	Network string
	// Country is the country the proposal is for.
	Country string
	// Component names the disease component, such as "HIV, hepatitis C".
	Component string
	// TemplateTitle names the template the note was drafted from.
	TemplateTitle string
	// TemplateKey identifies the template in the PDF keywords, for tracing a file back to its template.
	TemplateKey string
	// TemplateVersion is the template's version, shown beside its title.
	TemplateVersion int
	// Status is the drafting status as the caller words it, such as "draft" or "final".
	Status string
	// Date is the last change; it is also the PDF creation and modification date, so the
	// same document always renders to the same bytes. A zero Date is written as 1 January 1970.
	Date time.Time
	// Language ("en" or "ru") picks the renderer's own words: contents, page numbers, cover labels.
	Language string
	// Final removes the diagonal DRAFT watermark.
	Final bool
	// Sections are printed in this order, numbered as given.
	Sections []Section
}

// Section is one numbered part of the concept note.
type Section struct {
	// Number is printed before the title, such as "1" or "3.2"; it may be empty.
	Number string
	// Title is the section heading, also used in the contents and the bookmarks.
	Title string
	// Chapters are the IDUIT chapters the section draws on, such as
	// "IDUIT chapter 3: Health and support services".
	Chapters []string
	// Fields are the questions of the section with their answers.
	Fields []Field
}

// Field is one question and its answer.
type Field struct {
	// Label is the question.
	Label string
	// Guidance helps people answer; it is printed on worksheets only.
	Guidance string
	// Text is a free-text answer: paragraphs are separated by blank lines and
	// lines starting with "- " become list items.
	Text string
	// Items are the chosen answers of a checklist or choice; on a worksheet they
	// are the options, each printed with a box to tick.
	Items []string
	// Table is a tabular answer; on a worksheet its rows are printed and blank rows added.
	Table *Table
	// Empty marks a question left unanswered: the reader sees that said, and
	// Text, Items and Table are ignored. A field with nothing in them says so too.
	Empty bool
	// Lines is how many ruled lines (or, under a Table, empty rows) a worksheet
	// leaves for the answer; 0 picks a default.
	Lines int
}

// Table is a tabular answer such as a programmatic gap table.
type Table struct {
	// Columns are the header cells, repeated on every page the table spans.
	Columns []string
	// Rows are the body cells; a row may have fewer or more cells than Columns.
	Rows [][]string
}

// sanitiseDocument returns d with every string made safe to print (see
// sanitise). Headings and labels become single lines; answers keep theirs.
func sanitiseDocument(d Document) Document {
	for _, s := range []*string{&d.Title, &d.Network, &d.Country, &d.Component,
		&d.TemplateTitle, &d.TemplateKey, &d.Status} {
		*s = sanitise(*s, false)
	}
	sections := make([]Section, len(d.Sections))
	for i, s := range d.Sections {
		s.Number = sanitise(s.Number, false)
		s.Title = sanitise(s.Title, false)
		s.Chapters = sanitiseAll(s.Chapters, false)
		fields := make([]Field, len(s.Fields))
		for j, f := range s.Fields {
			f.Label = sanitise(f.Label, false)
			f.Guidance = sanitise(f.Guidance, true)
			f.Text = sanitise(f.Text, true)
			f.Items = sanitiseAll(f.Items, true)
			if f.Table != nil {
				t := Table{Columns: sanitiseAll(f.Table.Columns, true)}
				t.Rows = make([][]string, len(f.Table.Rows))
				for k, row := range f.Table.Rows {
					t.Rows[k] = sanitiseAll(row, true)
				}
				f.Table = &t
			}
			fields[j] = f
		}
		s.Fields = fields
		sections[i] = s
	}
	d.Sections = sections
	return d
}

func sanitiseAll(in []string, multiline bool) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = sanitise(s, multiline)
	}
	return out
}
