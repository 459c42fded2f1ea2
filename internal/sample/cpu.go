package sample

import (
	"syscall"
	"testing"
	"time"
)

// processCPU is the CPU time the process has used, user and system.
func processCPU() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// MeasureCPU runs a benchmark's loop and reports the CPU time per operation beside the wall time: on a
// machine shared with other work the wall time measures the neighbours too, the CPU time much less so.
func MeasureCPU(b *testing.B, op func()) {
	b.ReportAllocs()
	start := processCPU()
	n := 0
	for b.Loop() {
		op()
		n++
	}
	if n > 0 {
		b.ReportMetric(float64(processCPU()-start)/float64(n)/1e6, "cpu-ms/op")
	}
}
