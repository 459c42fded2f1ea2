package document

import "strings"

// Block is a paragraph or a list item of an answer. Its text may hold
// line breaks the writer typed, which are kept.
type Block struct {
	// Text is the paragraph or item without its "- ".
	Text string
	// Item marks a list item.
	Item bool
	// Offset is where Text starts in the text it was split from, in bytes, so a passage found by its
	// position in the whole answer can be placed in its paragraph.
	Offset int
}

// Blocks splits answer text into paragraphs (separated by blank lines) and
// list items (lines starting with "- "). A line that follows a list item
// without a blank line continues that item. Block texts are substrings of
// text, so long answers are not copied line by line. Every format splits answers with it, so
// the PDF and the Word file show the same paragraphs and lists.
func Blocks(text string) []Block {
	var out []Block
	open, start := false, 0 // start: offset of the open block's text
	for pos := 0; pos <= len(text); {
		end := len(text)
		if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		line := text[pos:end]
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			open = false
		case strings.HasPrefix(trimmed, "- ") || trimmed == "-":
			start = pos + strings.IndexByte(line, '-') + 1
			for start < end && text[start] == ' ' {
				start++
			}
			out = append(out, Block{Text: text[start:end], Item: true, Offset: start})
			open = true
		case open:
			out[len(out)-1].Text = text[start:end]
		default:
			start = pos
			out = append(out, Block{Text: line, Offset: pos})
			open = true
		}
		pos = end + 1
	}
	for i := range out {
		out[i].Text = strings.TrimRight(out[i].Text, " ")
	}
	return out
}
