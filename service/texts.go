package service

import (
	"encoding/json"
	"fmt"
	"slices"

	"iduit/domain"
)

// readText decodes a stored text value of proposal p.
func readText(raw json.RawMessage, p domain.Proposal) domain.TextValue {
	return domain.ReadText(raw, p.Language)
}

// textIn returns the text of a field in one language, as the check, the progress and the PDF see it.
func textIn(raw json.RawMessage, p domain.Proposal, lang string) string {
	return readText(raw, p).Side(lang)
}

// textLanguages are the languages whose text counts for a proposal.
func textLanguages(p domain.Proposal) []string {
	if p.Bilingual {
		return proposalLanguages
	}
	return []string{p.Language}
}

// checkBilingualText validates a text value sent for a bilingual proposal: an object with en and/or ru.
func checkBilingualText(name string, raw json.RawMessage, max int, multiline bool) *domain.Problem {
	var m map[string]json.RawMessage
	if err := decodeStrict(raw, &m); err != nil {
		return &domain.Problem{Field: name, Message: `must be an object {"en": "...", "ru": "..."} in a bilingual proposal`}
	}
	for key, v := range m {
		if key == "outdated" {
			continue // set by the server; a client echoing it back is harmless
		}
		if !slices.Contains(proposalLanguages, key) {
			return &domain.Problem{Field: name + "." + key, Message: fmt.Sprintf("is not a language of this proposal %v", proposalLanguages)}
		}
		if p := checkString(name+"."+key, v, max, multiline); p != nil {
			return p
		}
	}
	return nil
}

// markOutdated compares a bilingual value with the one it replaces: when only one side changed, the
// other is flagged outdated; saving the flagged side (or both) clears it.
func markOutdated(prev, next json.RawMessage, p domain.Proposal) json.RawMessage {
	old, cur := readText(prev, p), readText(next, p)
	changedEN, changedRU := old.EN != cur.EN, old.RU != cur.RU
	switch {
	case changedEN && changedRU:
		cur.Outdated = ""
	case changedEN:
		cur.Outdated = afterOneSideChanged(old.Outdated, "en", "ru", cur.RU)
	case changedRU:
		cur.Outdated = afterOneSideChanged(old.Outdated, "ru", "en", cur.EN)
	default:
		cur.Outdated = old.Outdated
	}
	out, _ := json.Marshal(cur)
	return out
}

// afterOneSideChanged decides the flag when only one side was edited: editing the outdated side is the
// translation catching up, which clears the flag; otherwise the other side is now behind (unless it is
// empty, which the check reports as missing rather than outdated).
func afterOneSideChanged(wasOutdated, changed, other, otherText string) string {
	if wasOutdated == changed || otherText == "" {
		return ""
	}
	return other
}
