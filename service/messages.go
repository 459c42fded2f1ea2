package service

import (
	"fmt"

	"iduit/internal/plural"
	"iduit/templates"
)

// messages renders check issues in one language: the proposal's working language, so that the people
// drafting read them in the language they write in.
type messages struct{ lang string }

func messagesFor(lang string) messages {
	if lang != "ru" {
		lang = "en"
	}
	return messages{lang: lang}
}

// issueTexts holds every check message in both languages. The first argument is always the field label;
// counts of words arrive already agreed with their number (countedIssueArgs), «21 слово», «не более 20 слов».
var issueTexts = map[string]map[string]string{
	CodeRequiredMissing: {
		"en": "%s: this field is required.",
		"ru": "%s: это поле нужно заполнить.",
	},
	CodeHardLimitExceeded: {
		"en": "%s: the %s text has %s; the limit is %s.",
		"ru": "%s: в тексте на %s языке %s, а допустимо не более %s.",
	},
	CodeRequiredItemUnticked: {
		"en": "%s: “%s” must be ticked.",
		"ru": "%s: нужно отметить пункт «%s».",
	},
	CodeSoftLimitExceeded: {
		"en": "%s: the %s text has %s; aim for at most %s.",
		"ru": "%s: в тексте на %s языке %s; рекомендуется не более %s.",
	},
	CodeTooShort: {
		"en": "%s: the %s text has only %s; reviewers expect more detail.",
		"ru": "%s: в тексте на %s языке всего %s; рецензенты ждут больше подробностей.",
	},
	CodeUnprintable: {
		"en": "%s: the %s text has characters the PDF cannot print yet (%s); they will show as \uFFFD.",
		"ru": "%s: в тексте на %s языке есть символы, которые PDF пока не может напечатать (%s); они будут показаны как \uFFFD.",
	},
	CodeOneLanguage: {
		"en": "%s: the %s text is missing.",
		"ru": "%s: нет текста на %s языке.",
	},
	CodeTranslationOutdated: {
		"en": "%s: the %s text has not been updated since the other language changed.",
		"ru": "%s: текст на %s языке не обновлялся после изменения другой версии.",
	},
}

// languageNames name a language inside a sentence ("the English text", "на английском языке").
var languageNames = map[string]map[string]string{
	"en": {"en": "English", "ru": "Russian"},
	"ru": {"en": "английском", "ru": "русском"},
}

func (m messages) languageName(lang string) string { return languageNames[m.lang][lang] }

// words are the forms of "word" a count takes: nominative («21 слово») and, after «не более», genitive
// («не более 21 слова»).
var (
	wordsNominative = map[string]plural.Forms{"en": {One: "word", Other: "words"}, "ru": {One: "слово", Few: "слова", Many: "слов", Other: "слова"}}
	wordsGenitive   = map[string]plural.Forms{"en": {One: "word", Other: "words"}, "ru": {One: "слова", Few: "слов", Many: "слов", Other: "слова"}}
)

// countedIssueArgs gives, per issue code, the noun forms of its integer arguments after the label, in
// order; plural.Count agrees each with its number.
var countedIssueArgs = map[string][]map[string]plural.Forms{
	CodeHardLimitExceeded: {nil, wordsNominative, wordsGenitive},
	CodeSoftLimitExceeded: {nil, wordsNominative, wordsGenitive},
	CodeTooShort:          {nil, wordsNominative},
}

func (m messages) issue(sec *templates.Section, f *templates.Field, code string, args ...any) Issue {
	for i, forms := range countedIssueArgs[code] {
		if i >= len(args) || forms == nil {
			continue
		}
		if n, ok := args[i].(int); ok {
			args[i] = plural.Count(m.lang, n, forms[m.lang])
		}
	}
	label := fmt.Sprintf("“%s”", f.Label[m.lang])
	if m.lang == "ru" {
		label = fmt.Sprintf("«%s»", f.Label[m.lang])
	}
	return Issue{
		Section: sec.Key, Field: f.Key, Code: code,
		Message: fmt.Sprintf(issueTexts[code][m.lang], append([]any{label}, args...)...),
	}
}
