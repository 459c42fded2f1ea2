// Package spare keeps a few reusable values — buffers, compressors — between renders. It is sync.Pool
// without the garbage collector's say: a pool is emptied at the second collection after a value was put
// back, and a submission package allocates enough between one Word file (or PDF) and the next package's
// that its buffers were always gone, so every render grew megabytes of fresh, zeroed memory again
// (6-12 % of a package's CPU in clearing it). A List keeps at most its capacity of values, each no
// larger than its keep function allows, for the life of the process: a bounded amount of memory, said
// where each List is made.
package spare

// List holds up to cap values of T for reuse.
type List[T any] struct {
	ch       chan T
	newValue func() T
	keep     func(T) bool
}

// New makes a List keeping at most n values; newValue makes one when none is spare, and keep says
// whether a value put back is worth keeping (a buffer grown too large is not). keep may be nil.
func New[T any](n int, newValue func() T, keep func(T) bool) *List[T] {
	return &List[T]{ch: make(chan T, n), newValue: newValue, keep: keep}
}

// Get returns a spare value, or a new one.
func (l *List[T]) Get() T {
	select {
	case v := <-l.ch:
		return v
	default:
		return l.newValue()
	}
}

// Put offers v for reuse; it is dropped when the list is full or keep refuses it. The caller must not
// use v afterwards, and should have reset it (so a kept value holds no document alive).
func (l *List[T]) Put(v T) {
	if l.keep != nil && !l.keep(v) {
		return
	}
	select {
	case l.ch <- v:
	default:
	}
}
