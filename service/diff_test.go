package service

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiffWords(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []DiffOp
	}{
		{"same", "Снижение вреда", "Снижение вреда", []DiffOp{{"equal", "Снижение вреда"}}},
		{"word changed in Cyrillic", "доступ к ОЗТ в Бишкеке", "доступ к ОЗТ в Оше",
			[]DiffOp{{"equal", "доступ к ОЗТ в "}, {"delete", "Бишкеке"}, {"insert", "Оше"}}},
		{"word inserted", "people who use drugs", "people who inject drugs",
			[]DiffOp{{"equal", "people who "}, {"delete", "use"}, {"insert", "inject"}, {"equal", " drugs"}}},
		{"from empty", "", "новый текст", []DiffOp{{"insert", "новый текст"}}},
		{"to empty", "старый", "", []DiffOp{{"delete", "старый"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diffWords(tt.a, tt.b)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Fatalf("diff (-want +got):\n%s", d)
			}
			if rebuilt := rebuild(got, "insert"); rebuilt != tt.b {
				t.Fatalf("equal+insert gives %q, want %q", rebuilt, tt.b)
			}
			if rebuilt := rebuild(got, "delete"); rebuilt != tt.a {
				t.Fatalf("equal+delete gives %q, want %q", rebuilt, tt.a)
			}
		})
	}
}

// rebuild keeps equal pieces and those of one side, which must give back that side's text.
func rebuild(ops []DiffOp, side string) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Op == "equal" || op.Op == side {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func FuzzDiffWords(f *testing.F) {
	f.Add("доступ к ОЗТ", "доступ к ПОШ")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := diffWords(a, b)
		if rebuild(ops, "insert") != string([]rune(b)) || rebuild(ops, "delete") != string([]rune(a)) {
			t.Fatalf("diff of %q and %q does not rebuild both sides: %v", a, b, ops)
		}
	})
}
