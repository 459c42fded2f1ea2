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
	CodeTypedNumberDisagrees: {
		"en": "%s: %s is typed here, but the budget and the settings give %s; the computed number is the one that counts.",
		"ru": "%s: здесь указано %s, а по бюджету и настройкам получается %s; учитывается рассчитанное значение.",
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

// recordTexts are the messages of findings in the funding request's records (intervention records,
// priorities, the CCM process), which have no template field to name; the first argument names the
// record.
var recordTexts = map[string]map[string]string{
	CodeInterventionWithoutBudget: {
		"en": "“%s” is in the allocation, but no budget line pays for it.",
		"ru": "«%s» входит в аллокацию, но в бюджете нет строки на это.",
	},
	CodePAARWithoutCost: {
		"en": "“%s” is in the above-allocation request (PAAR) without a cost; give its PAAR amount.",
		"ru": "«%s» включено в запрос сверх аллокации (PAAR) без стоимости; укажите сумму PAAR.",
	},
	CodePriorityWithoutIntervention: {
		"en": "Priority “%s” is marked as in the allocation, but no intervention record carries it.",
		"ru": "Приоритет «%s» отмечен как включенный в аллокацию, но ни одна запись о мероприятии его не отражает.",
	},
	CodeOneLanguage: {
		"en": "“%s”: the %s has no %s text.",
		"ru": "«%s»: в поле «%s» нет текста на %s языке.",
	},
	CodeEndorsementIncomplete: {
		"en": "The endorsement needs two signatories: the %s Chair and the %s.",
		"ru": "Заявку должны подписать двое: председатель %s и %s.",
	},
}

// budgetLineTexts are the messages of findings about the budget's lines; the first two arguments are
// how many lines and the first of them (numbered from 1).
var budgetLineTexts = map[string]map[string]string{
	CodeOneLanguage: {
		"en": "Budget lines without a %[3]s description: %[1]d (the first is line %[2]d).",
		"ru": "Строк бюджета без описания на %[3]s языке: %[1]d (первая — строка %[2]d).",
	},
	CodeLineWithoutImplementer: {
		"en": "Budget lines without an implementer: %[1]d (the first is line %[2]d); the Global Fund's detailed budget names one for each line.",
		"ru": "Строк бюджета без исполнителя: %[1]d (первая — строка %[2]d); в детальном бюджете Глобального фонда исполнитель указан для каждой строки.",
	},
}

func (m messages) budgetLineIssue(field, code string, args ...any) Issue {
	return Issue{Section: "budget", Field: field, Code: code, Message: fmt.Sprintf(budgetLineTexts[code][m.lang], args...)}
}

// recordFieldNames name a record's fields inside a sentence.
var recordFieldNames = map[string]map[string]string{
	"en": {"title": "title", "country": "country", "network": "network", "key_activities": "key activities", "rationale": "rationale", "reason": "reason for leaving it out"},
	"ru": {"title": "Название", "country": "Страна", "network": "Сеть", "key_activities": "Основные виды деятельности", "rationale": "Обоснование", "reason": "Причина невключения"},
}

// signatoryNames name the second signatory the endorsement needs.
var signatoryNames = map[string]map[string]string{
	"en": {RoleCivilSocietyRep: "civil-society representative (or the government representative when the Chair is from civil society)",
		RoleGovernmentRep: "government representative, since the Chair is from civil society"},
	"ru": {RoleCivilSocietyRep: "представитель гражданского общества (или представитель государства, если председатель от гражданского общества)",
		RoleGovernmentRep: "представитель государства, так как председатель от гражданского общества"},
}

// ccmName is the country's name for its CCM from the settings, or the generic one.
func (m messages) ccmName(set Settings) string {
	switch {
	case set.CCMAbbreviation != "":
		return set.CCMAbbreviation
	case set.CCMName != "":
		return set.CCMName
	case m.lang == "ru":
		return "СКМ"
	}
	return "CCM"
}

func (m messages) fieldName(key string) string { return recordFieldNames[m.lang][key] }

// signatoryName names the missing signatory; with no Chair named yet it names the usual pair's second.
func (m messages) signatoryName(role string) string {
	if role == "" {
		role = RoleCivilSocietyRep
	}
	return signatoryNames[m.lang][role]
}

func (m messages) recordIssue(section, field, code string, args ...any) Issue {
	return Issue{Section: section, Field: field, Code: code, Message: fmt.Sprintf(recordTexts[code][m.lang], args...)}
}
