package document

import "strings"

// missingMarks are the words put before a short text shown in the other language because its
// translation is missing: table cells, budget lines, the cover's title, country and network, and the
// workbook's cells all carry this one mark, so a reader learns it once.
var missingMarks = map[string]string{"en": "[translation missing]", "ru": "[нет перевода]"}

// MissingMark is the "translation missing" mark in lang ("en" or "ru").
func MissingMark(lang string) string { return missingMarks[lang] }

// InLanguage is a short text for a document in lang: own (the text in lang) when it says something;
// otherwise other (the text in the other language) under the mark, so that the reader sees the text
// and that it is not translated; "" when neither says anything.
func InLanguage(own, other, lang string) string {
	if strings.TrimSpace(own) != "" || strings.TrimSpace(other) == "" {
		return own
	}
	return MissingMark(lang) + " " + other
}
