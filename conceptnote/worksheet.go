package conceptnote

import (
	"fmt"

	"iduit/document"
	"iduit/templates"
)

// Worksheet makes the blank printable version of a template: every question with its guidance, the
// options to tick and the table columns to fill, for community consultations held on paper.
func Worksheet(tpl *templates.Template, lang string) document.Document {
	out := document.Document{Title: tpl.Title[lang], TemplateTitle: tpl.Title[lang], TemplateKey: tpl.Key, TemplateVersion: tpl.Version,
		Component: words[lang]["component"], Language: lang, Final: true}
	for i := range tpl.Sections {
		s := &tpl.Sections[i]
		sec := document.Section{Number: s.Number, Title: s.Title[lang]}
		for _, ch := range s.IDUITChapters {
			sec.Chapters = append(sec.Chapters, fmt.Sprintf(words[lang]["chapter"], ch, chapterTitles[lang][ch-1]))
		}
		for j := range s.Fields {
			sec.Fields = append(sec.Fields, blankField(&s.Fields[j], lang))
		}
		out.Sections = append(out.Sections, sec)
	}
	out.Sections = append(out.Sections, attendanceSheet(lang))
	return out
}

// attendanceWords are the attendance-and-consent sheet's words. The sheet is the consultation's
// evidence for the CCM's first eligibility requirement (an inclusive, documented development of the
// request): who took part, from which group, and that each agreed to be listed.
var attendanceWords = map[string]map[string]string{
	"en": {"title": "Attendance and consent sheet",
		"about": "Evidence for CCM eligibility requirement 1: who took part in this consultation. By signing, each participant " +
			"confirms they took part and agrees that their name or initials and their group may be shown to the CCM. " +
			"Anyone may give initials only or leave the consent box unticked; the count of participants still includes them.",
		"participants": "Participants", "no": "No.", "name": "Name or initials", "group": "Group or organisation", "consent": "Consents to be listed (yes/no)", "signature": "Signature"},
	"ru": {"title": "Лист регистрации участников и согласия",
		"about": "Подтверждение для требования правомочности СКМ № 1: кто участвовал в этой консультации. Подписываясь, каждый " +
			"участник подтверждает свое участие и соглашается, что его имя или инициалы и группа могут быть показаны СКМ. " +
			"Можно указать только инициалы или не давать согласия; такие участники все равно входят в общее число.",
		"participants": "Участники", "no": "№", "name": "Имя или инициалы", "group": "Группа или организация", "consent": "Согласие быть в списке (да/нет)", "signature": "Подпись"},
}

// attendanceRows is how many participants one printed sheet holds; a bigger meeting prints more copies.
const attendanceRows = 18

func attendanceSheet(lang string) document.Section {
	w := attendanceWords[lang]
	return document.Section{Title: w["title"], NewPage: true, Fields: []document.Field{{
		Label: w["participants"], Guidance: w["about"], Lines: attendanceRows,
		Table: &document.Table{Columns: []string{w["no"], w["name"], w["group"], w["consent"], w["signature"]}},
	}}}
}

func blankField(f *templates.Field, lang string) document.Field {
	out := document.Field{Label: f.Label[lang], Guidance: f.Guidance[lang]}
	for _, o := range f.Options {
		out.Items = append(out.Items, o.Label[lang])
	}
	if f.Type == templates.TypeTable {
		out.Table = &document.Table{}
		for _, c := range f.Columns {
			out.Table.Columns = append(out.Table.Columns, c.Label[lang])
		}
	}
	switch f.Type {
	case templates.TypeLongText:
		out.Lines = 8
	case templates.TypeText, templates.TypeNumber, templates.TypeDate:
		out.Lines = 1
	}
	return out
}
