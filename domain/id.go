package domain

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
)

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewID returns 128 random bits as 26 lowercase characters: opaque and not guessable, so an address
// reveals nothing and cannot be enumerated.
func NewID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return strings.ToLower(idEncoding.EncodeToString(b))
}
