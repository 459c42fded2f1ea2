package web

import (
	"os"
	"regexp"
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
	for _, name := range []string{"static/app.css", "static/app.js"} {
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

var usedKey = regexp.MustCompile(`[({]t "([a-z_.]+)"|tr\(c, "([a-z_.]+)"`)

// TestCatalogueIsComplete: every message has both languages, and every key the pages and handlers name
// exists (keys built at run time are checked by the prefixes below).
func TestCatalogueIsComplete(t *testing.T) {
	for key, m := range catalogue {
		if strings.TrimSpace(m.en) == "" || strings.TrimSpace(m.ru) == "" {
			t.Errorf("message %q lacks a language: %+v", key, m)
		}
		if strings.Count(m.en, "%") != strings.Count(m.ru, "%") {
			t.Errorf("message %q has different placeholders: %q / %q", key, m.en, m.ru)
		}
	}
	var sources []string
	for _, glob := range []string{"pages/*.html", "*.go"} {
		files, _ := fsGlob(glob)
		sources = append(sources, files...)
	}
	for _, src := range sources {
		for _, m := range usedKey.FindAllStringSubmatch(src, -1) {
			key := m[1] + m[2]
			if _, ok := catalogue[key]; !ok && !strings.HasSuffix(key, ".") {
				t.Errorf("key %q is used but not in the catalogue", key)
			}
		}
	}
	for prefix, values := range map[string][]string{
		"status.": {"draft", "in_review", "changes_requested", "approved", "final"}, "status_help.": {"draft", "in_review", "changes_requested", "approved", "final"},
		"action.": {"draft", "in_review", "changes_requested", "approved", "final"}, "role.": {"owner", "editor", "reviewer", "viewer"},
		"role_help.": {"owner", "editor", "reviewer", "viewer"}, "state.": {service.StateEmpty, service.StateInProgress, service.StateComplete},
		"iduit.ch": {"1", "2", "3", "4", "5"}, "members.error.": {"not_found", "conflict"},
		"activity.": {"section_saved", "section_restored", "comment_added", "comment_edited", "comment_deleted", "comment_resolved", "comment_reopened", "status_changed", "member_added", "member_removed", "proposal_updated",
			"budget_saved", "indicators_saved", "interventions_saved", "priorities_saved", "settings_saved", "ccm_process_saved"},
	} {
		for _, v := range values {
			if _, ok := catalogue[prefix+v]; !ok {
				t.Errorf("message %q is missing", prefix+v)
			}
		}
	}
	for _, kind := range []string{"invalid", "unauthenticated", "forbidden", "not_found", "conflict", "precondition_failed", "precondition_required", "unprocessable", "too_large", "unavailable", "internal", "csrf"} {
		for _, part := range []string{".title", ".text"} {
			if _, ok := catalogue["error."+kind+part]; !ok {
				t.Errorf("message %q is missing", "error."+kind+part)
			}
		}
	}
}

func fsGlob(pattern string) ([]string, error) {
	var out []string
	if strings.HasPrefix(pattern, "pages/") {
		entries, err := embedded.ReadDir("pages")
		for _, e := range entries {
			b, _ := embedded.ReadFile("pages/" + e.Name())
			out = append(out, string(b))
		}
		return out, err
	}
	entries, err := os.ReadDir(".")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
			b, _ := os.ReadFile(e.Name())
			out = append(out, string(b))
		}
	}
	return out, err
}
