// Package reference is the reference concept note that the tests and benchmarks of every deliverable
// format share, so the PDF and Word figures are measured on the same document.
package reference

import (
	"strconv"
	"strings"
	"time"

	"iduit/document"
)

// SentencesEN are the English sentences answers are made of.
var SentencesEN = []string{
	"Harm reduction services for people who inject drugs remain concentrated in the capital and two regional centres, leaving most small towns without a needle and syringe programme.",
	"The national estimate of people who inject drugs was last updated in 2019 and is widely considered to undercount women and young people who use drugs.",
	"Peer outreach workers meet people who use drugs where they live and work, hand out sterile injecting equipment and naloxone, and go with clients to HIV and hepatitis C testing.",
	"Opioid substitution therapy is offered at eleven sites, but take-home doses are not allowed, which makes it hard for clients to keep a job.",
	"Police presence near pharmacies and service points discourages people from carrying syringes; community paralegals record these cases every month.",
	"Community-led monitoring collects client feedback on waiting times, stock-outs and the attitudes of health workers, and presents the results to the CCM each quarter.",
	"The network proposes to reach 60% of the estimated population with a defined package of prevention services (KP-1d) by the end of the grant.",
	"Hepatitis C treatment with direct-acting antivirals is free, yet diagnosis still takes several visits to a specialist clinic in the regional centre.",
	"Stigma in health care remains the main reason people who use drugs give for not coming back for their test results.",
	"All interventions are designed and delivered with organisations of people who use drugs, as chapter 1 of the IDUIT on community empowerment recommends.",
	"Stimulant use is rising among young people in the capital, and current services offer them little beyond HIV testing.",
	"Counterpart financing from the state budget covers methadone procurement, while outreach and legal support depend almost entirely on external donors.",
}

// SentencesRU are the Russian sentences answers are made of.
var SentencesRU = []string{
	"Услуги снижения вреда для людей, употребляющих инъекционные наркотики, сосредоточены в столице и двух областных центрах; в большинстве малых городов программ обмена игл и шприцев нет.",
	"Оценка численности ЛУИН последний раз обновлялась в 2019 году; по мнению сообщества, она занижает число женщин и молодых людей, употребляющих наркотики.",
	"Аутрич-работники из числа равных встречаются с клиентами там, где те живут и работают, раздают стерильный инструментарий и налоксон и сопровождают клиентов на тестирование на ВИЧ и гепатит С.",
	"Опиоидная заместительная терапия доступна на одиннадцати сайтах, однако выдача препарата на дом не разрешена, и клиентам трудно совмещать лечение с работой.",
	"Присутствие полиции возле аптек и пунктов обслуживания удерживает людей от того, чтобы носить с собой шприцы; параюристы сообщества ежемесячно документируют такие случаи.",
	"Мониторинг на уровне сообществ собирает отзывы клиентов о времени ожидания, перебоях в поставках и отношении медицинских работников; результаты ежеквартально представляются СКМ.",
	"Сеть предлагает к концу гранта охватить 60% оценочной численности ЛУИН определённым пакетом профилактических услуг (KP-1d).",
	"Лечение гепатита С препаратами прямого противовирусного действия бесплатно, но для постановки диагноза по-прежнему нужно несколько визитов в специализированную клинику.",
	"Стигма в медицинских учреждениях остаётся главной причиной, по которой люди, употребляющие наркотики, не возвращаются за результатами тестов.",
	"Все мероприятия разрабатываются и проводятся вместе с организациями людей, употребляющих наркотики, как рекомендует глава 1 руководства IDUIT «Расширение прав и возможностей сообществ».",
	"Употребление стимуляторов растёт среди молодёжи столицы, а существующие службы почти ничего не предлагают им, кроме тестирования на ВИЧ.",
	"Встречное финансирование из государственного бюджета покрывает закупку метадона, тогда как аутрич и юридическая помощь почти полностью зависят от внешних доноров.",
}

// Chapters are IDUIT chapter references as a Russian template words them.
var Chapters = []string{
	"Руководство IDUIT, глава 1: Расширение прав и возможностей сообществ",
	"Руководство IDUIT, глава 2: Реформа законодательства, права человека, стигма и дискриминация",
	"Руководство IDUIT, глава 3: Медицинские услуги и услуги поддержки",
	"Руководство IDUIT, глава 4: Подходы к предоставлению услуг",
	"Руководство IDUIT, глава 5: Управление программами",
}

var sectionTitles = []string{
	"Контекст страны: эпидемиология ВИЧ и гепатита С среди ЛУИН",
	"Ключевые группы населения и барьеры в доступе к услугам",
	"Права человека, законодательство и практика полиции",
	"Системы сообществ и участие людей, употребляющих наркотики",
	"Национальный стратегический план и его пробелы",
	"Финансовая картина, дополняемость и устойчивость",
	"Программные пробелы",
	"Модули и мероприятия",
	"Программы обмена игл и шприцев",
	"Опиоидная заместительная терапия",
	"Гепатит С, туберкулёз и другие сопутствующие заболевания",
	"Профилактика передозировок и налоксон",
	"Мониторинг на уровне сообществ",
	"Механизмы реализации: основной получатель и субполучатели",
	"Риски и меры по их снижению",
	"Участие в работе СКМ и одобрение заявки",
}

// paragraph strings together n sentences from both languages, picked by seed.
func paragraph(seed, n int) string {
	var b strings.Builder
	for i := range n {
		pool := SentencesRU
		if (seed+i)%3 == 2 {
			pool = SentencesEN
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(pool[(seed*7+i*5)%len(pool)])
	}
	return b.String()
}

// answerText is a few paragraphs, sometimes with a list between them.
func answerText(seed int) string {
	parts := []string{paragraph(seed, 5), paragraph(seed+1, 4)}
	if seed%3 == 0 {
		parts = append(parts, "- "+SentencesRU[seed%len(SentencesRU)]+"\n- "+
			SentencesEN[(seed+3)%len(SentencesEN)]+"\n- "+SentencesRU[(seed+5)%len(SentencesRU)])
	}
	parts = append(parts, paragraph(seed+2, 4))
	return strings.Join(parts, "\n\n")
}

// Document is a concept note of about thirty pages as an EECA network would draft it: Russian template
// and headings, answers in Russian and English, long paragraphs, lists, checklists and tables, one of
// them spanning pages. It is built anew on each call, so a caller may change it.
func Document() document.Document {
	d := document.Document{
		Title:           "Снижение вреда под руководством сообществ: доступ ЛУИН к профилактике и лечению ВИЧ и гепатита С",
		Network:         "Евразийская сеть людей, употребляющих наркотики (пример)",
		Country:         "Республика Молдова",
		Component:       "ВИЧ",
		TemplateTitle:   "Концептуальная записка IDUIT",
		TemplateKey:     "iduit-concept-note",
		TemplateVersion: 3,
		Status:          "черновик",
		Date:            time.Date(2025, 3, 14, 16, 5, 0, 0, time.UTC),
		Language:        "ru",
	}
	for i, title := range sectionTitles {
		s := document.Section{
			Number:   strconv.Itoa(i+1) + ".",
			Title:    title,
			Chapters: []string{Chapters[i%len(Chapters)]},
		}
		if i%4 == 1 {
			s.Chapters = append(s.Chapters, Chapters[(i+2)%len(Chapters)])
		}
		s.Fields = referenceFields(i)
		d.Sections = append(d.Sections, s)
	}
	return d
}

func referenceFields(i int) []document.Field {
	fields := []document.Field{
		{Label: "Опишите ситуацию / Describe the situation", Guidance: SentencesRU[i%len(SentencesRU)], Text: answerText(i * 3)},
		{Label: "Что предлагает сообщество? What does the community propose?", Guidance: SentencesEN[i%len(SentencesEN)], Text: answerText(i*3 + 1)},
	}
	switch i {
	case 5:
		fields = append(fields, document.Field{Label: "Финансовая картина по источникам (тыс. долл. США)", Table: fundingTable()})
	case 6, 7:
		fields = append(fields, document.Field{Label: "Таблица программных пробелов / Programmatic gap table", Table: gapTable(i*4, 28+(7-i)*14)})
	case 14:
		fields = append(fields, document.Field{Label: "Риски и меры по снижению", Table: riskTable()})
	case 15:
		fields = append(fields, document.Field{Label: "Как сообщество участвовало в подготовке заявки?", Items: []string{
			"Консультации с сообществом в трёх регионах / Community consultations in three regions",
			"Проект заявки опубликован для комментариев",
			"Комментарии сообщества получены и учтены",
			"Представитель ЛУН участвовал в заседании СКМ по одобрению заявки",
		}})
		fields = append(fields, document.Field{Label: "Письмо о поддержке от сети", Empty: true})
	default:
		fields = append(fields, document.Field{Label: "Ожидаемые результаты", Text: paragraph(i, 4)})
	}
	return fields
}

func fundingTable() *document.Table {
	t := &document.Table{Columns: []string{"Источник / Source", "2024", "2025", "2026", "Примечание"}}
	sources := []string{"Государственный бюджет", "Глобальный фонд", "PEPFAR", "Местные органы власти", "Частные доноры"}
	for k, s := range sources {
		t.Rows = append(t.Rows, []string{s, strconv.Itoa(120 + k*35), strconv.Itoa(140 + k*30), strconv.Itoa(150 + k*25),
			SentencesRU[(k+11)%len(SentencesRU)]})
	}
	return t
}

func gapTable(seed, rows int) *document.Table {
	t := &document.Table{Columns: []string{"Мероприятие / Intervention", "Индикатор", "Потребность", "Покрыто", "Пробел"}}
	interventions := []string{"Программы обмена игл и шприцев", "Опиоидная заместительная терапия", "Тестирование на ВИЧ",
		"Антиретровирусная терапия", "Профилактика и лечение ИППП", "Презервативы для ЛУИН и их партнёров",
		"Информация, обучение и коммуникация", "Профилактика, диагностика и лечение вирусных гепатитов",
		"Профилактика, диагностика и лечение туберкулёза", "Распространение налоксона в сообществе"}
	for k := range rows {
		need := 1000 + (seed+k)*137%9000
		covered := need * ((k*17)%90 + 5) / 100
		t.Rows = append(t.Rows, []string{interventions[k%len(interventions)], "KP-" + strconv.Itoa(1+k%5),
			strconv.Itoa(need), strconv.Itoa(covered), strconv.Itoa(need - covered)})
	}
	return t
}

func riskTable() *document.Table {
	t := &document.Table{Columns: []string{"Риск", "Вероятность", "Меры по снижению / Mitigation", "Ответственный"}}
	for k := range 6 {
		t.Rows = append(t.Rows, []string{SentencesRU[(k+4)%len(SentencesRU)], []string{"низкая", "средняя", "высокая"}[k%3],
			paragraph(k, 2), "Основной получатель"})
	}
	return t
}
