package web

func init() {
	for k, v := range settingsMessages {
		catalogue[k] = v
	}
}

// settingsMessages are the texts of the country and cycle settings page. The approach names are GC7's;
// GC8's were not published when this was written.
var settingsMessages = map[string]msg{
	"settings.title": {"Country and cycle settings", "Настройки страны и цикла"},
	"settings.intro": {"The currency and the allocation amount are set here once: the budget, its summary and the check read them from here.",
		"Валюта и размер аллокации указываются здесь один раз: бюджет, его сводка и проверка берут их отсюда."},
	"settings.saved":                      {"Settings saved.", "Настройки сохранены."},
	"settings.conflict":                   {"Someone else saved the settings first", "Кто-то другой уже сохранил настройки"},
	"settings.field.ccm_name":             {"Name of the CCM in the country", "Название СКМ в стране"},
	"settings.ccm_name_hint":              {"As the country writes it, e.g. “Страновой координационный комитет” in Kyrgyzstan.", "Так, как его называют в стране, например «Страновой координационный комитет» в Кыргызстане."},
	"settings.field.ccm_abbreviation":     {"Abbreviation", "Сокращение"},
	"settings.field.principal_recipients": {"Principal recipient(s)", "Основной получатель (получатели)"},
	"settings.one_per_line":               {"One per line.", "По одному в строке."},
	"settings.field.currency":             {"Currency", "Валюта"},
	"settings.field.allocation_amount":    {"Allocation amount", "Размер аллокации"},
	"settings.allocation_hint":            {"From the allocation letter, in the currency above.", "Из письма об аллокации, в указанной выше валюте."},
	"settings.field.application_approach": {"Application approach", "Подход к подаче заявки"},
	"settings.field.pathway":              {"Submission pathway", "Порядок подачи"},
	"settings.field.review_window":        {"Target review window", "Планируемое окно рассмотрения"},
	"settings.field.":                     {"Settings", "Настройки"},

	"settings.approach.full_review":                 {"Full review", "Полное рассмотрение"},
	"settings.approach.tailored_nsp":                {"Tailored for national strategic plans", "Адаптированный: национальные стратегические планы"},
	"settings.approach.tailored_focused_portfolios": {"Tailored for focused portfolios", "Адаптированный: целевые портфели"},
	"settings.approach.tailored_transition":         {"Tailored for transition", "Адаптированный: переход"},
	"settings.approach.program_continuation":        {"Program continuation", "Продолжение программы"},
	"settings.approach.other":                       {"Other (as the allocation letter names it)", "Другой (как указано в письме об аллокации)"},
	"settings.pathway.classic":                      {"Classic funding request", "Классическая заявка"},
	"settings.pathway.grant_ready":                  {"Grant-ready funding request", "Заявка, готовая к гранту"},
	"budget.allocation_from_settings":               {"Set in the country and cycle settings", "Указывается в настройках страны и цикла"},
	"interventions.title":                           {"Intervention records", "Записи о мероприятиях"},
	"interventions.intro": {"One record per intervention of the modular framework that the request describes. The cost is not typed: it is the sum of the budget lines of the intervention (in the allocation) or the PAAR amount (above the allocation).",
		"Одна запись на каждое мероприятие модульной структуры, которое описывает заявка. Стоимость не вводится: это сумма строк бюджета по мероприятию (в пределах аллокации) или сумма PAAR (сверх аллокации)."},
	"interventions.saved":                      {"Intervention records saved.", "Записи о мероприятиях сохранены."},
	"interventions.conflict":                   {"Someone else saved the records first", "Кто-то другой уже сохранил записи"},
	"interventions.record":                     {"Record %d", "Запись %d"},
	"interventions.cost":                       {"cost", "стоимость"},
	"interventions.add_hint":                   {"The empty record at the end adds one; save to get another.", "Пустая запись в конце добавляет новую; сохраните, чтобы появилась еще одна."},
	"interventions.field.intervention":         {"Module and intervention", "Модуль и мероприятие"},
	"interventions.field.key_activities":       {"Key activities", "Основные виды деятельности"},
	"interventions.field.priority_populations": {"Priority populations", "Приоритетные группы населения"},
	"interventions.field.geographies":          {"Geographies", "Территории"},
	"interventions.field.barriers":             {"Barriers and inequities addressed", "Устраняемые барьеры и неравенство"},
	"interventions.field.rationale":            {"Rationale", "Обоснование"},
	"interventions.field.reason":               {"Reason (required when not included)", "Причина (обязательна, если не включено)"},
	"interventions.field.implementers":         {"Implementer(s)", "Исполнитель (исполнители)"},
	"interventions.field.funding_status":       {"Funding status", "Статус финансирования"},
	"interventions.field.paar_amount":          {"Above-allocation amount (PAAR)", "Сумма сверх аллокации (PAAR)"},
	"funding.allocation":                       {"In the allocation", "В пределах аллокации"},
	"funding.paar":                             {"Above the allocation (PAAR)", "Сверх аллокации (PAAR)"},
	"funding.not_included":                     {"Not included", "Не включено"},
	"proposal.settings":                        {"Country and cycle settings", "Настройки страны и цикла"},
}
