// Package document is the one model the deliverable formats are fed by: the concept note as its reader
// sees it, built once (package conceptnote) and rendered as PDF (package pdf) or Word (package docx), so
// every format carries the same content in the same order. It imports nothing of the project.
package document

import (
	"strings"
	"time"
)

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
	// Date is the last change; it is also the file's creation and modification date, so the
	// same document always renders to the same bytes. A zero Date is written as 1 January 1970.
	Date time.Time
	// Language ("en" or "ru") picks the renderer's own words: contents, page numbers, cover labels.
	Language string
	// Final removes the diagonal DRAFT watermark (see Watermark).
	Final bool
	// Sections are printed in this order, numbered as given.
	Sections []Section
	// Comments are open review comments, for the formats that carry them (Word); the PDF ignores them.
	Comments []Comment
	// Suggestions are open suggested changes to the text, for the formats that carry them (Word shows
	// them as tracked changes); the PDF ignores them.
	Suggestions []Suggestion
}

// Section is one numbered part of the concept note.
type Section struct {
	// Key is the template's section key, which comments name; empty for parts the template has not.
	Key string
	// Number is printed before the title, such as "1" or "3.2"; it may be empty.
	Number string
	// Title is the section heading, also used in the contents and the bookmarks.
	Title string
	// Part is the heading of the part of the document this section opens, printed above it and in the
	// contents; empty for a section that continues the part before it.
	Part string
	// Chapters are the IDUIT chapters the section draws on, such as
	// "IDUIT chapter 3: Health and support services".
	Chapters []string
	// Fields are the questions of the section with their answers.
	Fields []Field
	// NewPage starts the section on a page of its own, as the endorsement page the CCM signs.
	NewPage bool
}

// Field is one question and its answer.
type Field struct {
	// Key is the template's field key, which comments name; empty for generated tables.
	Key string
	// Label is the question.
	Label string
	// Guidance helps people answer; it is printed on worksheets only.
	Guidance string
	// Note is printed before the answer in a quieter style, such as the mark that the answer is shown
	// in the other language because its translation is missing.
	Note string
	// Text is a free-text answer: paragraphs are separated by blank lines and
	// lines starting with "- " become list items.
	Text string
	// Items are the chosen answers of a checklist or choice; on a worksheet they
	// are the options, each printed with a box to tick.
	Items []string
	// Table is a tabular answer; on a worksheet its rows are printed and blank rows added.
	Table *Table
	// Chart draws figures the field's Table also holds (the table stays, for readers who cannot see
	// the chart). The PDF draws it as vectors above the table; Word as a native chart there.
	Chart *Chart
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
	// Signatures marks a table whose last column is signed by hand: its rows are tall enough to sign in.
	Signatures bool
}

// Chart is a horizontal bar chart of plain numbers with their printed figures (see package chart,
// which lays it out).
type Chart struct {
	// Title names the chart.
	Title string
	// Bars are drawn top to bottom.
	Bars []ChartBar
	// Max is the value of a full-width bar; 0 takes the largest.
	Max int64
	// Target, when TargetLabel is set, is a reference value drawn as a labelled dashed line.
	Target      int64
	TargetLabel string
}

// ChartBar is one bar: Value sets its length; Label, Amount and Percent are printed as given.
type ChartBar struct {
	Label   string
	Value   int64
	Amount  string
	Percent string
}

// Comment is a reviewer's remark on the text, placed where the reviewer put it: on a quoted passage of
// a field's answer, on a field, or on a section.
type Comment struct {
	// Section and Field are the keys of the section and field commented on; Field may be empty.
	Section, Field string
	// Quote is the passage of the field's text the comment is about; empty for the field as a whole.
	Quote string
	// QuoteAt is where Quote stands in the field's Text, in bytes, when the caller found it there (a
	// phrase may occur more than once); otherwise its first occurrence is taken.
	QuoteAt int
	// Author is the name shown with the comment.
	Author string
	// Text is the comment itself.
	Text string
	// Date is when it was written.
	Date time.Time
	// Replies follow the comment in its thread, oldest first.
	Replies []Reply
}

// Suggestion is a reviewer's new wording for a passage of a field's answer, which the reader may accept
// or reject.
type Suggestion struct {
	// Section and Field are the keys of the section and field whose text it changes.
	Section, Field string
	// Quote is the passage to replace, as the field's Text holds it.
	Quote string
	// QuoteAt is where Quote stands in the field's Text, in bytes; negative when the passage is not in
	// this document's text (it is in the other language), and the suggestion can only be shown beside it.
	QuoteAt int
	// Replacement is the new wording; empty to delete the passage.
	Replacement string
	// Comment is why the reviewer suggests it; may be empty.
	Comment string
	// Author is the name shown with the suggestion.
	Author string
	// Date is when it was made.
	Date time.Time
}

// Reply is an answer in a comment's thread.
type Reply struct {
	// Author is the name shown with the reply.
	Author string
	// Text is the reply itself.
	Text string
	// Date is when it was written.
	Date time.Time
}

// NumericColumns marks the first n columns whose body cells are all figures, such as amounts, counts and
// percentages: every format aligns those to the right, so the PDF and the Word file agree on which they are.
func (t *Table) NumericColumns(n int) []bool {
	numeric := make([]bool, n)
	for i := range numeric {
		seen := false
		numeric[i] = true
		for _, row := range t.Rows {
			if i >= len(row) || strings.TrimSpace(row[i]) == "" {
				continue
			}
			seen = true
			if !isFigure(row[i]) {
				numeric[i] = false
				break
			}
		}
		numeric[i] = numeric[i] && seen
	}
	return numeric
}

// isFigure says whether a cell holds a number as a person writes it: digits with spaces, separators,
// signs, a percent or a currency sign.
func isFigure(s string) bool {
	digits := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune(" \u00a0\u202f.,%+-−–()$€", r):
		default:
			return false
		}
	}
	return digits
}

// Watermark is the word printed across every page of a document that is not final, in the document's
// language: DRAFT, or ПРОЕКТ, the mark Russian paperwork puts on a text not yet adopted (it fits a
// proposal in review or approved, which ЧЕРНОВИК, "rough draft", would not). A final document has none.
// It is the one rule and wording for every format: the PDF paints it, the Word file puts it in its
// headers.
func (d *Document) Watermark() string {
	if d.Final {
		return ""
	}
	if lang := strings.ToLower(strings.TrimSpace(d.Language)); lang == "ru" || strings.HasPrefix(lang, "ru-") || strings.HasPrefix(lang, "ru_") {
		return "ПРОЕКТ"
	}
	return "DRAFT"
}
