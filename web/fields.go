package web

import (
	"encoding/json"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"iduit/domain"
	"iduit/templates"
)

// Form names of a section's controls. Text is "t.FIELD.LANG" in every proposal, so a bilingual one simply
// has two boxes; other fields are "f.FIELD" and table cells "f.FIELD.ROW.COLUMN".
func textName(field, lang string) string { return "t." + field + "." + lang }
func valueName(field string) string      { return "f." + field }
func cellName(field string, row int, col string) string {
	return "f." + field + "." + strconv.Itoa(row) + "." + col
}

// maxFormRows bounds how many table rows a form may name, so a crafted form cannot make the server loop.
const maxFormRows = 600

// jsonNumber is the JSON number grammar; anything else is sent as a string for the service to refuse.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// textLanguages are the languages a proposal's text boxes are written in.
func textLanguages(p domain.Proposal) []string {
	if p.Bilingual {
		return languages
	}
	return []string{p.Language}
}

// fieldsFromForm turns a submitted section form into the values the service validates. Only the
// template's fields are read; an empty control is an absent value, which clears the field.
func fieldsFromForm(sec *templates.Section, p domain.Proposal, form url.Values) domain.Fields {
	out := domain.Fields{}
	for i := range sec.Fields {
		f := &sec.Fields[i]
		if raw := fieldFromForm(f, p, form); raw != nil {
			out[f.Key] = raw
		}
	}
	return out
}

func fieldFromForm(f *templates.Field, p domain.Proposal, form url.Values) json.RawMessage {
	switch {
	case f.Type.IsText():
		return textFromForm(f.Key, p, form)
	case f.Type == templates.TypeChecklist:
		var ticked []string
		for _, v := range form[valueName(f.Key)] {
			if v != "" {
				ticked = append(ticked, v)
			}
		}
		if len(ticked) == 0 {
			return nil
		}
		return mustJSON(ticked)
	case f.Type == templates.TypeTable:
		return tableFromForm(f, form)
	}
	return scalar(f.Type, numberText(f.Type, f.Label, form.Get(valueName(f.Key))))
}

// numberText lets a percentage be typed with its sign: a number field or column whose label carries
// "%" (the templates' way of saying the value is a percentage) takes "45%" as 45. Other numbers keep
// the sign and are refused, as "45%" people is not a count.
func numberText(t templates.FieldType, label templates.Text, s string) string {
	if t == templates.TypeNumber && strings.Contains(label["en"], "%") {
		return withoutPercentSign(s)
	}
	return s
}

// textFromForm reads one text field; browsers send line breaks as CRLF, stored as LF so that diffs and
// word counts do not see changes nobody made.
func textFromForm(key string, p domain.Proposal, form url.Values) json.RawMessage {
	texts := map[string]string{}
	empty := true
	for _, lang := range textLanguages(p) {
		s := strings.ReplaceAll(form.Get(textName(key, lang)), "\r\n", "\n")
		texts[lang] = s
		empty = empty && s == ""
	}
	switch {
	case empty:
		return nil
	case p.Bilingual:
		return mustJSON(texts)
	}
	return mustJSON(texts[p.Language])
}

// scalar encodes a number, date, choice or short cell. Spaces inside a number ("25 000") are dropped, as
// people write thousands that way in Russian.
func scalar(t templates.FieldType, s string) json.RawMessage {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return nil
	}
	if t == templates.TypeNumber {
		n := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00A0' || r == '\u202F' || r == '\u2009' {
				return -1
			}
			return r
		}, s)
		if jsonNumber.MatchString(n) {
			return json.RawMessage(n)
		}
	}
	return mustJSON(s)
}

func tableFromForm(f *templates.Field, form url.Values) json.RawMessage {
	prefix := valueName(f.Key) + "."
	rows := map[int]map[string]json.RawMessage{}
	for name := range form {
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		rowText, colKey, ok := strings.Cut(rest, ".")
		row, err := strconv.Atoi(rowText)
		col, known := column(f, colKey)
		if !ok || err != nil || row < 0 || row >= maxFormRows || !known {
			continue
		}
		if v := scalar(col.Type, numberText(col.Type, col.Label, form.Get(name))); v != nil {
			if rows[row] == nil {
				rows[row] = map[string]json.RawMessage{}
			}
			rows[row][colKey] = v
		}
	}
	if len(rows) == 0 {
		return nil
	}
	order := make([]int, 0, len(rows))
	for r := range rows {
		order = append(order, r)
	}
	sort.Ints(order)
	out := make([]map[string]json.RawMessage, len(order))
	for i, r := range order {
		out[i] = rows[r]
	}
	return mustJSON(out)
}

func column(f *templates.Field, key string) (templates.Column, bool) {
	for _, c := range f.Columns {
		if c.Key == key {
			return c, true
		}
	}
	return templates.Column{}, false
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v) // strings, maps and slices of them always marshal
	return b
}

// readText returns the text of each language; a plain string belongs to the proposal's working language.
func readText(raw json.RawMessage, p domain.Proposal) domain.TextValue {
	return domain.ReadText(raw, p.Language)
}
