// Package templates is the catalogue of proposal templates — the YAML forms (funding-request and
// concept-note templates: sections, fields, guidance, checks) a proposal is written against — embedded in
// the binary, parsed and validated once at start-up. The file format is documented in docs/templates.md.
// It holds no HTML: the web pages' HTML templates are web/pages/*.html, parsed by package web.
//
// The types carry JSON tags on purpose: the template format is itself the public contract, served as is by
// GET /api/v1/templates/{key}; they are plain data, never database rows.
package templates

import (
	"encoding/json"
	"slices"
	"strings"

	"iduit/domain"
)

// Languages are the languages every text in a template must have, in display order.
var Languages = []string{"en", "ru"}

// Text is one human-readable text in every language, keyed by language code.
type Text map[string]string

// In returns the text in lang, or nil-equivalent empty Text when lang is empty (meaning all languages).
func (t Text) In(lang string) Text {
	if t == nil || lang == "" {
		return t
	}
	return Text{lang: t[lang]}
}

// FieldType says what a field's value looks like and how it is checked.
type FieldType string

// The field types a template may use.
const (
	TypeText      FieldType = "text"
	TypeLongText  FieldType = "longtext"
	TypeChoice    FieldType = "choice"
	TypeChecklist FieldType = "checklist"
	TypeNumber    FieldType = "number"
	TypeDate      FieldType = "date"
	TypeTable     FieldType = "table"
)

var fieldTypes = []FieldType{TypeText, TypeLongText, TypeChoice, TypeChecklist, TypeNumber, TypeDate, TypeTable}

// IsText reports whether values of this type are free text (and so have words to count).
func (t FieldType) IsText() bool { return t == TypeText || t == TypeLongText }

// Answered says whether a stored value counts as an answer to a field of this type: a text with something
// in either language (a plain string is the working language's), a choice or a date, a ticked item, a
// table row with a cell filled, or any number.
func (t FieldType) Answered(raw json.RawMessage, workingLanguage string) bool {
	if domain.IsNull(raw) {
		return false
	}
	switch t {
	case TypeText, TypeLongText:
		v := domain.ReadText(raw, workingLanguage)
		return strings.TrimSpace(v.EN) != "" || strings.TrimSpace(v.RU) != ""
	case TypeChoice, TypeDate:
		return strings.TrimSpace(domain.ReadString(raw)) != ""
	case TypeChecklist:
		return len(domain.ReadTicks(raw)) > 0
	case TypeTable:
		return slices.ContainsFunc(domain.ReadRows(raw), func(r map[string]json.RawMessage) bool {
			for _, cell := range r {
				if !domain.IsNull(cell) && string(cell) != `""` {
					return true
				}
			}
			return false
		})
	}
	return true // numbers: present is answered
}

func (t FieldType) valid() bool { return slices.Contains(fieldTypes, t) }

// Template is one version of a proposal's shape.
type Template struct {
	Key     string `yaml:"key" json:"key"`
	Version int    `yaml:"version" json:"version"`
	// SupersededBy names the template that replaces this one for new proposals. A superseded template
	// still loads, so proposals pinned to it keep working, but it is listed after the current ones.
	SupersededBy string `yaml:"superseded_by,omitempty" json:"superseded_by,omitempty"`
	// BudgetCycle names the modular-framework cycle of the budget catalogue a proposal from this template
	// budgets against (budget/catalogue.yaml); empty means the 2017–2019 framework the first templates
	// were written for, so proposals started before cycles existed keep their modules.
	BudgetCycle string    `yaml:"budget_cycle,omitempty" json:"budget_cycle,omitempty"`
	Title       Text      `yaml:"title" json:"title"`
	Description Text      `yaml:"description" json:"description"`
	Sections    []Section `yaml:"sections" json:"sections"`
	// AllowedCurrencies are the ISO 4217 codes a proposal on this template may be written in; see
	// Currencies for the fallback when a template names none.
	AllowedCurrencies []string `yaml:"currencies,omitempty" json:"currencies,omitempty"`
}

// DefaultCurrencies are the currencies of a template that names none, neither in its currencies list
// nor as the options of a field keyed "currency": the two every shipped template has offered.
var DefaultCurrencies = []string{"USD", "EUR"}

// Currencies is the one list of currencies a proposal on this template may use: the settings' currency
// and the budget's are checked against it. It is the template's currencies list, else the options of
// its first field keyed "currency" (option keys are lower-case ISO codes), else DefaultCurrencies.
func (t *Template) Currencies() []string {
	if len(t.AllowedCurrencies) > 0 {
		return t.AllowedCurrencies
	}
	for _, sec := range t.Sections {
		if f, ok := sec.Field("currency"); ok && len(f.Options) > 0 {
			out := make([]string, len(f.Options))
			for i, o := range f.Options {
				out[i] = strings.ToUpper(o.Key)
			}
			return out
		}
	}
	return DefaultCurrencies
}

// Section is one part of the concept note, with the IDUIT chapters it draws on.
type Section struct {
	Key    string `yaml:"key" json:"key"`
	Number string `yaml:"number" json:"number"`
	Title  Text   `yaml:"title" json:"title"`
	// Part is the heading of the part of the document this section opens ("Country context"); the
	// sections after it belong to the same part until one names the next. Optional.
	Part          Text    `yaml:"part,omitempty" json:"part,omitempty"`
	IDUITChapters []int   `yaml:"iduit_chapters" json:"iduit_chapters"`
	Guidance      Text    `yaml:"guidance" json:"guidance"`
	Example       Text    `yaml:"example,omitempty" json:"example,omitempty"`
	Fields        []Field `yaml:"fields" json:"fields"`
}

// Field is one question in a section.
type Field struct {
	Key      string    `yaml:"key" json:"key"`
	Type     FieldType `yaml:"type" json:"type"`
	Required bool      `yaml:"required" json:"required"`
	Label    Text      `yaml:"label" json:"label"`
	// Heading is the field's neutral title in the finished document ("Size estimate" rather than the
	// question "How many…?"); without one the document uses Label.
	Heading       Text       `yaml:"heading,omitempty" json:"heading,omitempty"`
	Guidance      Text       `yaml:"guidance" json:"guidance"`
	Example       Text       `yaml:"example,omitempty" json:"example,omitempty"`
	IDUITChapters []int      `yaml:"iduit_chapters,omitempty" json:"iduit_chapters,omitempty"`
	WordLimit     *WordLimit `yaml:"word_limit,omitempty" json:"word_limit,omitempty"`
	Options       []Option   `yaml:"options,omitempty" json:"options,omitempty"`
	Columns       []Column   `yaml:"columns,omitempty" json:"columns,omitempty"`
	// Min and Max bound a number field; unset, they are DefaultNumberMin and DefaultNumberMax.
	Min *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max *float64 `yaml:"max,omitempty" json:"max,omitempty"`
}

// The default range of a number field: people, money and years are never negative, and 10^12 is past any
// budget in any currency a funding request uses, while keeping every value exact in a float64.
const (
	DefaultNumberMin = 0
	DefaultNumberMax = 1e12
)

// Range is the interval a number field's values must lie in.
func (f *Field) Range() (min, max float64) {
	return numberRange(f.Min, f.Max)
}

func numberRange(min, max *float64) (float64, float64) {
	lo, hi := float64(DefaultNumberMin), float64(DefaultNumberMax)
	if min != nil {
		lo = *min
	}
	if max != nil {
		hi = *max
	}
	return lo, hi
}

// WordLimit bounds a text field: past Soft is a warning, past Hard an error. Zero means no limit.
type WordLimit struct {
	Soft int `yaml:"soft,omitempty" json:"soft,omitempty"`
	Hard int `yaml:"hard,omitempty" json:"hard,omitempty"`
}

// Option is one choice of a choice or checklist field.
type Option struct {
	Key      string `yaml:"key" json:"key"`
	Label    Text   `yaml:"label" json:"label"`
	Required bool   `yaml:"required,omitempty" json:"required,omitempty"`
}

// Column is one column of a table field.
type Column struct {
	Key   string    `yaml:"key" json:"key"`
	Label Text      `yaml:"label" json:"label"`
	Type  FieldType `yaml:"type" json:"type"`
	// Min and Max bound a number column as they do a number field.
	Min *float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max *float64 `yaml:"max,omitempty" json:"max,omitempty"`
}

// AsField is the column as a field of its own, so that a cell is checked as a field of its type is.
func (c Column) AsField() *Field {
	return &Field{Key: c.Key, Type: c.Type, Min: c.Min, Max: c.Max}
}

// Section returns the section with the given key.
func (t *Template) Section(key string) (*Section, bool) {
	for i := range t.Sections {
		if t.Sections[i].Key == key {
			return &t.Sections[i], true
		}
	}
	return nil, false
}

// SectionKeys lists the section keys in order.
func (t *Template) SectionKeys() []string {
	keys := make([]string, len(t.Sections))
	for i, s := range t.Sections {
		keys[i] = s.Key
	}
	return keys
}

// Field returns the field with the given key.
func (s *Section) Field(key string) (*Field, bool) {
	for i := range s.Fields {
		if s.Fields[i].Key == key {
			return &s.Fields[i], true
		}
	}
	return nil, false
}

// In returns a copy of the template with every text in one language only; an empty lang keeps all.
func (t *Template) In(lang string) *Template {
	if lang == "" {
		return t
	}
	out := *t
	out.Title, out.Description = t.Title.In(lang), t.Description.In(lang)
	out.Sections = make([]Section, len(t.Sections))
	for i, s := range t.Sections {
		s.Title, s.Guidance, s.Example = s.Title.In(lang), s.Guidance.In(lang), s.Example.In(lang)
		s.Part = s.Part.In(lang)
		s.Fields = make([]Field, len(t.Sections[i].Fields))
		for j, f := range t.Sections[i].Fields {
			f.Label, f.Guidance, f.Example = f.Label.In(lang), f.Guidance.In(lang), f.Example.In(lang)
			f.Heading = f.Heading.In(lang)
			f.Options = localiseOptions(f.Options, lang)
			f.Columns = localiseColumns(f.Columns, lang)
			s.Fields[j] = f
		}
		out.Sections[i] = s
	}
	return &out
}

func localiseOptions(in []Option, lang string) []Option {
	if in == nil {
		return nil
	}
	out := make([]Option, len(in))
	for i, o := range in {
		o.Label = o.Label.In(lang)
		out[i] = o
	}
	return out
}

func localiseColumns(in []Column, lang string) []Column {
	if in == nil {
		return nil
	}
	out := make([]Column, len(in))
	for i, c := range in {
		c.Label = c.Label.In(lang)
		out[i] = c
	}
	return out
}
