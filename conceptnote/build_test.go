package conceptnote

import (
	"fmt"
	"testing"

	"iduit/glossary"
)

// The PDF names the IDUIT's chapters exactly as the glossary does, so the document and the pages never
// give one chapter two titles.
func TestChapterTitlesFollowTheGlossary(t *testing.T) {
	g, err := glossary.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for ch := 1; ch <= 5; ch++ {
		term, ok := g.Term(fmt.Sprintf("iduit-chapter-%d", ch))
		if !ok {
			t.Fatalf("the glossary has no title for IDUIT chapter %d", ch)
		}
		if got := chapterTitles["en"][ch-1]; got != term.En {
			t.Errorf("chapter %d in English: PDF %q, glossary %q", ch, got, term.En)
		}
		if got := chapterTitles["ru"][ch-1]; got != term.Ru {
			t.Errorf("chapter %d in Russian: PDF %q, glossary %q", ch, got, term.Ru)
		}
	}
	if words["ru"]["component"] != "ВИЧ" || words["en"]["component"] != "HIV" {
		t.Errorf("the cover's component is %q / %q; hepatitis C is part of the programme, not a Global Fund component", words["en"]["component"], words["ru"]["component"])
	}
}
