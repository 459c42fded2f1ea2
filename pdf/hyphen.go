package pdf

import (
	"encoding/binary"
	"fmt"
)

// The Go fonts are made for code: their U+002D HYPHEN-MINUS is drawn as a minus sign, the same outline
// and advance as U+2212 (0.584 em wide, its bar 0.48 em long, longer than the en dash's 0.375 em), so
// «Жалал-Абад» printed as «Жалал – Абад». Text fonts draw a hyphen about a third of an em wide, and the
// Go fonts have one: the glyph of U+00AD SOFT HYPHEN, 0.333 em with a 0.25 em bar. textHyphen gives the
// hyphen-minus that glyph in a private copy of the font, so the PDF still holds U+002D (text search and
// copying find «Жалал-Абад») and prints a hyphen. U+2010 and U+2011 are printed as U+002D (see dashes),
// so they get it too; the minus sign U+2212 keeps its own glyph.

// textHyphen returns a copy of ttf in which the glyph of U+002D has the outline and metrics of the
// glyph of U+00AD. It panics if the font is not laid out as the Go fonts are (glyph ids 16 and 111, a
// soft hyphen no longer than the hyphen in the glyf table): the fonts are embedded, so a test sees it.
func textHyphen(ttf []byte) []byte {
	out, err := copyGlyph(ttf, goHyphenGlyph, goSoftHyphenGlyph)
	if err != nil {
		panic(fmt.Sprintf("pdf: cannot give the Go font a text hyphen: %v", err))
	}
	return out
}

// The glyph ids of U+002D and U+00AD in Go Regular and Go Bold (golang.org/x/image/font/gofont).
const (
	goHyphenGlyph     = 16
	goSoftHyphenGlyph = 111
)

// copyGlyph returns ttf with glyph dst drawn as glyph src: src's outline bytes written over dst's in
// the glyf table (the rest of dst's slot zeroed, which readers ignore) and src's advance and left side
// bearing in hmtx. Table checksums are left as they were: no reader checks them, and gofpdf writes
// fresh ones for the subset it embeds.
func copyGlyph(ttf []byte, dst, src int) ([]byte, error) {
	out := append([]byte(nil), ttf...)
	tables := map[string][]byte{}
	if len(out) < 12 {
		return nil, fmt.Errorf("too short")
	}
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if len(rec) < 16 {
			return nil, fmt.Errorf("table directory cut short")
		}
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(out)) {
			return nil, fmt.Errorf("table %q out of the file", rec[:4])
		}
		tables[string(rec[:4])] = out[off : off+size]
	}
	head, loca, glyf, hhea, hmtx := tables["head"], tables["loca"], tables["glyf"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || glyf == nil {
		return nil, fmt.Errorf("missing head, hhea or glyf")
	}
	offset := func(g int) (int, bool) {
		if binary.BigEndian.Uint16(head[50:]) == 0 { // short offsets, in words
			if 2*g+2 > len(loca) {
				return 0, false
			}
			return 2 * int(binary.BigEndian.Uint16(loca[2*g:])), true
		}
		if 4*g+4 > len(loca) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(loca[4*g:])), true
	}
	glyph := func(g int) ([]byte, error) {
		from, ok1 := offset(g)
		to, ok2 := offset(g + 1)
		if !ok1 || !ok2 || from > to || to > len(glyf) {
			return nil, fmt.Errorf("glyph %d has no valid slot", g)
		}
		return glyf[from:to], nil
	}
	d, err := glyph(dst)
	if err != nil {
		return nil, err
	}
	s, err := glyph(src)
	if err != nil {
		return nil, err
	}
	if len(s) == 0 || len(s) > len(d) {
		return nil, fmt.Errorf("glyph %d (%d bytes) does not fit the slot of glyph %d (%d bytes)", src, len(s), dst, len(d))
	}
	clear(d[copy(d, s):])
	if metrics := int(binary.BigEndian.Uint16(hhea[34:])); dst >= metrics || src >= metrics || len(hmtx) < 4*metrics {
		return nil, fmt.Errorf("glyphs %d and %d need their own horizontal metrics", dst, src)
	}
	copy(hmtx[4*dst:4*dst+4], hmtx[4*src:4*src+4])
	return out, nil
}
