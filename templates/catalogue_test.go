package templates

import (
	"iduit/budget"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedTemplatesLoad(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatalf("shipped templates do not load: %v", err)
	}
	if len(c.List()) < 2 {
		t.Fatalf("want at least two shipped templates, got %d", len(c.List()))
	}
}

const validYAML = `key: demo
version: 1
title: {en: Demo, ru: Демо}
description: {en: A demo., ru: Демонстрация.}
sections:
  - key: context
    number: "1"
    title: {en: Context, ru: Контекст}
    iduit_chapters: [1]
    guidance: {en: Write it., ru: Напишите.}
    fields:
      - key: summary
        type: longtext
        required: true
        label: {en: Summary, ru: Резюме}
        guidance: {en: Short., ru: Коротко.}
        word_limit: {soft: 10, hard: 20}
`

func TestLoadRejectsInvalidTemplates(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		edit    func(string) string
		wantErr string
	}{
		{"file name and key disagree", "other.v1.yaml", nil, `templates/other.v1.yaml: key "demo" and version 1 do not match`},
		{"bad file name", "demo.yaml", nil, "templates/demo.yaml: file name must be KEY.vN.yaml"},
		{"missing russian", "demo.v1.yaml", func(s string) string { return strings.Replace(s, ", ru: Резюме", "", 1) }, `fields[0] (key "summary").label.ru: is missing`},
		{"unknown type", "demo.v1.yaml", func(s string) string { return strings.Replace(s, "type: longtext", "type: essay", 1) }, `"essay" is not one of`},
		{"unknown key", "demo.v1.yaml", func(s string) string { return s + "colour: red\n" }, "field colour not found"},
		{"soft above hard", "demo.v1.yaml", func(s string) string { return strings.Replace(s, "soft: 10", "soft: 30", 1) }, "soft (30) must be below hard (20)"},
		{"chapter out of range", "demo.v1.yaml", func(s string) string { return strings.Replace(s, "[1]", "[6]", 1) }, "6 is not an IDUIT chapter"},
		{"choice without options", "demo.v1.yaml", func(s string) string { return strings.Replace(s, "type: longtext", "type: choice", 1) }, "give at least two options"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := validYAML
			if tt.edit != nil {
				body = tt.edit(body)
			}
			_, err := Load(fstest.MapFS{tt.file: {Data: []byte(body)}})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestLoadValidTemplate(t *testing.T) {
	c, err := Load(fstest.MapFS{"demo.v1.yaml": {Data: []byte(validYAML)}})
	if err != nil {
		t.Fatal(err)
	}
	tpl, ok := c.Latest("demo")
	if !ok || tpl.Version != 1 || tpl.Sections[0].Fields[0].WordLimit.Hard != 20 {
		t.Fatalf("unexpected template %+v", tpl)
	}
	if _, ok := c.Get("demo", 2); ok {
		t.Fatal("version 2 should not exist")
	}
}

// New users must meet the current funding request first and the retired 2014–2016 concept note last,
// while the concept note still loads for the proposals pinned to it.
func TestDefaultTemplateIsListedFirstAndSupersededLast(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	list := c.List()
	if list[0].Key != DefaultKey {
		t.Fatalf("first listed template is %q, want the default %q", list[0].Key, DefaultKey)
	}
	if last := list[len(list)-1]; last.Key != "gf-concept-note-pwid" || last.SupersededBy != DefaultKey {
		t.Fatalf("last listed template is %q (superseded by %q), want the 2014–2016 concept note", last.Key, last.SupersededBy)
	}
	if _, ok := c.Get("gf-concept-note-pwid", 1); !ok {
		t.Fatal("the 2014–2016 concept note no longer loads; proposals pinned to it would break")
	}
	if d, ok := c.Default(); !ok || d.BudgetCycle != "gc7" {
		t.Fatalf("default template %v has budget cycle %q, want gc7", ok, d.BudgetCycle)
	}
}

func TestLoadRejectsUnknownSuccessor(t *testing.T) {
	body := strings.Replace(validYAML, "version: 1\n", "version: 1\nsuperseded_by: nothing\n", 1)
	_, err := Load(fstest.MapFS{"demo.v1.yaml": {Data: []byte(body)}})
	if err == nil || !strings.Contains(err.Error(), `superseded_by: "nothing" is not a template`) {
		t.Fatalf("got %v, want an unknown-successor error", err)
	}
}

// A template's budget cycle must be one the budget catalogue holds, or its proposals would be offered
// no modules at all.
func TestBudgetCyclesExist(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := budget.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range c.List() {
		if len(cat.ModulesIn(tpl.BudgetCycle)) == 0 {
			t.Errorf("%s: budget_cycle %q has no modules in the budget catalogue", tpl.Key, tpl.BudgetCycle)
		}
	}
}
