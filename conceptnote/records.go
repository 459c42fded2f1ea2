package conceptnote

import (
	"encoding/json"
	"strings"
	"sync"

	"iduit/annexes"
	"iduit/budget"
	"iduit/document"
	"iduit/domain"
	"iduit/export"
)

// recordWords are the concept note's own words for the funding request's structured parts.
var recordWords = map[string]map[string]string{
	"en": {"request": "Funding request", "ccm": "Country Coordinating Mechanism", "prs": "Principal recipients",
		"allocation": "Allocation", "within": "Requested within the allocation", "above": "Prioritized above allocation request (PAAR)",
		"community-share": "Community-led interventions, share of the budget", "rights-share": "Human-rights interventions, share of the budget",
		"summary": "Amounts", "interventions": "Interventions requested", "intervention": "Intervention", "status": "Funding",
		"implementers": "Implementers", "cost": "Cost", "activities": "Key activities", "populations": "Priority populations",
		"geographies": "Geographies", "rationale": "Rationale", "reason": "Reason",
		"priorities": "Community priorities", "priority": "Priority",
		"ccm-process": "Country dialogue and CCM process", "consultations": "Consultations", "date": "Date", "place": "Place",
		"participants": "Participants", "outcome": "Outcome",
		"endorsement": "Endorsement", "meeting": "CCM meeting", "minutes": "Minutes", "signatories": "Signatories",
		"role": "Role", "name": "Name", "signature": "Signature",
		"r.chair": "CCM Chair", "r.civil_society_representative": "Civil society representative",
		"r.government_representative": "Government representative",
		"g.people_who_use_drugs":      "people who use drugs", "g.women": "women", "g.young_people": "young people",
		"g.people_living_with_hiv": "people living with HIV", "g.sex_workers": "sex workers",
		"g.men_who_have_sex_with_men": "men who have sex with men", "g.transgender_people": "transgender people",
		"g.civil_society": "civil society", "g.government": "government", "g.development_partners": "development partners", "g.other": "other",
		"annexes": "Annexes", "workbook": "Excel annexes (workbook)", "evidence": "Attached evidence", "sheet": "Sheet", "file": "File"},
	"ru": {"request": "Запрос финансирования", "ccm": "Страновой координационный механизм", "prs": "Основные получатели",
		"allocation": "Аллокация", "within": "Запрошено в пределах аллокации", "above": "Приоритетный запрос сверх аллокации (PAAR)",
		"community-share": "Мероприятия под руководством сообществ, доля бюджета", "rights-share": "Мероприятия в области прав человека, доля бюджета",
		"summary": "Суммы", "interventions": "Запрашиваемые мероприятия", "intervention": "Мероприятие", "status": "Финансирование",
		"implementers": "Исполнители", "cost": "Стоимость", "activities": "Основные виды деятельности", "populations": "Приоритетные группы",
		"geographies": "География", "rationale": "Обоснование", "reason": "Причина",
		"priorities": "Приоритеты сообществ", "priority": "Приоритет",
		"ccm-process": "Страновой диалог и процесс СКМ", "consultations": "Консультации", "date": "Дата", "place": "Место",
		"participants": "Участники", "outcome": "Итог",
		"endorsement": "Одобрение заявки", "meeting": "Заседание СКМ", "minutes": "Протокол", "signatories": "Подписанты",
		"role": "Роль", "name": "Имя", "signature": "Подпись",
		"r.chair": "Председатель СКМ", "r.civil_society_representative": "Представитель гражданского общества",
		"r.government_representative": "Представитель государства",
		"g.people_who_use_drugs":      "люди, употребляющие наркотики", "g.women": "женщины", "g.young_people": "молодежь",
		"g.people_living_with_hiv": "люди, живущие с ВИЧ", "g.sex_workers": "секс-работники",
		"g.men_who_have_sex_with_men": "мужчины, практикующие секс с мужчинами", "g.transgender_people": "трансгендерные люди",
		"g.civil_society": "гражданское общество", "g.government": "государство", "g.development_partners": "партнеры по развитию", "g.other": "другие",
		"annexes": "Приложения", "workbook": "Приложения Excel (рабочая книга)", "evidence": "Приложенные подтверждающие документы", "sheet": "Лист", "file": "Файл"},
}

// parts are an export's structured documents decoded; a part absent or unreadable stays nil.
type parts struct {
	budget        *export.BudgetBody
	settings      *export.SettingsBody
	interventions *export.InterventionsBody
	priorities    *export.PrioritiesBody
	ccm           *export.CCMProcessBody
	all           *export.Decoded // every part, for the workbook's sheet names
	summarised    *summaryOnce
}

func decodeParts(list []export.Part) parts { return partsOf(export.Decode(list)) }

func partsOf(d *export.Decoded) parts {
	return parts{budget: d.Budget, settings: d.Settings, interventions: d.Interventions, priorities: d.Priorities, ccm: d.CCMProcess, all: d,
		summarised: new(summaryOnce)}
}

// summaryOnce is the budget's summary, made the first time a table asks for it.
type summaryOnce struct {
	once sync.Once
	sum  budget.Summary
	err  error
}

// summary is the budget summarised by the catalogue (the budget must be present).
func (p parts) summary(cat *budget.Catalogue) (budget.Summary, error) {
	p.summarised.once.Do(func() { p.summarised.sum, p.summarised.err = cat.Summarize(forSummary(*p.budget)) })
	return p.summarised.sum, p.summarised.err
}

// currency is the settings' currency, or the budget's before settings name one (as the service's
// request totals take it).
func (p parts) currency() string {
	if p.settings != nil && p.settings.Currency != "" {
		return p.settings.Currency
	}
	if p.budget != nil {
		return p.budget.Currency
	}
	return ""
}

// allocation is the allocation amount: the settings' (the one place people set it), or, for a budget
// saved before the settings named one, the budget's own ceiling. The service's request totals take it
// the same way, so the document and the API never disagree.
func (p parts) allocation() int64 {
	if p.settings != nil && p.settings.AllocationAmount > 0 {
		return p.settings.AllocationAmount
	}
	if p.budget != nil {
		return p.budget.AllocationCeiling
	}
	return 0
}

// paarTotal is the prioritized above-allocation request: the PAAR amounts of the records marked paar.
func (p parts) paarTotal() int64 {
	if p.interventions == nil {
		return 0
	}
	var total int64
	for i, c := range p.recordCosts() {
		if p.interventions.Records[i].FundingStatus == "paar" {
			total += c
		}
	}
	return total
}

// recordCosts is what each intervention record costs, computed as the service computes it (costsOf):
// budget lines of the same module and intervention for a record in the allocation, its PAAR amount for
// one above it, nothing for one not included.
func (p parts) recordCosts() []int64 {
	budgeted := map[[2]string]int64{}
	if p.budget != nil {
		for _, l := range p.budget.Lines {
			for _, a := range l.Amounts {
				budgeted[[2]string{l.Module, l.Intervention}] += a
			}
		}
	}
	out := make([]int64, len(p.interventions.Records))
	for i, r := range p.interventions.Records {
		switch r.FundingStatus {
		case "allocation":
			out[i] = budgeted[[2]string{r.Module, r.Intervention}]
		case "paar":
			out[i] = r.PAARAmount
		}
	}
	return out
}

// recordSections are the funding request's structured parts as the reader sees them: the request's
// settings and computed totals, the interventions with their costs, the community priorities and what
// became of them, the consultations, then the endorsement page and the list of annexes.
func recordSections(doc export.Document, p parts, cat *budget.Catalogue, lang string) []document.Section {
	working := doc.Proposal.Language
	var out []document.Section
	if s, ok := requestSection(p, cat, lang); ok {
		out = append(out, s)
	}
	if p.interventions != nil && len(p.interventions.Records) > 0 {
		out = append(out, interventionsSection(p, cat, working, lang))
	}
	if p.priorities != nil && len(p.priorities.Priorities) > 0 {
		out = append(out, prioritiesSection(p, working, lang))
	}
	if p.ccm != nil && len(p.ccm.Consultations) > 0 {
		out = append(out, consultationsSection(p, working, lang))
	}
	if p.ccm != nil {
		out = append(out, endorsementSection(p, lang))
	}
	if s, ok := annexSection(doc, p.all, lang); ok {
		out = append(out, s)
	}
	return out
}

func requestSection(p parts, cat *budget.Catalogue, lang string) (document.Section, bool) {
	if p.settings == nil && p.interventions == nil {
		return document.Section{}, false
	}
	w, cur := recordWords[lang], p.currency()
	rows := [][]string{}
	add := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			rows = append(rows, []string{k, v})
		}
	}
	if p.settings != nil {
		ccm := p.settings.CCMName
		if p.settings.CCMAbbreviation != "" {
			ccm += " (" + p.settings.CCMAbbreviation + ")"
		}
		add(w["ccm"], ccm)
		add(w["prs"], strings.Join(p.settings.PrincipalRecipients, "; "))
	}
	if allocation := p.allocation(); allocation > 0 {
		add(w["allocation"], formatMoney(allocation, cur, lang))
	}
	var within int64
	if p.budget != nil {
		for _, l := range p.budget.Lines {
			for _, a := range l.Amounts {
				within += a
			}
		}
		add(w["within"], formatMoney(within, cur, lang))
	}
	if p.interventions != nil {
		add(w["above"], formatMoney(p.paarTotal(), cur, lang))
	}
	if p.budget != nil && within > 0 {
		if sum, err := p.summary(cat); err == nil {
			add(w["community-share"], formatPercent(sum.CommunityLed.Percent, lang))
			add(w["rights-share"], formatPercent(sum.HumanRights.Percent, lang))
		}
	}
	if len(rows) == 0 {
		return document.Section{}, false
	}
	return document.Section{Title: w["request"], Fields: []document.Field{{Table: &document.Table{Rows: rows}}}}, true
}

func interventionsSection(p parts, cat *budget.Catalogue, working, lang string) document.Section {
	w, cur := recordWords[lang], p.currency()
	summary := &document.Table{Columns: []string{w["intervention"], w["status"], w["implementers"], w["cost"]}}
	sec := document.Section{Title: w["interventions"]}
	costs := p.recordCosts()
	for i, r := range p.interventions.Records {
		name := interventionName(cat, r.Intervention, lang)
		summary.Rows = append(summary.Rows, []string{name, domain.FundingStatusName(r.FundingStatus, lang), strings.Join(r.Implementers, "; "), formatMoney(costs[i], cur, lang)})
	}
	sec.Fields = append(sec.Fields, document.Field{Table: summary})
	for _, r := range p.interventions.Records {
		var text, note strings.Builder
		for _, part := range []struct {
			key string
			raw json.RawMessage
		}{{"activities", r.KeyActivities}, {"populations", r.PriorityPopulations}, {"geographies", r.Geographies},
			{"rationale", r.Rationale}, {"reason", r.Reason}} {
			t, missing := textIn(part.raw, working, lang)
			if strings.TrimSpace(t) == "" {
				continue
			}
			if text.Len() > 0 {
				text.WriteString("\n\n")
			}
			text.WriteString(w[part.key] + ": " + t)
			if missing && note.Len() == 0 {
				note.WriteString(words[lang]["missing"])
			}
		}
		if text.Len() > 0 {
			sec.Fields = append(sec.Fields, document.Field{Label: interventionName(cat, r.Intervention, lang), Text: text.String(), Note: note.String()})
		}
	}
	return sec
}

// interventionName is an intervention's catalogue name, marked when its wording is this tool's.
func interventionName(cat *budget.Catalogue, key, lang string) string {
	if iv, _, ok := cat.Intervention(key); ok {
		return budget.Label(iv.Name, iv.Confidence, lang)
	}
	return key
}

func prioritiesSection(p parts, working, lang string) document.Section {
	w := recordWords[lang]
	t := &document.Table{Columns: []string{w["priority"], w["status"], w["reason"]}}
	for _, pr := range p.priorities.Priorities {
		t.Rows = append(t.Rows, []string{cellText(pr.Title, working, lang), domain.FundingStatusName(pr.Status, lang), cellText(pr.Reason, working, lang)})
	}
	return document.Section{Title: w["priorities"], Fields: []document.Field{{Table: t}}}
}

func consultationsSection(p parts, working, lang string) document.Section {
	w := recordWords[lang]
	t := &document.Table{Columns: []string{w["date"], w["place"], w["participants"], w["outcome"]}}
	for _, c := range p.ccm.Consultations {
		who := formatInt(int64(c.ParticipantsTotal), lang)
		var groups []string
		for _, g := range c.Participants {
			name := w["g."+g.Group]
			if name == "" {
				name = g.Group
			}
			groups = append(groups, name+": "+formatInt(int64(g.Count), lang))
		}
		if len(groups) > 0 {
			who += " (" + strings.Join(groups, "; ") + ")"
		}
		t.Rows = append(t.Rows, []string{formatDate(c.Date, lang), c.Place, who, cellText(c.Outcome, working, lang)})
	}
	return document.Section{Title: w["ccm-process"], Fields: []document.Field{{Label: w["consultations"], Table: t}}}
}

// endorsementSection is the page the CCM signs: the meeting that endorsed the request and a line for
// each signatory's signature.
func endorsementSection(p parts, lang string) document.Section {
	w := recordWords[lang]
	e := p.ccm.Endorsement
	meeting := &document.Table{}
	if e.MeetingDate != "" {
		meeting.Rows = append(meeting.Rows, []string{w["date"], formatDate(e.MeetingDate, lang)})
	}
	if e.MinutesReference != "" {
		meeting.Rows = append(meeting.Rows, []string{w["minutes"], e.MinutesReference})
	}
	signatories := &document.Table{Columns: []string{w["role"], w["name"], w["signature"]}, Signatures: true}
	for _, s := range e.Signatories {
		role := w["r."+s.Role]
		if role == "" {
			role = s.Role
		}
		signatories.Rows = append(signatories.Rows, []string{role, s.Name, ""})
	}
	sec := document.Section{Title: w["endorsement"], NewPage: true, Part: words[lang]["part-endorsement"]}
	if len(meeting.Rows) > 0 {
		sec.Fields = append(sec.Fields, document.Field{Label: w["meeting"], Table: meeting})
	}
	sec.Fields = append(sec.Fields, document.Field{Label: w["signatories"], Table: signatories})
	return sec
}

// annexSection lists what goes with the document: the workbook's sheets and the attached evidence
// files by title. A file marked sensitive is never named here, even in an export that lists it (an owner
// asked for it for themselves, not for the Global Fund).
func annexSection(doc export.Document, dec *export.Decoded, lang string) (document.Section, bool) {
	w := recordWords[lang]
	var fields []document.Field
	if sheets := annexes.SheetNamesDecoded(doc, dec, lang); len(sheets) > 0 {
		fields = append(fields, document.Field{Label: w["workbook"], Items: sheets})
	}
	var titles []string
	for _, a := range doc.Attachments {
		if a.Sensitive {
			continue
		}
		t := a.Title
		if t == "" {
			t = a.Filename
		}
		titles = append(titles, t)
	}
	if len(titles) > 0 {
		fields = append(fields, document.Field{Label: w["evidence"], Items: titles})
	}
	if len(fields) == 0 {
		return document.Section{}, false
	}
	return document.Section{Title: w["annexes"], Fields: fields, Part: words[lang]["part-endorsement"]}, true
}
