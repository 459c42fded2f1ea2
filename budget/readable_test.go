package budget

import "testing"

func TestReadableAmount(t *testing.T) {
	kgs, _ := LookupCurrency("KGS")
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
		if got := kgs.Readable(tt.minor, tt.lang); got != tt.want {
			t.Errorf("Readable(%d, %s) = %q, want %q", tt.minor, tt.lang, got, tt.want)
		}
	}
}

func TestTenthsReadable(t *testing.T) {
	if got := Tenths(286).Readable("ru"); got != "28,6" {
		t.Errorf("ru: %q", got)
	}
	if got := Tenths(286).Readable("en"); got != "28.6" {
		t.Errorf("en: %q", got)
	}
}
