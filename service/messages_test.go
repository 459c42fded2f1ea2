package service

import (
	"testing"

	"iduit/templates"
)

// Word counts in check messages agree with their number in both languages.
func TestIssueCountsAgree(t *testing.T) {
	sec := &templates.Section{Key: "s"}
	f := &templates.Field{Key: "f", Label: templates.Text{"en": "Answer", "ru": "Ответ"}}
	tests := []struct {
		lang, code string
		words, lim int
		want       string
	}{
		{"ru", CodeHardLimitExceeded, 21, 20, "«Ответ»: в тексте на русском языке 21 слово, а допустимо не более 20 слов."},
		{"ru", CodeSoftLimitExceeded, 102, 101, "«Ответ»: в тексте на русском языке 102 слова; рекомендуется не более 101 слова."},
		{"en", CodeHardLimitExceeded, 21, 1, "“Answer”: the English text has 21 words; the limit is 1 word."},
	}
	for _, tt := range tests {
		m := messagesFor(tt.lang)
		if got := m.issue(sec, f, tt.code, m.languageName(tt.lang), tt.words, tt.lim).Message; got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
	m := messagesFor("ru")
	if got := m.issue(sec, f, CodeTooShort, m.languageName("ru"), 1).Message; got != "«Ответ»: в тексте на русском языке всего 1 слово; рецензенты ждут больше подробностей." {
		t.Errorf("too short: %q", got)
	}
}
