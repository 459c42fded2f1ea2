package service

import (
	"encoding/json"
	"testing"

	"iduit/templates"
)

// TestNumberRange: a field's declared min and max replace the default range of 0 to 10^12.
func TestNumberRange(t *testing.T) {
	minus, ten := -10.0, 10.0
	declared := &templates.Field{Type: templates.TypeNumber, Min: &minus, Max: &ten}
	plain := &templates.Field{Type: templates.TypeNumber}
	tests := []struct {
		f     *templates.Field
		value string
		ok    bool
	}{
		{plain, "0", true}, {plain, "1000000000000", true}, {plain, "1000000000000.01", false}, {plain, "-0.5", false},
		{plain, "1e12", true}, {plain, "1e999999", false},
		{declared, "-10", true}, {declared, "10", true}, {declared, "10.5", false}, {declared, "-11", false},
	}
	for _, tc := range tests {
		p := checkValue("fields.n", tc.f, json.RawMessage(tc.value), false)
		if (p == nil) != tc.ok {
			t.Errorf("%s in [%v, %v]: problem %v, want ok=%v", tc.value, tc.f.Min, tc.f.Max, p, tc.ok)
		}
	}
}
