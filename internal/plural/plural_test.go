package plural

import "testing"

func TestCount(t *testing.T) {
	symbols := Forms{One: "символ", Few: "символа", Many: "символов", Other: "символа"}
	chars := Forms{One: "character", Other: "characters"}
	tests := []struct {
		lang string
		n    int
		f    Forms
		want string
	}{
		{"ru", 1, symbols, "1 символ"},
		{"ru", 2, symbols, "2 символа"},
		{"ru", 5, symbols, "5 символов"},
		{"ru", 11, symbols, "11 символов"},
		{"ru", 12, symbols, "12 символов"},
		{"ru", 21, symbols, "21 символ"},
		{"ru", 22, symbols, "22 символа"},
		{"ru", 111, symbols, "111 символов"},
		{"ru", 0, symbols, "0 символов"},
		{"en", 1, chars, "1 character"},
		{"en", 8, chars, "8 characters"},
	}
	for _, tt := range tests {
		if got := Count(tt.lang, tt.n, tt.f); got != tt.want {
			t.Errorf("Count(%s, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
