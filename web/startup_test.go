package web

import (
	"strings"
	"testing"
	"testing/fstest"

	"iduit/service"
)

// TestStartRefusesBrokenTemplates: a page template that does not parse, or a missing one, stops the
// start-up instead of failing a person's request later.
func TestStartRefusesBrokenTemplates(t *testing.T) {
	good := fstest.MapFS{}
	entries, _ := embedded.ReadDir("pages")
	for _, e := range entries {
		b, _ := embedded.ReadFile("pages/" + e.Name())
		good["pages/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	for _, name := range []string{"static/app.css", "static/app.js", "static/sw.js"} {
		b, _ := embedded.ReadFile(name)
		good[name] = &fstest.MapFile{Data: b}
	}
	cfg := Config{Service: &service.Service{}}
	if _, err := newPages(cfg, good); err != nil {
		t.Fatalf("the embedded files should load: %v", err)
	}
	broken := clone(good)
	broken["pages/check.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{if}}{{end}}`)}
	if _, err := newPages(cfg, broken); err == nil {
		t.Error("a template that does not parse was accepted")
	}
	missing := clone(good)
	delete(missing, "pages/section.html")
	if _, err := newPages(cfg, missing); err == nil || !strings.Contains(err.Error(), "section") {
		t.Errorf("a missing page was accepted: %v", err)
	}
	noScript := clone(good)
	delete(noScript, "static/app.js")
	if _, err := newPages(cfg, noScript); err == nil {
		t.Error("a missing static file was accepted")
	}
	if _, err := New(Config{Service: &service.Service{}, CSRFSecret: []byte("short")}); err == nil {
		t.Error("a CSRF secret of 5 bytes was accepted")
	}
}

func clone(in fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range in {
		out[k] = v
	}
	return out
}

// TestCatalogueIsComplete: every message has both languages with the same placeholders. That every key
// the code uses exists is TestEveryUsedMessageExists.
func TestCatalogueIsComplete(t *testing.T) {
	for key, m := range catalogue {
		if strings.TrimSpace(m.en) == "" || strings.TrimSpace(m.ru) == "" {
			t.Errorf("message %q lacks a language: %+v", key, m)
		}
		if strings.Count(m.en, "%") != strings.Count(m.ru, "%") {
			t.Errorf("message %q has different placeholders: %q / %q", key, m.en, m.ru)
		}
	}
}
