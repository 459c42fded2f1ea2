package api

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"iduit/docs"
)

var ginParam = regexp.MustCompile(`:([A-Za-z]+)`)

// TestOpenAPIDescribesEveryRoute fails when a registered route is missing from docs/openapi.yaml or the
// spec names an operation that the router does not have.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	spec, err := openapi3.NewLoader().LoadFromData(docs.OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := spec.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	var inSpec []string
	ids := map[string]string{}
	for path, item := range spec.Paths.Map() {
		for method, op := range item.Operations() {
			inSpec = append(inSpec, method+" "+path)
			// Generated clients name their methods after operationId, and readers find operations by tag.
			if op.OperationID == "" {
				t.Errorf("%s %s has no operationId", method, path)
			} else if other, dup := ids[op.OperationID]; dup {
				t.Errorf("%s %s and %s share the operationId %s", method, path, other, op.OperationID)
			}
			ids[op.OperationID] = method + " " + path
			if len(op.Tags) == 0 {
				t.Errorf("%s %s has no tag", method, path)
			}
		}
	}
	if spec.Info.License == nil || spec.Info.License.Name == "" {
		t.Error("docs/openapi.yaml has no info.license")
	}
	var inRouter []string
	for _, r := range newRouter(nil, nil).Routes() {
		inRouter = append(inRouter, r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}"))
	}
	for _, route := range inRouter {
		if !slices.Contains(inSpec, route) {
			t.Errorf("route %s is not in docs/openapi.yaml", route)
		}
	}
	for _, op := range inSpec {
		if !slices.Contains(inRouter, op) {
			t.Errorf("docs/openapi.yaml names %s, which the router does not serve", op)
		}
	}
	if len(inRouter) < 15 {
		t.Fatalf("only %d routes found: %s", len(inRouter), strings.Join(inRouter, ", "))
	}
}
