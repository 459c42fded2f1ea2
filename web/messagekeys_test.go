package web

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"iduit/domain"
	"iduit/export"
	"iduit/service"
	"iduit/templates"
)

// usedKey is one message key the code or a page asks for: exact, or built at run time from a constant
// prefix and suffix around a value (Value is empty for an exact key).
type usedKey struct {
	Where          string
	Prefix, Suffix string
	Dynamic        bool
}

// lookups are the catalogue's lookup functions and which argument is the key.
var lookups = map[string]int{"tr": 1, "translate": 1}

// TestEveryUsedMessageExists finds every message key named anywhere in the web package's Go code (calls
// of the lookup functions, by go/ast) and in the page templates (calls of "t"), and fails when one is
// missing from the catalogue in either language. A key built at run time ("activity." + kind) must come
// from a closed set whose values are read from the code that defines them, so a new activity kind, error
// kind or status without its messages fails here rather than as a 500 on a page.
func TestEveryUsedMessageExists(t *testing.T) {
	var used []usedKey
	used = append(used, keysInGo(t)...)
	used = append(used, keysInPages(t)...)
	if len(used) < 100 {
		t.Fatalf("found only %d message keys; the scan is broken", len(used))
	}
	families := keyFamilies(t)
	for _, k := range used {
		if !k.Dynamic {
			requireMessage(t, k.Where, k.Prefix)
			continue
		}
		values, ok := families[k.Prefix]
		if !ok {
			t.Errorf("%s: key built from %q + value + %q, but no closed set of values is known for it; add one to keyFamilies", k.Where, k.Prefix, k.Suffix)
			continue
		}
		for _, v := range values {
			requireMessage(t, k.Where, k.Prefix+v+k.Suffix)
		}
	}
}

func requireMessage(t *testing.T, where, key string) {
	t.Helper()
	m, ok := catalogue[key]
	switch {
	case !ok:
		t.Errorf("%s: message %q is used but missing from the catalogue", where, key)
	case strings.TrimSpace(m.en) == "" || strings.TrimSpace(m.ru) == "":
		t.Errorf("%s: message %q lacks a language: %+v", where, key, m)
	}
}

// keysInGo reads every key passed to a lookup function in the package's Go code.
func keysInGo(t *testing.T) []usedKey {
	t.Helper()
	fset := token.NewFileSet()
	files, _ := filepath.Glob("*.go")
	var out []usedKey
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := call.Fun.(*ast.Ident)
			if !ok {
				return true
			}
			arg, ok := lookups[fn.Name]
			if !ok || len(call.Args) <= arg {
				return true
			}
			where := fset.Position(call.Pos()).String()
			if guarded(f, call) || forwarded(call.Args[arg]) {
				return true
			}
			k, ok := keyOf(call.Args[arg])
			if !ok {
				t.Errorf("%s: %s called with a key this test cannot read; use a constant or prefix + value", where, fn.Name)
				return true
			}
			k.Where = where
			out = append(out, k)
			return true
		})
	}
	return out
}

// keyOf reads a key expression: a constant, "prefix" + value [+ "suffix"], or fmt.Sprintf("prefix%d", n).
func keyOf(e ast.Expr) (usedKey, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		s, err := strconv.Unquote(e.Value)
		return usedKey{Prefix: s}, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return usedKey{}, false
		}
		var parts []ast.Expr
		var flatten func(ast.Expr)
		flatten = func(x ast.Expr) {
			if b, ok := x.(*ast.BinaryExpr); ok && b.Op == token.ADD {
				flatten(b.X)
				flatten(b.Y)
				return
			}
			parts = append(parts, x)
		}
		flatten(e)
		k := usedKey{Dynamic: true}
		var ok bool
		if k.Prefix, ok = literal(parts[0]); !ok {
			return usedKey{}, false
		}
		if len(parts) == 3 {
			if k.Suffix, ok = literal(parts[2]); !ok {
				return usedKey{}, false
			}
		}
		return k, len(parts) <= 3
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) == 2 {
			format, ok := literal(e.Args[0])
			prefix, rest, found := strings.Cut(format, "%d")
			return usedKey{Prefix: prefix, Suffix: rest, Dynamic: true}, ok && found
		}
	}
	return usedKey{}, false
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// guarded holds for a lookup whose key may be missing by design: inside `if _, ok := catalogue[...]; ok`,
// or `if s, err := translate(...); err == nil`, where the code shows something else when it is.
func guarded(f *ast.File, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		s, ok := n.(*ast.IfStmt)
		if !ok || s.Init == nil {
			return true
		}
		a, ok := s.Init.(*ast.AssignStmt)
		if !ok || len(a.Rhs) != 1 {
			return true
		}
		if a.Rhs[0] == call {
			found = true // the lookup's own error is checked
		}
		if ix, ok := a.Rhs[0].(*ast.IndexExpr); ok && call.Pos() >= s.Body.Pos() && call.End() <= s.Body.End() {
			if id, ok := ix.X.(*ast.Ident); ok && id.Name == "catalogue" {
				found = true
			}
		}
		return true
	})
	return found
}

// forwarded holds for a key that is a parameter of the enclosing function (tr passing its key on to
// translate): the calls of that function are the ones checked.
func forwarded(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok || id.Obj == nil || id.Obj.Kind != ast.Var {
		return false
	}
	_, isParam := id.Obj.Decl.(*ast.Field)
	return isParam
}

var (
	pageKey        = regexp.MustCompile(`[({]-?\s*t\s+"([^"]+)"`)
	pageDynamicKey = regexp.MustCompile(`[({]-?\s*t\s+\(print\s+"([^"]*)"\s+[^")]+?(?:\s+"([^"]*)")?\s*\)`)
	pageAnyT       = regexp.MustCompile(`[({]-?\s*t\s`)
)

// keysInPages reads every key the page templates pass to "t".
func keysInPages(t *testing.T) []usedKey {
	t.Helper()
	entries, err := embedded.ReadDir("pages")
	if err != nil {
		t.Fatal(err)
	}
	var out []usedKey
	for _, e := range entries {
		b, _ := embedded.ReadFile("pages/" + e.Name())
		src := string(b)
		for _, m := range pageKey.FindAllStringSubmatch(src, -1) {
			out = append(out, usedKey{Where: "pages/" + e.Name(), Prefix: m[1]})
		}
		for _, m := range pageDynamicKey.FindAllStringSubmatch(src, -1) {
			out = append(out, usedKey{Where: "pages/" + e.Name(), Prefix: m[1], Suffix: m[2], Dynamic: true})
		}
		if all, read := len(pageAnyT.FindAllString(src, -1)), len(pageKey.FindAllString(src, -1))+len(pageDynamicKey.FindAllString(src, -1)); all != read {
			t.Errorf("pages/%s: %d calls of t, of which this test reads %d; use a constant or (print \"prefix\" value)", e.Name(), all, read)
		}
	}
	return out
}

// keyFamilies are the closed sets run-time keys are built from, each read from the code that defines it.
func keyFamilies(t *testing.T) map[string][]string {
	t.Helper()
	statuses := constants(t, "../domain", "Status")
	roles := constants(t, "../domain", "Role")
	var chapters []string
	cat, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range cat.List() {
		for _, s := range tpl.Sections {
			for _, n := range s.IDUITChapters {
				chapters = append(chapters, strconv.Itoa(n))
			}
			for _, f := range s.Fields {
				for _, n := range f.IDUITChapters {
					chapters = append(chapters, strconv.Itoa(n))
				}
			}
		}
	}
	return map[string][]string{
		"activity.":      constants(t, "../domain", "Activity"),
		"status.":        statuses,
		"status_help.":   statuses,
		"action.":        statuses,
		"role.":          roles,
		"role_help.":     roles,
		"state.":         constants(t, "../service", "State"),
		"error.":         append(constants(t, "../domain", "Kind"), "csrf"),
		"members.error.": {"not_found", "conflict"}, // the two kinds addMember shows on its own form
		"iduit.ch":       slices.Compact(slices.Sorted(slices.Values(chapters))),
		// The funding request's structured parts: the service's lists of accepted values, the record
		// texts the forms loop over, and the settings' members (a problem's field names one of them).
		"funding.":             service.FundingStatuses,
		"ccm.group.":           service.ParticipantGroups,
		"ccm.role.":            service.SignatoryRoles,
		"ccm.constituency.":    service.Constituencies,
		"settings.approach.":   service.ApplicationApproaches,
		"settings.pathway.":    service.Pathways,
		"interventions.field.": recordTexts,
		"priorities.field.":    priorityTexts,
		"settings.field.":      jsonMembers(export.SettingsBody{}),
		"attachments.kind.":    domain.AttachmentKinds(),
		"problem.":             domain.ProblemCodes(),
	}
}

// jsonMembers lists the JSON names of a struct's members.
func jsonMembers(v any) []string {
	var out []string
	rt := reflect.TypeOf(v)
	for i := range rt.NumField() {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}

// constants lists the string values of the package's constants whose names start with prefix and go on
// with an upper-case letter (ActivitySectionSaved, not Activityfoo).
func constants(t *testing.T, dir, prefix string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var out []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					rest, ok := strings.CutPrefix(name.Name, prefix)
					if !ok || rest == "" || rest[0] < 'A' || rest[0] > 'Z' || i >= len(vs.Values) {
						continue
					}
					if s, ok := literal(vs.Values[i]); ok {
						out = append(out, s)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s* constants in %s", prefix, dir)
	}
	return out
}
