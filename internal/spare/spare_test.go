package spare

import (
	"bytes"
	"runtime"
	"testing"
)

func TestListKeepsValuesThroughCollections(t *testing.T) {
	made := 0
	l := New(2, func() *bytes.Buffer { made++; return new(bytes.Buffer) }, func(b *bytes.Buffer) bool { return b.Cap() <= 1<<20 })
	a, b := l.Get(), l.Get()
	a.Grow(1 << 10)
	l.Put(a)
	l.Put(b)
	l.Put(new(bytes.Buffer)) // the list is full: dropped
	runtime.GC()
	runtime.GC() // a sync.Pool would be empty now
	if got := l.Get(); got != a || made != 2 {
		t.Fatalf("Get after two collections returned a new buffer (made %d)", made)
	}
	if got := l.Get(); got != b {
		t.Fatal("the second spare was lost")
	}
	if l.Get(); made != 3 {
		t.Fatalf("an empty list made %d values in all, want 3", made)
	}
	big := new(bytes.Buffer)
	big.Grow(2 << 20)
	l.Put(big)
	if got := l.Get(); got == big {
		t.Fatal("a buffer keep refused was kept")
	}
}
