package service

import (
	"strings"
	"testing"
)

func TestPasswordHashing(t *testing.T) {
	p := PasswordParams{Memory: 64, Time: 1, Threads: 1}
	h := hashPassword("пароль-достаточно-длинный", p)
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string", h)
	}
	if h == hashPassword("пароль-достаточно-длинный", p) {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		password, encoded string
		want              bool
	}{
		{"пароль-достаточно-длинный", h, true},
		{"пароль-достаточно-длинныи", h, false},
		{"", h, false},
		{"x", "$argon2id$v=19$m=64,t=1,p=1$bad$bad", false},
		{"x", "plain text", false},
	}
	dummy := Argon2Hasher{Params: p}.Dummy()
	if !strings.HasPrefix(dummy, "$argon2id$v=19$m=64,t=1,p=1$") || checkPassword("", dummy) {
		t.Fatalf("dummy %q must have the hasher's cost and match nothing", dummy)
	}
	for _, tt := range tests {
		if got := checkPassword(tt.password, tt.encoded); got != tt.want {
			t.Errorf("checkPassword(%q, %q) = %v", tt.password, tt.encoded, got)
		}
	}
}

func TestPasswordRules(t *testing.T) {
	tests := []struct {
		password string
		want     string // a word of the problem's message; "" for accepted
	}{
		{"correct horse battery", ""},
		{"Ётот-пароль-мой", ""},
		{"        ", "spaces"},
		{"\t\t\t\t\t\t\t\t", "spaces"},
		{"aaaaaaaa", "different"},
		{"12121212", "different"},
		{"abcdefgh", "common"},
		{"P@ssw0rd", "common"},
		{"PASSWORD", "common"},
		{"Dragon2024!", "common"},
		{"natasha1987", "common"},
		{"ЙЦУКЕН123", "common"},
		{"1q2w3e4r5t", "common"},
		{"gfhjkm2020", "common"},
		{"me@example.org", "email"},
		{"short", "at least"},
	}
	for _, tt := range tests {
		p := checkPasswordRules(tt.password, "me@example.org")
		switch {
		case tt.want == "" && p != nil:
			t.Errorf("%q refused: %s", tt.password, p.Message)
		case tt.want != "" && (p == nil || !strings.Contains(p.Message, tt.want)):
			t.Errorf("%q: %v, want a problem about %q", tt.password, p, tt.want)
		}
	}
	if n := len(commonPasswords); n < 3000 {
		t.Fatalf("the common-password list has %d entries (with variants); want a few thousand", n)
	}
}
