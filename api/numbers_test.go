package api

import (
	"slices"
	"strings"
	"testing"
)

// TestNumberFieldsAreRangeChecked: a number field takes a finite number within its declared range
// (by default 0 to 10^12). Before, a 900,000-digit number, 1e999999 and a negative head-count were
// all saved.
func TestNumberFieldsAreRangeChecked(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *testAPI) {
		tm := a.newTeam(t)
		path := sectionPath(tm.id, "epidemiology")
		for name, value := range map[string]string{
			"900,000 digits": "9" + strings.Repeat("0", 900_000),
			"1e999999":       "1e999999",
			"negative count": "-5",
			"past 10^12":     "1000000000001",
		} {
			t.Run(name, func(t *testing.T) {
				r := a.do(t, call{method: "PUT", path: path, token: tm.people["owner"].token, header: map[string]string{"If-Match": `"0"`},
					body: `{"fields":{"pwid-size-estimate":` + value + `}}`}).want(400)
				if got := r.problemFields(); !slices.Contains(got, "fields.pwid-size-estimate") {
					t.Fatalf("problems %v, want one naming the field; body %.300s", got, r.Body.String())
				}
			})
		}
		// A table cell of type number is held to the same range.
		a.do(t, call{method: "PUT", path: sectionPath(tm.id, "funding-landscape"), token: tm.people["owner"].token, header: map[string]string{"If-Match": `"0"`},
			body: `{"fields":{"funding-sources":[{"amount":-1}]}}`}).want(400)
		a.do(t, call{method: "PUT", path: path, token: tm.people["owner"].token, header: map[string]string{"If-Match": `"0"`},
			body: `{"fields":{"pwid-size-estimate":25000.5}}`}).want(200)
	})
}
