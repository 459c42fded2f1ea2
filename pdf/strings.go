package pdf

import (
	"strconv"
	"strings"
	"time"
)

// uiText holds the words the renderer itself prints; everything else
// arrives already localised in the Document.
type uiText struct {
	contents    string
	page        string // "Page %d of %d", filled by pageLabel
	notAnswered string
	network     string
	country     string
	component   string
	template    string
	version     string
	status      string
	date        string
	guide       string // cover note naming the IDUIT
	worksheet   string // worksheet cover heading
	instruction string // how to use a worksheet
	meeting     []string
	months      [12]string // in the form a date needs ("марта", not "март")
	yearSuffix  string     // Russian dates end in " г."
}

var english = uiText{
	contents:    "Contents",
	page:        "Page %d of %d",
	notAnswered: "Not answered",
	network:     "Applicant network",
	country:     "Country",
	component:   "Disease component",
	template:    "Template",
	version:     "version",
	status:      "Status",
	date:        "Date",
	guide: "Drafted with the IDUIT: Implementing Comprehensive HIV and HCV Programmes " +
		"with People Who Inject Drugs (UNODC, INPUD, UNAIDS, UNDP, UNFPA, WHO, USAID, 2017).",
	worksheet: "Community consultation worksheet",
	instruction: "Read each question and its guidance aloud, discuss it, and write the group's " +
		"answers on the lines. Tick the boxes that apply. Add sheets if you need more room.",
	meeting: []string{"Place", "Date", "Facilitator", "Number of participants"},
	months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
}

var russian = uiText{
	contents:    "Содержание",
	page:        "Страница %d из %d",
	notAnswered: "Нет ответа",
	network:     "Сеть-заявитель",
	country:     "Страна",
	component:   "Компонент",
	template:    "Шаблон",
	version:     "версия",
	status:      "Статус",
	date:        "Дата",
	guide: "Подготовлено с опорой на руководство IDUIT «Implementing Comprehensive HIV and HCV " +
		"Programmes with People Who Inject Drugs» (УНП ООН, INPUD, ЮНЭЙДС, ПРООН, ЮНФПА, ВОЗ, USAID, 2017).",
	worksheet: "Рабочий лист для консультации с сообществом",
	instruction: "Прочитайте вслух каждый вопрос и пояснение к нему, обсудите и запишите ответы " +
		"группы на линиях. Отметьте подходящие варианты. Если места не хватит, добавьте листы.",
	meeting: []string{"Место", "Дата", "Ведущий", "Число участников"},
	months: [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
		"августа", "сентября", "октября", "ноября", "декабря"},
	yearSuffix: " г.",
}

// uiFor picks the renderer's strings for a language tag; anything that is
// not Russian gets English, the language Global Fund forms are read in.
func uiFor(lang string) *uiText {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if lang == "ru" || strings.HasPrefix(lang, "ru-") || strings.HasPrefix(lang, "ru_") {
		return &russian
	}
	return &english
}

// pageLabel is the footer's "Page N of M".
func (ui *uiText) pageLabel(n, total int) string {
	s := strings.Replace(ui.page, "%d", strconv.Itoa(n), 1)
	return strings.Replace(s, "%d", strconv.Itoa(total), 1)
}

// formatDate writes a date the way readers of the language expect it.
func (ui *uiText) formatDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + " " + ui.months[t.Month()-1] + " " + strconv.Itoa(t.Year()) + ui.yearSuffix
}
