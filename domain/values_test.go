package domain

import "testing"

// TestTitleIn names a file by the title in its own language, and by the working language's only while
// the translation is missing or the proposal has one language.
func TestTitleIn(t *testing.T) {
	bilingual := Proposal{Language: "ru", Bilingual: true, Title: "Снижение вреда в Жалал-Абаде",
		Translation: ProposalTexts{Title: "Harm reduction in Jalal-Abad"}}
	untranslated := Proposal{Language: "ru", Bilingual: true, Title: "Снижение вреда"}
	single := Proposal{Language: "ru", Title: "Снижение вреда"}
	for _, c := range []struct {
		p          Proposal
		lang, want string
	}{
		{bilingual, "en", "Harm reduction in Jalal-Abad"}, {bilingual, "ru", "Снижение вреда в Жалал-Абаде"},
		{untranslated, "en", "Снижение вреда"}, {single, "en", "Снижение вреда"}, {single, "", "Снижение вреда"},
	} {
		if got := c.p.TitleIn(c.lang); got != c.want {
			t.Errorf("TitleIn(%q) of %q = %q, want %q", c.lang, c.p.Title, got, c.want)
		}
	}
}
