package web

func init() {
	for k, v := range budgetMessages {
		catalogue[k] = v
	}
}

// budgetMessages are the texts of the budget and performance framework pages. Russian follows the
// glossary: модуль, мероприятие, группа затрат, показатель, исходный уровень, целевое значение,
// программный пробел, ЛУИН.
var budgetMessages = map[string]msg{
	"tab.budget":     {"Budget", "Бюджет"},
	"tab.indicators": {"Indicators", "Показатели"},
	"grid.row":       {"Line", "Строка"},
	"grid.remove":    {"Remove", "Удалить"},
	"grid.add_hint": {"Empty lines are ignored. To add more lines, save: new empty lines appear below.",
		"Пустые строки не сохраняются. Чтобы добавить еще строки, сохраните — внизу появятся новые пустые."},
	"grid.add_row": {"Add a line", "Добавить строку"},

	"budget.title": {"Modular budget", "Модульный бюджет"},
	"budget.intro": {"One line per module, intervention and cost grouping, with an amount for each grant year. Amounts are exact: type them as 12000.50 or 12 000,50.",
		"Одна строка на сочетание модуля, мероприятия и группы затрат, с суммой на каждый год гранта. Суммы точные: вводите их как 12 000,50 или 12000.50."},
	"budget.settings":                 {"Currency and grant years", "Валюта и годы гранта"},
	"budget.field.currency":           {"Currency", "Валюта"},
	"budget.field.years":              {"Grant years", "Годы гранта"},
	"budget.start_year":               {"First grant year", "Первый год гранта"},
	"budget.year_count":               {"Number of years", "Число лет"},
	"budget.years_hint":               {"Changing the years keeps the amounts by position: the first column stays the first year.", "При изменении лет суммы сохраняются по порядку: первая колонка остается первым годом."},
	"budget.field.allocation_ceiling": {"Allocation ceiling (optional)", "Предельная сумма выделения (необязательно)"},
	"budget.lines":                    {"Budget lines", "Строки бюджета"},
	"budget.amounts_hint":             {"(amounts in %s)", "(суммы в %s)"},
	"budget.field.lines":              {"Budget lines", "Строки бюджета"},
	"budget.field.module":             {"Module", "Модуль"},
	"budget.field.intervention":       {"Intervention", "Мероприятие"},
	"budget.field.cost_grouping":      {"Cost grouping", "Группа затрат"},
	"budget.field.description":        {"Description", "Описание"},
	"budget.field.unit_cost":          {"Unit cost", "Стоимость единицы"},
	"budget.field.quantity":           {"Quantity", "Количество"},
	"budget.field.":                   {"Budget", "Бюджет"},
	"budget.line":                     {"Line %d", "Строка %d"},
	"budget.saved":                    {"The budget was saved.", "Бюджет сохранен."},
	"budget.never_saved":              {"The budget has not been saved yet.", "Бюджет еще не сохранялся."},
	"budget.save_mine":                {"Save my version", "Сохранить мою версию"},
	"budget.conflict.title":           {"Someone saved the budget after you opened it", "Кто-то сохранил бюджет после того, как вы открыли страницу"},
	"budget.conflict.text": {"Nothing was overwritten. Your lines are below as you typed them. Saving again replaces the other version with yours.",
		"Ничего не перезаписано. Ваши строки ниже — так, как вы их ввели. Если сохраните снова, ваша версия заменит другую."},
	"budget.conflict.open":    {"Open the newest version instead (your changes will be lost)", "Открыть последнюю версию (ваши изменения пропадут)"},
	"budget.summary":          {"Summary of the saved budget", "Сводка сохраненного бюджета"},
	"budget.total":            {"Total", "Итого"},
	"budget.year":             {"Year", "Год"},
	"budget.by_year":          {"By grant year", "По годам гранта"},
	"budget.by_module":        {"By module", "По модулям"},
	"budget.by_cost_grouping": {"By cost grouping", "По группам затрат"},
	"budget.community_led":    {"Community-led", "Под руководством сообществ"},
	"budget.human_rights":     {"Human rights", "Права человека"},
	"budget.over_ceiling":     {"The total is %s %s above the allocation ceiling.", "Итог превышает предельную сумму на %s %s."},
	"budget.to_indicators":    {"Performance framework and programmatic gaps", "Рамка результатов и программные пробелы"},
}
