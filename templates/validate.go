package templates

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
)

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// validator collects every problem in a template so that an author fixes them in one pass.
type validator struct{ errs []error }

func (v *validator) failf(where, format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

func validate(t *Template) error {
	v := &validator{}
	if !keyPattern.MatchString(t.Key) {
		v.failf("key", "%q must be lowercase letters, digits and '-'", t.Key)
	}
	if t.BudgetCycle != "" && !keyPattern.MatchString(t.BudgetCycle) {
		v.failf("budget_cycle", "%q must be lowercase letters, digits and '-'", t.BudgetCycle)
	}
	v.text("title", t.Title, true)
	v.text("description", t.Description, true)
	if len(t.Sections) == 0 {
		v.failf("sections", "at least one section is required")
	}
	seen := map[string]bool{}
	for i := range t.Sections {
		s := &t.Sections[i]
		where := fmt.Sprintf("sections[%d] (key %q)", i, s.Key)
		v.unique(where, s.Key, seen)
		v.section(where, s)
	}
	return errors.Join(v.errs...)
}

func (v *validator) section(where string, s *Section) {
	if s.Number == "" {
		v.failf(where+".number", "is required")
	}
	v.text(where+".title", s.Title, true)
	v.text(where+".guidance", s.Guidance, true)
	v.text(where+".example", s.Example, false)
	if len(s.IDUITChapters) == 0 {
		v.failf(where+".iduit_chapters", "name at least one IDUIT chapter")
	}
	v.chapters(where+".iduit_chapters", s.IDUITChapters)
	if len(s.Fields) == 0 {
		v.failf(where+".fields", "at least one field is required")
	}
	seen := map[string]bool{}
	for i := range s.Fields {
		f := &s.Fields[i]
		fwhere := fmt.Sprintf("%s.fields[%d] (key %q)", where, i, f.Key)
		v.unique(fwhere, f.Key, seen)
		v.field(fwhere, f)
	}
}

func (v *validator) field(where string, f *Field) {
	if !f.Type.valid() {
		v.failf(where+".type", "%q is not one of %v", f.Type, fieldTypes)
	}
	v.text(where+".label", f.Label, true)
	v.text(where+".guidance", f.Guidance, true)
	v.text(where+".example", f.Example, false)
	v.chapters(where+".iduit_chapters", f.IDUITChapters)
	v.wordLimit(where+".word_limit", f)
	v.options(where+".options", f)
	v.columns(where+".columns", f)
	v.numberRange(where, f.Type, f.Min, f.Max)
}

func (v *validator) wordLimit(where string, f *Field) {
	if f.WordLimit == nil {
		return
	}
	w := f.WordLimit
	switch {
	case !f.Type.IsText():
		v.failf(where, "only text and longtext fields have word limits")
	case w.Soft < 0 || w.Hard < 0 || (w.Soft == 0 && w.Hard == 0):
		v.failf(where, "soft and hard must be positive; give at least one")
	case w.Soft > 0 && w.Hard > 0 && w.Soft >= w.Hard:
		v.failf(where, "soft (%d) must be below hard (%d)", w.Soft, w.Hard)
	}
}

func (v *validator) options(where string, f *Field) {
	hasOptions := f.Type == TypeChoice || f.Type == TypeChecklist
	if !hasOptions {
		if len(f.Options) > 0 {
			v.failf(where, "only choice and checklist fields have options")
		}
		return
	}
	if len(f.Options) < 2 {
		v.failf(where, "give at least two options")
	}
	seen := map[string]bool{}
	for i, o := range f.Options {
		owhere := fmt.Sprintf("%s[%d] (key %q)", where, i, o.Key)
		v.unique(owhere, o.Key, seen)
		v.text(owhere+".label", o.Label, true)
		if o.Required && f.Type != TypeChecklist {
			v.failf(owhere+".required", "only checklist items can be required")
		}
	}
}

func (v *validator) columns(where string, f *Field) {
	if f.Type != TypeTable {
		if len(f.Columns) > 0 {
			v.failf(where, "only table fields have columns")
		}
		return
	}
	if len(f.Columns) == 0 {
		v.failf(where, "a table needs at least one column")
	}
	seen := map[string]bool{}
	for i, c := range f.Columns {
		cwhere := fmt.Sprintf("%s[%d] (key %q)", where, i, c.Key)
		v.unique(cwhere, c.Key, seen)
		v.text(cwhere+".label", c.Label, true)
		if !slices.Contains([]FieldType{TypeText, TypeNumber, TypeDate}, c.Type) {
			v.failf(cwhere+".type", "%q must be text, number or date", c.Type)
		}
		v.numberRange(cwhere, c.Type, c.Min, c.Max)
	}
}

// numberRange checks a declared range: only numbers have one, and it must not be empty or infinite.
func (v *validator) numberRange(where string, t FieldType, min, max *float64) {
	if min == nil && max == nil {
		return
	}
	if t != TypeNumber {
		v.failf(where, "only number fields have min and max")
		return
	}
	lo, hi := numberRange(min, max)
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsNaN(lo) || math.IsNaN(hi) || lo > hi {
		v.failf(where, "min %v and max %v are not a finite range", lo, hi)
	}
}

func (v *validator) unique(where, key string, seen map[string]bool) {
	if !keyPattern.MatchString(key) {
		v.failf(where+".key", "%q must be lowercase letters, digits and '-'", key)
	}
	if seen[key] {
		v.failf(where+".key", "%q is used twice", key)
	}
	seen[key] = true
}

func (v *validator) chapters(where string, chapters []int) {
	for _, c := range chapters {
		if c < 1 || c > 5 {
			v.failf(where, "%d is not an IDUIT chapter (1-5)", c)
		}
	}
}

// text checks that every language is present; an optional text may be absent entirely.
func (v *validator) text(where string, t Text, required bool) {
	if len(t) == 0 {
		if required {
			v.failf(where, "is required in %v", Languages)
		}
		return
	}
	for _, lang := range Languages {
		if t[lang] == "" {
			v.failf(where+"."+lang, "is missing")
		}
	}
	for lang := range t {
		if !slices.Contains(Languages, lang) {
			v.failf(where+"."+lang, "is not a supported language %v", Languages)
		}
	}
}
