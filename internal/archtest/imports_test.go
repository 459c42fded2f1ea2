package archtest

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const (
	module = "iduit"
	gin    = "github.com/gin-gonic/gin"
)

// pkg is what go list says of one package of the module.
type pkg struct {
	ImportPath  string
	Imports     []string // the package's own files
	TestImports []string // its _test.go files in the same package
	Deps        []string // everything it reaches, directly or not (its own files)
}

// modulePackages lists every package of the module with its imports.
func modulePackages(t *testing.T) map[string]pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,TestImports,Deps", module+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("go list: %v\n%s", err, exit.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	for _, want := range []string{"iduit/api", "iduit/web", "iduit/httpkit", "iduit/service", "iduit/models", "iduit/domain"} {
		if _, ok := pkgs[want]; !ok {
			t.Fatalf("go list did not report %s; the layers below are checked against a graph that lacks it", want)
		}
	}
	return pkgs
}

// TestLayers fails when an import crosses the layers: the API and the pages are siblings that share the
// HTTP layer (httpkit) and never import each other; the HTTP layer knows neither of them; nothing from
// the service down knows HTTP (gin), and the handlers reach the database only through the service.
func TestLayers(t *testing.T) {
	pkgs := modulePackages(t)
	forbidden := []struct {
		from, to, why string
		tests         bool // the package's own _test.go files too
	}{
		{"iduit/web", "iduit/api", "the pages share the HTTP layer with the API (httpkit), not the API itself", false},
		{"iduit/api", "iduit/web", "the API does not mount the pages; cmd/iduit mounts both side by side", true},
		{"iduit/httpkit", "iduit/api", "the HTTP layer sits below the API", true},
		{"iduit/httpkit", "iduit/web", "the HTTP layer sits below the pages", true},
		{"iduit/api", "iduit/models", "handlers reach the database through the service only", false},
		{"iduit/web", "iduit/models", "handlers reach the database through the service only", false},
		{"iduit/httpkit", "iduit/models", "the HTTP layer reaches the database through the service only", false},
	}
	for _, f := range forbidden {
		p := pkgs[f.from]
		if slices.Contains(p.Imports, f.to) {
			t.Errorf("%s imports %s: %s", f.from, f.to, f.why)
		}
		if f.tests && slices.Contains(p.TestImports, f.to) {
			t.Errorf("%s's tests import %s: %s", f.from, f.to, f.why)
		}
	}
	// The service and everything it reaches (models, domain, the renderers) know nothing of HTTP.
	service := pkgs["iduit/service"]
	for _, name := range append([]string{"iduit/service"}, service.Deps...) {
		p, ok := pkgs[name]
		if !ok {
			continue // outside the module
		}
		if slices.Contains(p.Imports, gin) {
			t.Errorf("%s imports gin, but it sits below the HTTP layer (service → models → domain)", name)
		}
	}
	if slices.Contains(service.Deps, gin) {
		t.Errorf("the service reaches gin through a dependency; only cmd, api, web and httpkit may")
	}
	// domain is the shared vocabulary: it imports nothing of the project.
	for _, name := range pkgs["iduit/domain"].Imports {
		if strings.HasPrefix(name, module+"/") {
			t.Errorf("domain imports %s; it must import nothing of the project", name)
		}
	}
}
