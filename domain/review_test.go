package domain

import (
	"testing"
	"time"
)

func TestContinuesBurst(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		prevBy string
		now    time.Time
		want   bool
	}{
		{"same person a minute later", "u1", at.Add(time.Minute), true},
		{"same person just inside the burst", "u1", at.Add(EditingBurst - time.Microsecond), true},
		{"same person exactly a burst later", "u1", at.Add(EditingBurst), false},
		{"someone else", "u2", at.Add(time.Second), false},
		{"never saved before", "", at.Add(time.Second), false},
		{"a clock that went backwards", "u1", at.Add(-time.Second), false},
	} {
		if got := ContinuesBurst("u1", c.now, c.prevBy, at); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
