package docx

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"iduit/document"
)

// Suggestions become tracked changes by their author: the passage as a deletion (w:del) and the new
// wording as an insertion (w:ins) right after it, so Word and LibreOffice offer to accept or reject each,
// and accepting one gives the text the product would save on accepting it. A suggestion's reason becomes
// a comment on the change. A suggestion that cannot be a tracked change here becomes a comment on its
// question saying what it proposes: its passage is in the other language, spans paragraphs, or overlaps
// a suggestion placed before it (two people cannot both delete the same words).

// change is a suggestion placed in a field's text: it replaces text[start:end], in bytes.
type change struct {
	start, end int
	s          document.Suggestion
}

// planSuggestions places the document's suggestions, and adds the comments they bring.
func (p *commentPlan) planSuggestions(d *document.Document, w *words) {
	if len(d.Suggestions) == 0 {
		return
	}
	texts := map[[2]string]string{}
	for _, s := range d.Sections {
		for _, f := range s.Fields {
			if s.Key != "" && f.Key != "" && !f.Empty && strings.TrimSpace(f.Text) != "" { // as field() writes it
				texts[[2]string{s.Key, f.Key}] = f.Text
			}
		}
	}
	blocks := map[[2]string][]document.Block{}
	p.changes = map[[2]string][]change{}
	for _, g := range d.Suggestions {
		key := [2]string{g.Section, g.Field}
		text, ok := texts[key]
		if ok && blocks[key] == nil {
			blocks[key] = document.Blocks(text)
		}
		end := g.QuoteAt + len(g.Quote)
		if ok && g.Quote != "" && g.QuoteAt >= 0 && end <= len(text) && text[g.QuoteAt:end] == g.Quote &&
			inOneBlock(blocks[key], g.QuoteAt, end) && !overlaps(p.changes[key], g.QuoteAt, end) {
			p.changes[key] = append(p.changes[key], change{start: g.QuoteAt, end: end, s: g})
			if g.Comment != "" {
				p.comments = append(p.comments, document.Comment{Section: g.Section, Field: g.Field, Quote: g.Quote,
					QuoteAt: g.QuoteAt, Author: g.Author, Text: g.Comment, Date: g.Date})
			}
			continue
		}
		text = w.suggested + " «" + g.Quote + "» → «" + g.Replacement + "»"
		if g.Replacement == "" {
			text = w.suggestedDeletion + " «" + g.Quote + "»"
		}
		if g.Comment != "" {
			text += "\n" + g.Comment
		}
		p.comments = append(p.comments, document.Comment{Section: g.Section, Field: g.Field, QuoteAt: -1,
			Author: g.Author, Text: text, Date: g.Date})
	}
	for k := range p.changes {
		slices.SortFunc(p.changes[k], func(a, b change) int { return a.start - b.start })
	}
}

func overlaps(placed []change, start, end int) bool {
	for _, c := range placed {
		if start < c.end && c.start < end {
			return true
		}
	}
	return false
}

// changesIn gives the changes in one paragraph of a field, relative to its text, in order.
func (p *commentPlan) changesIn(section, field string, b document.Block) []change {
	var out []change
	for _, c := range p.changes[[2]string{section, field}] {
		if c.start >= b.Offset && c.end <= b.Offset+len(b.Text) {
			c.start, c.end = c.start-b.Offset, c.end-b.Offset
			out = append(out, c)
		}
	}
	return out
}

// widen moves the ends of comment ranges that fall inside a change's passage out to the change's ends,
// so the comment covers the whole change, its new wording included, and stays on that wording once the
// change is accepted. Word allows a comment to start inside a deletion, but LibreOffice 7.4 crashes on
// Accept All when one does.
func widen(anchors []anchor, changes []change) []anchor {
	if len(changes) == 0 {
		return anchors
	}
	out := slices.Clone(anchors)
	for i := range out {
		a := &out[i]
		for _, c := range changes {
			if a.start > c.start && a.start < c.end {
				a.start = c.start
			}
			if a.end > c.start && a.end < c.end {
				a.end = c.end
			}
		}
	}
	return out
}

// revisionBase numbers tracked changes apart from comments and bookmarks, which count from 0.
const revisionBase = 1 << 20

// revision writes the opening tag of a w:ins or w:del by the suggestion's author.
func (x *body) revision(tag string, s *document.Suggestion) {
	x.revisions++
	x.b.WriteString(`<` + tag + ` w:id="` + strconv.Itoa(revisionBase+x.revisions) + `"`)
	attr(&x.b, "w:author", s.Author)
	if !s.Date.IsZero() {
		attr(&x.b, "w:date", s.Date.UTC().Format(time.RFC3339))
	}
	x.b.WriteString(`>`)
}

// deleted writes text as a run the suggestion deletes.
func (x *body) deleted(text, rPr string, multiline bool, s *document.Suggestion) {
	if text == "" {
		return
	}
	x.revision("w:del", s)
	x.runAs(text, rPr, multiline, "w:delText")
	x.b.WriteString(`</w:del>`)
}

// inserted writes the suggestion's new wording as a run it inserts.
func (x *body) inserted(rPr string, multiline bool, s *document.Suggestion) {
	if s.Replacement == "" {
		return
	}
	x.revision("w:ins", s)
	x.run(s.Replacement, rPr, multiline)
	x.b.WriteString(`</w:ins>`)
}
