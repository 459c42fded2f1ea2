package domain

import (
	"encoding/json"
	"reflect"
	"testing"
)

// A stored value of another shape (an older version's, or a field whose type a template changed) reads as
// no answer, never as an error.
func TestFieldValueReaders(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	if got := ReadString(raw(`"2026-09-10"`)); got != "2026-09-10" {
		t.Errorf("ReadString(date) = %q", got)
	}
	if got := ReadString(raw(`"say \"no\""`)); got != `say "no"` {
		t.Errorf("ReadString(escaped) = %q", got)
	}
	for _, s := range []string{`["a"]`, `12`, `null`, ``, `{"en":"x"}`} {
		if got := ReadString(raw(s)); got != "" {
			t.Errorf("ReadString(%s) = %q, want no answer", s, got)
		}
	}
	if got := ReadTicks(raw(`["nsp","ost"]`)); !reflect.DeepEqual(got, []string{"nsp", "ost"}) {
		t.Errorf("ReadTicks = %v", got)
	}
	if got := ReadTicks(raw(`"nsp"`)); got != nil {
		t.Errorf("ReadTicks(string) = %v, want none", got)
	}
	if got := ReadChosen(raw(`"nsp"`)); !reflect.DeepEqual(got, []string{"nsp"}) {
		t.Errorf("ReadChosen(choice) = %v", got)
	}
	if got := ReadChosen(raw(`["nsp","ost"]`)); !reflect.DeepEqual(got, []string{"nsp", "ost"}) {
		t.Errorf("ReadChosen(checklist) = %v", got)
	}
	rows := ReadRows(raw(`[{"site":"Ош","clients":120},{}]`))
	if len(rows) != 2 || ScalarText(rows[0]["site"]) != "Ош" || ScalarText(rows[0]["clients"]) != "120" {
		t.Errorf("ReadRows = %v", rows)
	}
	if got := ReadRows(raw(`{"site":"Ош"}`)); got != nil {
		t.Errorf("ReadRows(object) = %v, want none", got)
	}
	for s, want := range map[string]bool{``: true, `null`: true, ` null `: true, `""`: false, `0`: false, `[]`: false} {
		if got := IsNull(raw(s)); got != want {
			t.Errorf("IsNull(%q) = %v, want %v", s, got, want)
		}
	}
}
