package domain

import (
	"bytes"
	"encoding/json"
)

// How a stored field value reads, one reader per kind of field. The values were checked when they were
// saved (service's decoders refuse what does not fit the field), so a reader never fails: a value of
// another shape, left by an older version or a changed template, reads as no answer rather than as an
// error on a page or in a document. Everything that shows or counts an answer — pages, the check,
// progress, the PDF, Word and Excel — reads it through these (templates.FieldType.Answered says which
// reads as an answer).
//
//	text, long text      ReadText
//	choice, date         ReadString
//	checklist            ReadTicks
//	table                ReadRows (each cell by its column's reader)
//	number               ScalarText

// ReadString is a choice's key or a date as stored; "" when there is none.
func ReadString(raw json.RawMessage) string {
	if s, end, ok := plainString(raw, skipSpace(raw, 0)); ok && skipSpace(raw, end) == len(raw) {
		return s
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	return s
}

// ReadTicks are the keys a checklist has ticked, in the order they were stored.
func ReadTicks(raw json.RawMessage) []string {
	var keys []string
	_ = json.Unmarshal(raw, &keys)
	return keys
}

// ReadChosen are the option keys of a choice or a checklist: a choice's one key, or a checklist's ticks.
func ReadChosen(raw json.RawMessage) []string {
	if s := ReadString(raw); s != "" {
		return []string{s}
	}
	return ReadTicks(raw)
}

// ReadRows are a table's rows, each its cells by column key.
func ReadRows(raw json.RawMessage) []map[string]json.RawMessage {
	var rows []map[string]json.RawMessage
	_ = json.Unmarshal(raw, &rows)
	return rows
}

// IsNull says whether a stored value is absent: nothing, or JSON null.
func IsNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

// ScalarText is how a stored number, date or choice reads as text: numbers as written, strings unquoted,
// nothing for null.
func ScalarText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if IsNull(raw) {
		return ""
	}
	return string(raw)
}
