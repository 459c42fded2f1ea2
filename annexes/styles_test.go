package annexes

import "testing"

func TestWrappedLines(t *testing.T) {
	tests := []struct {
		text    string
		perLine int
		want    int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"exactly ten", 11, 1},
		{"Укрепление институционального потенциала", 22, 3}, // the long word does not fit after the first
		{"a b c d e f", 3, 3},
		{"averyveryverylongword", 5, 5},
		{"one\ntwo", 10, 2},
	}
	for _, tt := range tests {
		if got := wrappedLines(tt.text, tt.perLine); got != tt.want {
			t.Errorf("wrappedLines(%q, %d) = %d, want %d", tt.text, tt.perLine, got, tt.want)
		}
	}
}
