package docx

import (
	"strconv"
	"strings"
	"time"
)

// words are the few words the writer adds itself; everything else arrives localised in the document.
// They are the PDF renderer's words, so both files read alike.
type words struct {
	contents    string
	pageBefore  string // "Page " before the page number
	pageBetween string // " of " between it and the page count
	notAnswered string
	country     string
	component   string
	version     string
	status      string
	date        string
	guide       string
	months      [12]string
	yearSuffix  string
	language    string // w:lang and dc:language
	// suggested and suggestedDeletion open the comment that shows a suggestion no tracked change can
	// carry, in the web pages' words for suggestions.
	suggested, suggestedDeletion string
}

var english = words{
	contents: "Contents", pageBefore: "Page ", pageBetween: " of ", notAnswered: "Not answered",
	country: "Country", component: "Disease component", version: "version", status: "Status", date: "Date",
	guide: "Drafted with the IDUIT: Implementing Comprehensive HIV and HCV Programmes " +
		"with People Who Inject Drugs (UNODC, INPUD, UNAIDS, UNDP, UNFPA, WHO, USAID, 2017).",
	months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	language: "en-GB", suggested: "Suggested change:", suggestedDeletion: "Suggested deletion:",
}

var russian = words{
	contents: "Содержание", pageBefore: "Страница ", pageBetween: " из ", notAnswered: "Нет ответа",
	country: "Страна", component: "Компонент", version: "версия", status: "Статус", date: "Дата",
	guide: "Подготовлено с опорой на руководство IDUIT «Implementing Comprehensive HIV and HCV " +
		"Programmes with People Who Inject Drugs» (УНП ООН, INPUD, ЮНЭЙДС, ПРООН, ЮНФПА, ВОЗ, USAID, 2017).",
	months: [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
		"августа", "сентября", "октября", "ноября", "декабря"},
	yearSuffix: " г.",
	language:   "ru-RU", suggested: "Предложенная правка:", suggestedDeletion: "Предложено удалить:",
}

// wordsFor picks the words for a language tag; anything not Russian gets English, as in the PDF.
func wordsFor(lang string) *words {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "ru" || strings.HasPrefix(lang, "ru-") || strings.HasPrefix(lang, "ru_") {
		return &russian
	}
	return &english
}

// formatDate writes a date the way readers of the language expect it.
func (w *words) formatDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + w.months[t.Month()-1] + " " + strconv.Itoa(t.Year()) + w.yearSuffix
}

func (w *words) versionLabel(v int) string {
	if v <= 0 {
		return ""
	}
	return w.version + " " + strconv.Itoa(v)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
