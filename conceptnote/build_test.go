package conceptnote

import (
	"fmt"
	"testing"

	"iduit/export"
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

// The cover prints the title, country and network in the document's language; a bilingual proposal's
// text not yet translated shows in the other language under the mark table cells carry, and a
// one-language proposal's texts print as they are.
func TestCoverTextsInTheDocumentsLanguage(t *testing.T) {
	p := export.Proposal{Language: "ru", Bilingual: true, Title: "Снижение вреда", Country: "Кыргызстан", Network: "",
		TitleTranslation: "Harm reduction", NetworkTranslation: "ENPUD"}
	for _, c := range []struct {
		lang string
		want export.ProposalTexts
	}{
		{"en", export.ProposalTexts{Title: "Harm reduction", Country: "[translation missing] Кыргызстан", Network: "ENPUD"}},
		{"ru", export.ProposalTexts{Title: "Снижение вреда", Country: "Кыргызстан", Network: "[нет перевода] ENPUD"}},
	} {
		if got := coverTexts(p, c.lang); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.lang, got, c.want)
		}
	}
	p.Bilingual = false
	if got := coverTexts(p, "en"); got.Title != "Снижение вреда" || got.Country != "Кыргызстан" || got.Network != "" {
		t.Errorf("a one-language proposal's cover: %+v", got)
	}
}
