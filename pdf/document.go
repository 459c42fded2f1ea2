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

import "iduit/document"

// The model lives in package document, which every deliverable format renders; the aliases keep this
// package's code and tests reading as they did.
type (
	// Document is the concept note to print (see document.Document).
	Document = document.Document
	// Section is one numbered part of it (see document.Section).
	Section = document.Section
	// Field is one question and its answer (see document.Field).
	Field = document.Field
	// Table is a tabular answer (see document.Table).
	Table = document.Table
)

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
		s.Part = sanitise(s.Part, false)
		s.Chapters = sanitiseAll(s.Chapters, false)
		fields := make([]Field, len(s.Fields))
		for j, f := range s.Fields {
			f.Label = sanitise(f.Label, false)
			f.Guidance = sanitise(f.Guidance, true)
			f.Note = sanitise(f.Note, false)
			f.Text = sanitise(f.Text, true)
			f.Items = sanitiseAll(f.Items, true)
			if f.Table != nil {
				t := Table{Columns: sanitiseAll(f.Table.Columns, true), Signatures: f.Table.Signatures}
				t.Rows = make([][]string, len(f.Table.Rows))
				for k, row := range f.Table.Rows {
					t.Rows[k] = sanitiseAll(row, true)
				}
				f.Table = &t
			}
			if f.Chart != nil {
				c := *f.Chart
				c.Title, c.TargetLabel = sanitise(c.Title, false), sanitise(c.TargetLabel, false)
				c.Bars = make([]document.ChartBar, len(f.Chart.Bars))
				for k, b := range f.Chart.Bars {
					b.Label, b.Amount, b.Percent = sanitise(b.Label, false), sanitise(b.Amount, false), sanitise(b.Percent, false)
					c.Bars[k] = b
				}
				f.Chart = &c
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
