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
	for _, tt := range tests {
		if got := checkPassword(tt.password, tt.encoded); got != tt.want {
			t.Errorf("checkPassword(%q, %q) = %v", tt.password, tt.encoded, got)
		}
	}
}
