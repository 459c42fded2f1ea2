package domain

import "testing"

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"Снижение вреда", 2},
		{"ВИЧ-инфекция среди ЛУИН", 3},
		{"people's access — and OST", 4},
		{"ЛУИН/ЛУН, 2023 г.", 4},
		{"Mixed текст with русскими словами", 5},
		{"— ... !!! 😀", 0},
		{"и\u0306 (и with a combining breve)", 6},
		{"25 000 человек", 3},
		{"наркозависимость,стигма;дискриминация", 3},
		{"- пункт списка\n- второй пункт", 4},
		{"نص عربي", 2},
	}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"Снижение вреда", "a-b c", "\xff\xfe", "й", "😀 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := CountWords(s)
		if n < 0 || n > len(s) {
			t.Fatalf("CountWords(%q) = %d", s, n)
		}
		if CountWords(s+" "+s) != 2*n {
			t.Fatalf("counting is not additive for %q", s)
		}
	})
}
