package service

import (
	"fmt"

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
// Russian phrasing avoids number agreement ("слов — 12") so one pattern fits every count.
var issueTexts = map[string]map[string]string{
	CodeRequiredMissing: {
		"en": "%s: this field is required.",
		"ru": "%s: это поле нужно заполнить.",
	},
	CodeHardLimitExceeded: {
		"en": "%s: the %s text has %d words; the limit is %d.",
		"ru": "%s: в тексте на %s языке слов — %d, а допустимо не более %d.",
	},
	CodeRequiredItemUnticked: {
		"en": "%s: “%s” must be ticked.",
		"ru": "%s: нужно отметить пункт «%s».",
	},
	CodeSoftLimitExceeded: {
		"en": "%s: the %s text has %d words; aim for at most %d.",
		"ru": "%s: в тексте на %s языке слов — %d; рекомендуется не более %d.",
	},
	CodeTooShort: {
		"en": "%s: the %s text has only %d words; reviewers expect more detail.",
		"ru": "%s: в тексте на %s языке всего слов — %d; рецензенты ждут больше подробностей.",
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

func (m messages) issue(sec *templates.Section, f *templates.Field, code string, args ...any) Issue {
	label := fmt.Sprintf("“%s”", f.Label[m.lang])
	if m.lang == "ru" {
		label = fmt.Sprintf("«%s»", f.Label[m.lang])
	}
	return Issue{
		Section: sec.Key, Field: f.Key, Code: code,
		Message: fmt.Sprintf(issueTexts[code][m.lang], append([]any{label}, args...)...),
	}
}
