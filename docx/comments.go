package docx

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"iduit/document"
)

// Comments become Word comments on what they are about: a quoted passage where the field's text still
// holds it, otherwise the field's question, otherwise the section's heading, otherwise the title. A
// comment that lost its passage (the text changed, or the quote is in the other language) shows the
// quote at the start of its text, so the reader still sees what it was about.

// anchor is a comment's range in one paragraph's text, in bytes; end < 0 means the end of the text.
type anchor struct {
	id         int
	start, end int
}

// boundary is where a comment's range starts or ends in a paragraph.
type boundary struct {
	at, order, id int
	start         bool
}

// events orders the starts and ends of anchors in a text of length n: by position; at one position a
// range that closes comes before one that opens, and an empty range opens before it closes.
func events(anchors []anchor, n int) []boundary {
	out := make([]boundary, 0, 2*len(anchors))
	for _, a := range anchors {
		end := a.end
		if end < 0 {
			end = n
		}
		closing := 0
		if end == a.start {
			closing = 2
		}
		out = append(out, boundary{at: a.start, order: 1, id: a.id, start: true}, boundary{at: end, order: closing, id: a.id})
	}
	slices.SortStableFunc(out, func(a, b boundary) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.order, b.order), cmp.Compare(a.id, b.id))
	})
	return out
}

// commentPlan says where each comment of a document goes. A thread is one document.Comment; in the
// file its first comment and each reply are Word comments of their own, numbered in a row (first), all
// on the thread's range, and commentsExtended.xml tells Word which replies to which.
type commentPlan struct {
	comments []document.Comment // the threads: the document's, then those the suggestions add
	first    []int              // each thread's Word comment id; its replies take the next ones
	total    int                // Word comments in all
	// showQuote marks comments placed away from their quote, whose text therefore starts with it.
	showQuote []bool
	sections  map[string][]int    // on the section's heading
	fields    map[[2]string][]int // on the field: its quote or its question
	orphans   []anchor            // on the title: their section is not in the document
	changes   map[[2]string][]change
}

func planComments(d *document.Document, w *words) *commentPlan {
	p := &commentPlan{comments: slices.Clone(d.Comments)}
	p.planSuggestions(d, w)
	p.showQuote = make([]bool, len(p.comments))
	p.first = make([]int, len(p.comments))
	for i, c := range p.comments {
		p.first[i] = p.total
		p.total += 1 + len(c.Replies)
	}
	if len(p.comments) == 0 {
		return p
	}
	p.sections, p.fields = map[string][]int{}, map[[2]string][]int{}
	fields := map[[2]string]bool{}
	sections := map[string]bool{}
	for _, s := range d.Sections {
		if s.Key == "" {
			continue
		}
		sections[s.Key] = true
		for _, f := range s.Fields {
			if f.Key != "" {
				fields[[2]string{s.Key, f.Key}] = true
			}
		}
	}
	for id, c := range p.comments {
		key := [2]string{c.Section, c.Field}
		switch {
		case !sections[c.Section]:
			p.orphans = append(p.orphans, anchor{id: id, end: -1})
			p.showQuote[id] = c.Quote != ""
		case c.Field == "" || !fields[key]:
			p.sections[c.Section] = append(p.sections[c.Section], id)
			p.showQuote[id] = c.Quote != ""
		default:
			p.fields[key] = append(p.fields[key], id)
		}
	}
	return p
}

// onSection gives the anchors for a section's heading.
func (p *commentPlan) onSection(key string) []anchor {
	return whole(p.sections[key])
}

func whole(ids []int) []anchor {
	out := make([]anchor, len(ids))
	for i, id := range ids {
		out[i] = anchor{id: id, end: -1}
	}
	return out
}

// quotes are the comments on passages of one field's text, each placed at the byte offset where its
// passage stands: where the caller found it (QuoteAt), or else its first occurrence.
type quotes struct {
	plan *commentPlan
	at   map[int]int // comment id → offset of its passage in the field's text
}

// onField splits a field's comments into those on a passage of its text and those on the question.
func (p *commentPlan) onField(section, field, text string) (quotes, []anchor) {
	ids := p.fields[[2]string{section, field}]
	if len(ids) == 0 {
		return quotes{}, nil
	}
	var blocks []document.Block
	if strings.TrimSpace(text) != "" {
		blocks = document.Blocks(text)
	}
	q := quotes{plan: p, at: map[int]int{}}
	var rest []int
	for _, id := range ids {
		c := p.comments[id]
		at := -1
		switch {
		case c.Quote == "":
		case c.QuoteAt >= 0 && strings.HasPrefix(text[min(c.QuoteAt, len(text)):], c.Quote):
			at = c.QuoteAt
		default:
			at = strings.Index(text, c.Quote)
		}
		if at >= 0 && inOneBlock(blocks, at, at+len(c.Quote)) {
			q.at[id] = at
		} else {
			p.showQuote[id] = c.Quote != ""
			rest = append(rest, id)
		}
	}
	return q, whole(rest)
}

// inOneBlock reports whether text[from:to] lies within one paragraph or list item: a passage across
// paragraphs has no single run of text to hang on.
func inOneBlock(blocks []document.Block, from, to int) bool {
	for _, b := range blocks {
		if from >= b.Offset && to <= b.Offset+len(b.Text) {
			return true
		}
	}
	return false
}

// in gives the anchors of the passages in one paragraph, relative to its text.
func (q *quotes) in(b document.Block) []anchor {
	var out []anchor
	for id, at := range q.at {
		if at >= b.Offset && at+len(q.plan.comments[id].Quote) <= b.Offset+len(b.Text) {
			out = append(out, anchor{id: id, start: at - b.Offset, end: at - b.Offset + len(q.plan.comments[id].Quote)})
		}
	}
	return out
}

// Namespaces of the comment parts: w14 numbers paragraphs (paraId), w15 threads comments. Readers that
// know neither skip them (mc:Ignorable).
const (
	nsW14 = "http://schemas.microsoft.com/office/word/2010/wordml"
	nsW15 = "http://schemas.microsoft.com/office/word/2012/wordml"
	nsMC  = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// paraID names the one paragraph of Word comment id, for commentsExtended.xml: eight hex digits below
// 0x80000000, as Word requires.
func paraID(id int) string {
	return strings.ToUpper(strconv.FormatInt(int64(0x10000000+id), 16))
}

// writeComments writes word/comments.xml: each thread's first comment and its replies, each a Word
// comment of one paragraph.
func writeComments(b *bytes.Buffer, p *commentPlan) {
	b.WriteString(xmlHeader)
	b.WriteString(`<w:comments xmlns:w="` + nsW + `" xmlns:w14="` + nsW14 + `" xmlns:mc="` + nsMC + `" mc:Ignorable="w14">`)
	x := &body{}
	one := func(id int, author, text string, date time.Time) {
		b.WriteString(`<w:comment w:id="` + strconv.Itoa(id) + `"`)
		attr(b, "w:author", author)
		attr(b, "w:initials", initials(author))
		if !date.IsZero() {
			attr(b, "w:date", date.UTC().Format(time.RFC3339))
		}
		x.b.Reset()
		x.b.WriteString(`><w:p w14:paraId="` + paraID(id) + `"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>` +
			`<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>`)
		x.run(text, "", true)
		x.b.WriteString(`</w:p></w:comment>`)
		b.Write(x.b.Bytes())
	}
	for t, c := range p.comments {
		text := c.Text
		if p.showQuote[t] {
			text = "«" + c.Quote + "» " + text
		}
		one(p.first[t], c.Author, text, c.Date)
		for i, r := range c.Replies {
			one(p.first[t]+1+i, r.Author, r.Text, r.Date)
		}
	}
	b.WriteString(`</w:comments>`)
}

// writeCommentsExtended writes word/commentsExtended.xml: every Word comment by its paragraph, a reply
// naming its thread's first comment as parent, so Word shows each thread as a conversation. None is
// done: only open comments are exported.
func writeCommentsExtended(b *bytes.Buffer, p *commentPlan) {
	b.WriteString(xmlHeader)
	b.WriteString(`<w15:commentsEx xmlns:w15="` + nsW15 + `" xmlns:mc="` + nsMC + `" mc:Ignorable="w15">`)
	for t, c := range p.comments {
		parent := paraID(p.first[t])
		b.WriteString(`<w15:commentEx w15:paraId="` + parent + `" w15:done="0"/>`)
		for i := range c.Replies {
			b.WriteString(`<w15:commentEx w15:paraId="` + paraID(p.first[t]+1+i) + `" w15:paraIdParent="` + parent + `" w15:done="0"/>`)
		}
	}
	b.WriteString(`</w15:commentsEx>`)
}

// initials are the first letters of the first two words of a name, as Word shows beside a comment.
func initials(name string) string {
	var out []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, unicode.ToUpper([]rune(w)[0]))
		if len(out) == 2 {
			break
		}
	}
	return string(out)
}
