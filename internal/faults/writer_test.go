package faults

import (
	"strings"
	"sync"
)

// lockedWriter lets the server process and the test read and write the log buffer safely.
type lockedWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}
