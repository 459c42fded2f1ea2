package templates

import (
	"encoding/json"
	"testing"
)

func TestAnswered(t *testing.T) {
	tests := []struct {
		typ  FieldType
		raw  string
		want bool
	}{
		{TypeText, `"Снижение вреда"`, true},
		{TypeLongText, `{"en":"","ru":"Только по-русски"}`, true},
		{TypeText, `{"en":"  ","ru":""}`, false},
		{TypeText, `"   "`, false},
		{TypeChoice, `"nsp"`, true},
		{TypeChoice, `""`, false},
		{TypeDate, `"2026-09-10"`, true},
		{TypeChecklist, `["nsp"]`, true},
		{TypeChecklist, `[]`, false},
		{TypeChecklist, `"nsp"`, false}, // a checklist's value is a list
		{TypeTable, `[{"site":""},{"site":"Ош"}]`, true},
		{TypeTable, `[{"site":"","clients":null}]`, false},
		{TypeNumber, `0`, true},
		{TypeNumber, `null`, false},
		{TypeText, ``, false},
	}
	for _, tt := range tests {
		if got := tt.typ.Answered(json.RawMessage(tt.raw), "ru"); got != tt.want {
			t.Errorf("%s.Answered(%s) = %v, want %v", tt.typ, tt.raw, got, tt.want)
		}
	}
}
