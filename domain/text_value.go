package domain

import (
	"encoding/json"
	"unicode/utf8"
)

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
//
// The deliverables read every text of a proposal once per file (a 2,000-line budget's descriptions five
// times in a package), and encoding/json scanned each twice, first failing as a string: 12 % of a
// package's CPU. The common shapes, a string or an {"en","ru","outdated"} object of plain strings, are read
// directly; anything else (escapes, other keys, null, malformed JSON) goes to encoding/json, and a
// differential fuzz test holds the two to the same answer.
func ReadText(raw json.RawMessage, workingLanguage string) TextValue {
	if v, ok := readPlainText(raw, workingLanguage); ok {
		return v
	}
	return readTextJSON(raw, workingLanguage)
}

// readTextJSON is ReadText by encoding/json: the meaning readPlainText must agree with.
func readTextJSON(raw json.RawMessage, workingLanguage string) TextValue {
	var out TextValue
	var s string
	if json.Unmarshal(raw, &s) == nil {
		out.Set(workingLanguage, s)
		return out
	}
	_ = json.Unmarshal(raw, &out)
	return out
}

// readPlainText reads a text value whose strings need no unescaping; ok is false for any other input.
func readPlainText(raw []byte, workingLanguage string) (v TextValue, ok bool) {
	i := skipSpace(raw, 0)
	if i == len(raw) {
		return TextValue{}, false
	}
	if raw[i] == '"' {
		s, end, ok := plainString(raw, i)
		if !ok || skipSpace(raw, end) != len(raw) {
			return TextValue{}, false
		}
		v.Set(workingLanguage, s)
		return v, true
	}
	if raw[i] != '{' {
		return TextValue{}, false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return v, skipSpace(raw, i+1) == len(raw)
	}
	for {
		key, end, ok := plainString(raw, i)
		if !ok {
			return TextValue{}, false
		}
		i = skipSpace(raw, end)
		if i == len(raw) || raw[i] != ':' {
			return TextValue{}, false
		}
		val, end, ok := plainString(raw, skipSpace(raw, i+1))
		if !ok {
			return TextValue{}, false
		}
		switch key { // encoding/json matches keys case-insensitively; other spellings take its path
		case "en":
			v.EN = val
		case "ru":
			v.RU = val
		case "outdated":
			v.Outdated = val
		default:
			return TextValue{}, false
		}
		i = skipSpace(raw, end)
		switch {
		case i == len(raw):
			return TextValue{}, false
		case raw[i] == ',':
			i = skipSpace(raw, i+1)
		case raw[i] == '}':
			return v, skipSpace(raw, i+1) == len(raw)
		default:
			return TextValue{}, false
		}
	}
}

// plainString reads the JSON string starting at raw[i] when it holds no escape, no control character
// and only valid UTF-8 (encoding/json would change nothing in it), and returns it with the index after
// its closing quote.
func plainString(raw []byte, i int) (string, int, bool) {
	if i >= len(raw) || raw[i] != '"' {
		return "", 0, false
	}
	for j := i + 1; j < len(raw); j++ {
		switch c := raw[j]; {
		case c == '"':
			s := raw[i+1 : j]
			if !utf8.Valid(s) {
				return "", 0, false
			}
			return string(s), j + 1, true
		case c == '\\' || c < 0x20:
			return "", 0, false
		}
	}
	return "", 0, false
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
		i++
	}
	return i
}
