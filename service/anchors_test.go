package service

import "testing"

func TestLocate(t *testing.T) {
	quote := "доступ к ОЗТ"
	tests := []struct {
		name  string
		text  string
		hint  int
		want  Anchor
		found bool
	}{
		{"unchanged", "Мы расширим доступ к ОЗТ в регионах.", 12, Anchor{12, 24}, true},
		{"moved", "В регионах мы расширим доступ к ОЗТ.", 11, Anchor{23, 35}, true},
		{"edited around", "В 2027 году сеть и партнёры расширят доступ к ОЗТ для ЛУИН.", 11, Anchor{37, 49}, true},
		{"nearest of two", "доступ к ОЗТ ... и снова доступ к ОЗТ", 30, Anchor{25, 37}, true},
		{"spacing and case changed", "Мы расширим Доступ  к\nОЗТ.", 12, Anchor{12, 25}, true},
		{"passage deleted", "Мы расширим программы обмена шприцев.", 11, Anchor{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := locate(tt.text, quote, tt.hint)
			if found != tt.found || got != tt.want {
				t.Fatalf("locate = %+v, %v; want %+v, %v", got, found, tt.want, tt.found)
			}
		})
	}
}

func FuzzLocate(f *testing.F) {
	f.Add("Мы расширим доступ к ОЗТ.", "доступ к ОЗТ", 3)
	f.Add("a a a", "a", -5)
	f.Add("\xff\xfe", "\xfe", 0)
	f.Fuzz(func(t *testing.T, text, quote string, hint int) {
		a, found := locate(text, quote, hint)
		if found && (a.Start < 0 || a.End < a.Start || a.End > len([]rune(text))+len(quote)) {
			t.Fatalf("bad anchor %+v for %q in %q", a, quote, text)
		}
	})
}
