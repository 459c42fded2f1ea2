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
	return out
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
