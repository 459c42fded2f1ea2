package document

import (
	"slices"
	"testing"
)

func TestBlocks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Block
	}{
		{"one paragraph", "a b", []Block{{Text: "a b"}}},
		{"blank lines separate paragraphs", "a\n\n \nb", []Block{{Text: "a"}, {Text: "b", Offset: 5}}},
		{"single breaks stay inside a paragraph", "a\nb", []Block{{Text: "a\nb"}}},
		{"dash lines are list items", "intro\n\n- one\n- two\n  more\n\nend", []Block{
			{Text: "intro"}, {Text: "one", Item: true, Offset: 9}, {Text: "two\n  more", Item: true, Offset: 15}, {Text: "end", Offset: 27}}},
		{"an item right after a paragraph line", "intro\n- one", []Block{{Text: "intro"}, {Text: "one", Item: true, Offset: 8}}},
		{"a dash without a space is text", "-5 degrees", []Block{{Text: "-5 degrees"}}},
		{"nothing", "\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Blocks(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Blocks(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for _, b := range got {
				if tt.in[b.Offset:b.Offset+len(b.Text)] != b.Text {
					t.Errorf("Blocks(%q): %q is not at offset %d", tt.in, b.Text, b.Offset)
				}
			}
		})
	}
}
