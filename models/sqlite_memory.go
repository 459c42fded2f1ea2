package models

import (
	"sync"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
)

// keepAllocatorPages works around a cost of the pure-Go SQLite's memory allocator (modernc.org/memory):
// it hands a 64 KiB page back to the kernel (munmap) the moment the page's last slot is freed, and maps
// a new one (mmap) at the next allocation of that size. SQLite frees what a statement used when the
// statement ends (its statement journal and, since the driver prepares every statement anew, the
// statement itself), so each save mapped and unmapped pages several times; on these VMs an munmap, with
// its TLB shoot-down, cost more than the SQL around it (13% of the single writer's time, profiled).
// Holding one small allocation in each size class keeps one page per class mapped for the life of the
// process (eleven pages, 704 KiB), and those cycles reuse it instead.
var keepAllocatorPages = sync.OnceFunc(func() {
	tls := libc.NewTLS()
	for size := 16; size <= 16<<10; size *= 2 {
		perPage := (64 << 10) / size
		slots := make([]uintptr, 0, pagesPerClass*perPage)
		for range pagesPerClass * perPage {
			slots = append(slots, libc.Xmalloc(tls, types.Size_t(size)))
		}
		kept := map[uintptr]bool{}
		for _, p := range slots {
			if page := p &^ (64<<10 - 1); !kept[page] {
				kept[page] = true // one slot keeps its page mapped; never freed, on purpose
				continue
			}
			libc.Xfree(tls, p)
		}
	}
})

const pagesPerClass = 16
