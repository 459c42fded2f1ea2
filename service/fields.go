package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"iduit/domain"
	"iduit/templates"
)

// Size limits on field values, generous for a concept note yet bounded so one request cannot fill a disk.
const (
	maxShortText = 2_000
	maxTableRows = 500
)

// checkFields validates submitted values against the template section and returns them without nulls.
// Every problem is reported at once, each naming its field.
func checkFields(sec *templates.Section, in domain.Fields, bilingual bool) (domain.Fields, []domain.Problem) {
	out := domain.Fields{}
	var problems []domain.Problem
	for key, raw := range in {
		name := "fields." + key
		f, ok := sec.Field(key)
		if !ok {
			problems = append(problems, domain.Problem{Field: name, Message: fmt.Sprintf("is not a field of section %s", sec.Key)})
			continue
		}
		if isNull(raw) {
			continue
		}
		if p := checkValue(name, f, raw, bilingual); p != nil {
			problems = append(problems, *p)
			continue
		}
		out[key] = raw
	}
	return out, problems
}

func isNull(raw json.RawMessage) bool { return domain.IsNull(raw) }

// sentAsString says whether a text value was sent as a plain JSON string: in a bilingual proposal that is
// the working language's text, as it was before the proposal became bilingual; anything else is checked
// as the {"en","ru"} object.
func sentAsString(raw json.RawMessage) bool {
	var s string
	return json.Unmarshal(raw, &s) == nil
}

func checkValue(name string, f *templates.Field, raw json.RawMessage, bilingual bool) *domain.Problem {
	switch f.Type {
	case templates.TypeText, templates.TypeLongText:
		max, multiline := maxShortText, false
		if f.Type == templates.TypeLongText {
			max, multiline = domain.MaxLongTextLength, true
		}
		if bilingual {
			return checkBilingualText(name, raw, max, multiline)
		}
		return checkString(name, raw, max, multiline)
	case templates.TypeChoice:
		return checkChoice(name, f, raw)
	case templates.TypeChecklist:
		return checkChecklist(name, f, raw)
	case templates.TypeNumber:
		return checkNumber(name, f, raw)
	case templates.TypeDate:
		return checkDate(name, raw)
	case templates.TypeTable:
		return checkTable(name, f, raw, bilingual)
	}
	return &domain.Problem{Field: name, Message: "has a type this server cannot check"}
}

// maxNumberLength bounds a number's literal: 10^12 with cents and an exponent fits in far less, and a
// 900,000-digit number is refused before anything parses it.
const maxNumberLength = 40

// checkNumber accepts a finite JSON number within the field's range (see templates.Field.Range).
func checkNumber(name string, f *templates.Field, raw json.RawMessage) *domain.Problem {
	var n json.Number
	if err := decodeStrict(raw, &n); err != nil {
		return domain.NewProblem(name, domain.ProblemNotNumber)
	}
	min, max := f.Range()
	outside := domain.NewProblem(name, domain.ProblemNumberRange,
		strconv.FormatFloat(min, 'f', -1, 64), strconv.FormatFloat(max, 'f', -1, 64))
	if len(n) > maxNumberLength {
		return outside
	}
	v, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return domain.NewProblem(name, domain.ProblemNotFinite)
	}
	if v < min || v > max {
		return outside
	}
	return nil
}

func decodeStrict(raw json.RawMessage, v any) error {
	if _, ok := v.(*string); ok {
		// A string leaves DisallowUnknownFields and UseNumber nothing to do, and Unmarshal spares a
		// decoder and its buffer: every text of every save comes through here.
		return json.Unmarshal(raw, v)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func checkString(name string, raw json.RawMessage, max int, multiline bool) *domain.Problem {
	var s string
	if err := decodeStrict(raw, &s); err != nil {
		return &domain.Problem{Field: name, Message: "must be a string"}
	}
	return domain.CheckText(name, s, max, multiline)
}

func checkChoice(name string, f *templates.Field, raw json.RawMessage) *domain.Problem {
	var s string
	if err := decodeStrict(raw, &s); err != nil || !hasOption(f, s) {
		return domain.NewProblem(name, domain.ProblemNotOneOf, optionKeys(f))
	}
	return nil
}

func checkChecklist(name string, f *templates.Field, raw json.RawMessage) *domain.Problem {
	var items []string
	if err := decodeStrict(raw, &items); err != nil {
		return &domain.Problem{Field: name, Message: "must be a list of option keys"}
	}
	seen := map[string]bool{}
	for _, it := range items {
		if !hasOption(f, it) || seen[it] {
			return &domain.Problem{Field: name, Message: fmt.Sprintf("%q is not one of %v or is ticked twice", it, optionKeys(f))}
		}
		seen[it] = true
	}
	return nil
}

func checkDate(name string, raw json.RawMessage) *domain.Problem {
	var s string
	if err := decodeStrict(raw, &s); err != nil {
		return domain.NewProblem(name, domain.ProblemNotDateString)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return domain.NewProblem(name, domain.ProblemNotDate)
	}
	return nil
}

// checkTable checks every cell as a field of its column's type. In a bilingual proposal a text cell may
// hold both languages, as a text field does, or one plain string written before it became bilingual.
func checkTable(name string, f *templates.Field, raw json.RawMessage, bilingual bool) *domain.Problem {
	var rows []map[string]json.RawMessage
	if err := decodeStrict(raw, &rows); err != nil {
		return &domain.Problem{Field: name, Message: "must be a list of rows, each an object keyed by column"}
	}
	if len(rows) > maxTableRows {
		return &domain.Problem{Field: name, Message: fmt.Sprintf("has %d rows; the limit is %d", len(rows), maxTableRows)}
	}
	for i, row := range rows {
		for key, cell := range row {
			cname := fmt.Sprintf("%s[%d].%s", name, i, key)
			col, ok := column(f, key)
			if !ok {
				return &domain.Problem{Field: cname, Message: "is not a column of this table"}
			}
			if isNull(cell) {
				continue
			}
			if p := checkValue(cname, col.AsField(), cell, bilingual && !sentAsString(cell)); p != nil {
				return p
			}
		}
	}
	return nil
}

func column(f *templates.Field, key string) (templates.Column, bool) {
	for _, c := range f.Columns {
		if c.Key == key {
			return c, true
		}
	}
	return templates.Column{}, false
}

func hasOption(f *templates.Field, key string) bool {
	for _, o := range f.Options {
		if o.Key == key {
			return true
		}
	}
	return false
}

func optionKeys(f *templates.Field) []string {
	keys := make([]string, len(f.Options))
	for i, o := range f.Options {
		keys[i] = o.Key
	}
	return keys
}
