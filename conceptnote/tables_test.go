package conceptnote

import (
	"testing"

	"iduit/budget"
)

func TestReadableAmount(t *testing.T) {
	kgs, _ := budget.LookupCurrency("KGS")
	tests := []struct {
		minor int64
		lang  string
		want  string
	}{
		{84_000_00, "en", "84,000.00"},
		{84_000_00, "ru", "84\u00a0000,00"},
		{1_234_567_89, "en", "1,234,567.89"},
		{5, "en", "0.05"},
		{-12_345_00, "ru", "-12\u00a0345,00"},
		{999_00, "ru", "999,00"},
	}
	for _, tt := range tests {
		if got := readableAmount(kgs, tt.minor, tt.lang); got != tt.want {
			t.Errorf("readableAmount(%d, %s) = %q, want %q", tt.minor, tt.lang, got, tt.want)
		}
	}
}
