package domain

import "encoding/json"

// TextValue is a text field's value as stored: one text in a monolingual proposal (a JSON string), or
// both languages in a bilingual one. Outdated names the side not saved since the other side changed
// ("translation outdated"); the server sets it.
type TextValue struct {
	EN       string `json:"en"`
	RU       string `json:"ru"`
	Outdated string `json:"outdated,omitempty"`
}

// Side returns the text in one language.
func (v TextValue) Side(lang string) string {
	if lang == "ru" {
		return v.RU
	}
	return v.EN
}

// Set replaces the text in one language.
func (v *TextValue) Set(lang, text string) {
	if lang == "ru" {
		v.RU = text
	} else {
		v.EN = text
	}
}

// ReadText decodes a stored text value. A plain string belongs to the working language, so a value saved
// before a proposal became bilingual still reads sensibly.
func ReadText(raw json.RawMessage, workingLanguage string) TextValue {
	var out TextValue
	var s string
	if json.Unmarshal(raw, &s) == nil {
		out.Set(workingLanguage, s)
		return out
	}
	_ = json.Unmarshal(raw, &out)
	return out
}

// ScalarText is how a stored number, date or choice reads as text: numbers as written, strings unquoted,
// nothing for null.
func ScalarText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	return string(raw)
}
