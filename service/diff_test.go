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

// TestDiffJoinsRunsOnce: a diff against an empty revision (every word inserted) builds its one piece in
// a fixed number of allocations, not one copy of the growing text per word, which made large first
// saves cost seconds of CPU to compare.
func TestDiffJoinsRunsOnce(t *testing.T) {
	text := strings.Repeat("слово word ", 10_000)
	allocs := testing.AllocsPerRun(3, func() {
		if ops := lcsDiff(nil, tokens(text)); len(ops) != 1 || ops[0].Text != text {
			t.Fatalf("%d pieces", len(ops))
		}
	})
	// tokens() itself allocates one string per token; the diff may add a few, not one per token.
	if base := testing.AllocsPerRun(3, func() { tokens(text) }); allocs > base+50 {
		t.Errorf("the diff of %d inserted tokens took %.0f allocations beyond tokenising", 40_000, allocs-base)
	}
}
