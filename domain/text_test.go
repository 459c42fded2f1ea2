package domain

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		max       int
		multiline bool
		want      string // substring of the problem, "" for none
	}{
		{"plain Cyrillic", "Снижение вреда", 20, false, ""},
		{"limit counts characters, not bytes", strings.Repeat("ж", 10), 10, false, ""},
		{"over the limit names it", strings.Repeat("ж", 11), 10, false, "the limit is 10"},
		{"invalid UTF-8", "a\xffb", 10, false, "UTF-8"},
		{"NUL", "a\x00b", 10, false, "U+0000"},
		{"new line in one-line text", "a\nb", 10, false, "U+000A"},
		{"new line and tab in long text", "a\n\tb\r\n", 10, true, ""},
		{"escape in long text", "a\x1bb", 10, true, "U+001B"},
		{"emoji and combining marks are text", "й👍🏽", 10, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := CheckText("f", tt.in, tt.max, tt.multiline)
			switch {
			case tt.want == "" && p != nil:
				t.Fatalf("unexpected problem %q", p.Message)
			case tt.want != "" && (p == nil || !strings.Contains(p.Message, tt.want)):
				t.Fatalf("got %+v, want a problem containing %q", p, tt.want)
			}
		})
	}
}

func TestCheckEmail(t *testing.T) {
	for in, ok := range map[string]bool{"a@b.org": true, "айгуль@почта.кг": true, "": false, "a@": false, "@b": false, "a b@c.d": false, "<a@b.c>": false} {
		if got := CheckEmail("email", in) == nil; got != ok {
			t.Errorf("CheckEmail(%q) ok=%v, want %v", in, got, ok)
		}
	}
}

func TestRolesAllow(t *testing.T) {
	for _, r := range Roles() {
		if !r.Allows(ActionRead) {
			t.Errorf("%s cannot read", r)
		}
	}
	if RoleReviewer.Allows(ActionEditText) || RoleViewer.Allows(ActionEditText) || RoleEditor.Allows(ActionDelete) || Role("admin").Valid() {
		t.Error("a role allows more than it should")
	}
}

// FuzzCheckText: any input gives a verdict without panicking, and accepted text is valid UTF-8 within the
// limit with no forbidden control characters.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"Снижение вреда", "a\x00b", "\xff", "\u202eRTL", "й\u0306", "👍🏽", "line\nbreak"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		if CheckText("f", s, 50, multiline) != nil {
			return
		}
		if !utf8.ValidString(s) || utf8.RuneCountInString(s) > 50 {
			t.Fatalf("accepted %q", s)
		}
		for _, r := range s {
			if isForbiddenControl(r, multiline) {
				t.Fatalf("accepted control character in %q", s)
			}
		}
	})
}
