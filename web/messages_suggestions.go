package web

import "regexp"

func init() {
	for k, v := range suggestionMessages {
		catalogue[k] = v
	}
	for k, v := range suggestionErrors {
		errorMessages[k] = v
		catalogue[k] = v
	}
	problemTexts = append(problemTexts, suggestionProblems...)
}

// suggestionMessages are the texts of suggestions on the section page and in the activity log.
var suggestionMessages = map[string]msg{
	"suggest.list":             {"Suggested changes", "Предложенные правки"},
	"suggest.outdated":         {"The quoted text has since changed; this suggestion can no longer be applied.", "Процитированный текст с тех пор изменился; эту правку уже нельзя применить."},
	"suggest.accept":           {"Accept", "Принять"},
	"suggest.reject":           {"Reject", "Отклонить"},
	"suggest.withdraw":         {"Withdraw", "Отозвать"},
	"suggest.new":              {"Suggest new wording", "Предложить другую формулировку"},
	"suggest.quote":            {"Text to replace (copied from the field)", "Текст, который заменить (скопируйте из поля)"},
	"suggest.replacement":      {"New wording", "Новая формулировка"},
	"suggest.replacement_hint": {"Leave empty to suggest deleting the text.", "Оставьте пустым, чтобы предложить удалить этот текст."},
	"suggest.comment":          {"Why (optional)", "Почему (необязательно)"},
	"suggest.add":              {"Suggest", "Предложить"},
	"select.comment":           {"Comment", "Комментировать"},
	"select.suggest":           {"Suggest", "Предложить правку"},
	"comments.lang":            {"Language of the quote", "Язык цитаты"},

	"activity.suggestion_added":     {"suggested a change to", "предложил(а) правку в разделе"},
	"activity.suggestion_accepted":  {"accepted a suggested change to", "принял(а) предложенную правку в разделе"},
	"activity.suggestion_rejected":  {"rejected a suggested change to", "отклонил(а) предложенную правку в разделе"},
	"activity.suggested_by":         {"suggested by %v", "предложение: %v"},
	"activity.suggestion_withdrawn": {"withdrew a suggested change to", "отозвал(а) предложенную правку в разделе"},
}

// suggestionErrors say the service's coded suggestion errors (domain/suggestions.go).
var suggestionErrors = map[string]msg{
	"err.suggestion_closed": {"This suggestion was already accepted, rejected or withdrawn.",
		"Эту правку уже приняли, отклонили или отозвали."},
	"err.suggestion_outdated": {"The quoted text is no longer in the field, so this suggestion cannot be applied.",
		"Процитированного текста больше нет в поле, поэтому правку нельзя применить."},
	"err.not_suggester": {"Only the person who made a suggestion may withdraw it.", "Отозвать правку может только тот, кто ее предложил."},
}

// suggestionProblems translate the suggestion form's input problems into Russian.
var suggestionProblems = []struct {
	re *regexp.Regexp
	ru string
}{
	{regexp.MustCompile(`^must differ from the quote$`), "должна отличаться от цитаты"},
	{regexp.MustCompile(`^must be a language of this proposal$`), "должен быть одним из языков заявки"},
	{regexp.MustCompile(`^fits text fields only$`), "подходит только для текстовых полей"},
}
