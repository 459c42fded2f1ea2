package models

import (
	"sync"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
)

// keepAllocatorPages works around a cost of the pure-Go SQLite's memory allocator (modernc.org/memory):
// it hands a 64 KiB page back to the kernel (munmap) the moment the page's last slot is freed, and maps
// a fresh one (mmap, then a page fault on first touch) at the next allocation of that size. SQLite frees
// what a statement used when the statement ends (its statement journal and, since the driver prepares
// every statement anew, the statement itself), and readers drop their page cache after every commit,
// so each save mapped and unmapped pages many times: munmap was 13% of the server's CPU and first-touch
// faults another 13%, most of it inside the single writer. Holding one slot in each of pagesPerClass
// pages of every slot size (16 B to 16 KiB) keeps those pages mapped for the life of the process (at
// most 11 MiB), and the frees and allocations cycle through them instead.
var keepAllocatorPages = sync.OnceFunc(func() {
	tls := libc.NewTLS()
	for size := 16; size <= 16<<10; size *= 2 {
		// A page holds a little less than allocatorPage/size slots (it has a header), so this many
		// allocations spread over at least pagesPerClass pages.
		n := pagesPerClass * allocatorPage / size
		slots := make([]uintptr, 0, n)
		for range n {
			slots = append(slots, libc.Xmalloc(tls, types.Size_t(size)))
		}
		kept := map[uintptr]bool{}
		for _, p := range slots {
			if page := p &^ (allocatorPage - 1); !kept[page] {
				kept[page] = true // this slot keeps its page mapped; never freed, on purpose
				continue
			}
			libc.Xfree(tls, p)
		}
	}
})

const (
	allocatorPage = 64 << 10 // modernc.org/memory's page size on 64-bit Linux
	// pagesPerClass was measured: 1 page per size gave ~1,200-1,770 saves/s, 4 gave ~2,060-2,100/s and
	// 16 gave 2,480-2,640/s in the in-process benchmark (docs/performance.md).
	pagesPerClass = 16
)
