package service

import (
	"fmt"
	"strings"

	"iduit/domain"
)

// diffCacheBytes bounds the cached comparisons: a few large ones or many small ones.
const diffCacheBytes = 16 << 20

// newDiffCache holds comparisons of two revisions, sized by the text they carry.
func newDiffCache(maxBytes int) *lruCache[[]FieldDiff] {
	return newLRUCache(maxBytes, func(ds []FieldDiff) int {
		n := 0
		for _, d := range ds {
			n += 64 + len(d.Before) + len(d.After)
			for _, op := range d.Ops {
				n += 32 + len(op.Text)
			}
		}
		return n
	})
}

// diffKey names a comparison. Revisions never change once saved, so proposal, section and the two
// numbers fix the inputs; the template version and the text languages fix how they are compared (a
// proposal made bilingual later compares both languages).
func diffKey(p domain.Proposal, section string, a, b int) string {
	return fmt.Sprintf("%s|%s|%d|%d|%d|%s", p.ID, section, a, b, p.TemplateVersion, strings.Join(textLanguages(p), ","))
}
