package web

import (
	"encoding/json"
	"slices"
	"strings"

	"iduit/domain"
	"iduit/templates"
)

// fieldView is one question of a section as the page shows it.
type fieldView struct {
	Key, ID  string
	Type     string
	Field    *templates.Field
	Texts    []textView // text and long text: one box per language
	Value    string     // number, date, choice
	Options  []optionView
	Rows     [][]cellView
	Error    string
	Conflict bool
	Theirs   string // a non-text field's value as the other person saved it
	Base     int    // the section version this field's value was read from (per-field merge base)
}

type textView struct {
	Name, ID, Lang string
	Text, Theirs   string
	Words          int
	Outdated       bool
	// OverSoft and OverHard say the text is past the field's suggested or hard word limit.
	OverSoft, OverHard bool
	// Suggestions are the open suggestions on this text, shown under it.
	Suggestions []suggestionView
}

type optionView struct {
	Key, ID  string
	Label    templates.Text
	Checked  bool
	Required bool
}

type cellView struct {
	Name, ID, Value string
	Column          templates.Column
}

// emptyTableRows is how many blank rows a table offers: enough to start without a script, which can add
// more; after each save another blank row appears.
const emptyTableRows = 3

// viewFields prepares every field of a section for the page.
func viewFields(sec *templates.Section, p domain.Proposal, fields domain.Fields, version int) []fieldView {
	out := make([]fieldView, len(sec.Fields))
	for i := range sec.Fields {
		f := &sec.Fields[i]
		v := fieldView{Key: f.Key, ID: "field-" + f.Key, Type: string(f.Type), Field: f, Base: version}
		raw := fields[f.Key]
		switch {
		case f.Type.IsText():
			v.Texts = textViews(f.Key, p, raw)
			for j := range v.Texts {
				if l := f.WordLimit; l != nil {
					v.Texts[j].OverHard = l.Hard > 0 && v.Texts[j].Words > l.Hard
					v.Texts[j].OverSoft = l.Soft > 0 && v.Texts[j].Words > l.Soft
				}
			}
		case f.Type == templates.TypeChecklist:
			v.Options = optionViews(f, raw)
		case f.Type == templates.TypeChoice:
			v.Value = domain.ScalarText(raw)
			v.Options = optionViews(f, nil)
		case f.Type == templates.TypeTable:
			v.Rows = tableRows(f, raw)
		default:
			v.Value = domain.ScalarText(raw)
		}
		out[i] = v
	}
	return out
}

func textViews(key string, p domain.Proposal, raw json.RawMessage) []textView {
	stored := readText(raw, p)
	var out []textView
	for _, lang := range textLanguages(p) {
		text := stored.Side(lang)
		out = append(out, textView{
			Name: textName(key, lang), ID: "field-" + key + "-" + lang, Lang: lang, Text: text,
			Words: domain.CountWords(text), Outdated: p.Bilingual && stored.Outdated == lang,
		})
	}
	return out
}

func optionViews(f *templates.Field, raw json.RawMessage) []optionView {
	ticked := domain.ReadTicks(raw)
	out := make([]optionView, len(f.Options))
	for i, o := range f.Options {
		out[i] = optionView{Key: o.Key, ID: "field-" + f.Key + "-" + o.Key, Label: o.Label, Checked: slices.Contains(ticked, o.Key), Required: o.Required}
	}
	return out
}

func tableRows(f *templates.Field, raw json.RawMessage) [][]cellView {
	stored := domain.ReadRows(raw)
	blank := 1
	if len(stored) == 0 {
		blank = emptyTableRows
	}
	rows := make([][]cellView, 0, len(stored)+blank)
	for r := 0; r < len(stored)+blank; r++ {
		row := make([]cellView, len(f.Columns))
		for j, col := range f.Columns {
			cell := cellView{Name: cellName(f.Key, r, col.Key), Column: col}
			cell.ID = strings.ReplaceAll(cell.Name, ".", "-")
			if r < len(stored) {
				cell.Value = domain.ScalarText(stored[r][col.Key])
			}
			row[j] = cell
		}
		rows = append(rows, row)
	}
	return rows
}

// markConflicts puts the other person's saved value beside each conflicting field.
func markConflicts(views []fieldView, conflicts []string, p domain.Proposal, theirs domain.Fields) {
	for i := range views {
		v := &views[i]
		if !slices.Contains(conflicts, v.Key) {
			continue
		}
		v.Conflict = true
		if v.Field.Type.IsText() {
			stored := readText(theirs[v.Key], p)
			for j := range v.Texts {
				v.Texts[j].Theirs = stored.Side(v.Texts[j].Lang)
			}
			continue
		}
		v.Theirs = summary(v.Field, theirs[v.Key])
	}
}

// summary shows any stored value as one line of text, for conflicts and history.
func summary(f *templates.Field, raw json.RawMessage) string {
	switch f.Type {
	case templates.TypeTable:
		rows := domain.ReadRows(raw)
		lines := make([]string, len(rows))
		for i, row := range rows {
			cells := make([]string, len(f.Columns))
			for j, col := range f.Columns {
				cells[j] = domain.ScalarText(row[col.Key])
			}
			lines[i] = strings.Join(cells, " | ")
		}
		return strings.Join(lines, "\n")
	case templates.TypeChecklist:
		return strings.Join(domain.ReadTicks(raw), ", ")
	}
	return domain.ScalarText(raw)
}
