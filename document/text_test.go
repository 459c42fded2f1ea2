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
		{"blank lines separate paragraphs", "a\n\n \nb", []Block{{Text: "a"}, {Text: "b"}}},
		{"single breaks stay inside a paragraph", "a\nb", []Block{{Text: "a\nb"}}},
		{"dash lines are list items", "intro\n\n- one\n- two\n  more\n\nend", []Block{
			{Text: "intro"}, {Text: "one", Item: true}, {Text: "two\n  more", Item: true}, {Text: "end"}}},
		{"an item right after a paragraph line", "intro\n- one", []Block{{Text: "intro"}, {Text: "one", Item: true}}},
		{"a dash without a space is text", "-5 degrees", []Block{{Text: "-5 degrees"}}},
		{"nothing", "\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Blocks(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Blocks(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}
