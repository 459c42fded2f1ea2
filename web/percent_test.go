package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestParsePercentTenths(t *testing.T) {
	cases := []struct {
		lang, in string
		want     int64
		err      error
	}{
		{"en", "45", 450, nil},
		{"en", "45%", 450, nil},
		{"ru", "45 %", 450, nil},
		{"ru", "41,2%", 412, nil},
		{"en", "41.2\u00a0%", 412, nil},
		{"en", " 7% ", 70, nil},
		{"en", "-5%", 0, errNegative},
		{"en", "45%%", 0, errNotANumber},
		{"en", "%", 0, errNotANumber},
		{"en", "41.25", 0, errNotANumber},
		{"en", "abc", 0, errNotANumber},
	}
	for _, c := range cases {
		got, err := parsePercentTenths(c.lang, c.in)
		if got != c.want || err != c.err {
			t.Errorf("parsePercentTenths(%q, %q) = %d, %v; want %d, %v", c.lang, c.in, got, err, c.want, c.err)
		}
	}
}

// TestPercentagesWithTheirSign: where a value is a percentage, "45%" and "45" are the same; elsewhere
// the sign is refused rather than silently dropped.
func TestPercentagesWithTheirSign(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		owner.signUp("Aida Owner")
		id := owner.createProposal("Percentages", "ru", false)

		// An indicator's baseline and target on the performance framework.
		owner.get("/proposals/" + id + "/budget")
		if p := owner.post("/proposals/"+id+"/budget", budgetPost("0")); p.Status != http.StatusSeeOther {
			t.Fatalf("budget save: %d", p.Status)
		}
		path := "/proposals/" + id + "/indicators"
		owner.get(path)
		p := owner.post(path, url.Values{"version": {"0"}, "rows": {"1"}, "gap_rows": {"0"},
			"i.0.code": {"KP-1d"}, "i.0.b.value": {"45%"}, "i.0.b.num": {"450"}, "i.0.b.den": {"1000"}, "i.0.b.year": {"2025"}, "i.0.b.source": {"IBBS 2025"},
			"i.0.t1.value": {"55,5 %"}, "i.0.t1.num": {"555"}, "i.0.t1.den": {"1000"}})
		if p.Status != http.StatusSeeOther {
			t.Fatalf("a baseline of 45%%: %d\n%s", p.Status, p.Body)
		}
		p = owner.get(p.Location)
		for _, want := range []string{`value="45.0"`, `value="55.5"`} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("after saving, the framework lacks %q", want)
			}
		}

		// A section's number field whose label says it is a percentage, and one that is a count.
		sec := "/proposals/" + id + "/sections/sustainability"
		owner.get(sec)
		if p := owner.post(sec, url.Values{"version": {"0"}, "f.government-share": {"30%"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("a government share of 30%%: %d\n%s", p.Status, p.Body)
		}
		if p := owner.get(sec); !strings.Contains(p.Body, `name="f.government-share" value="30"`) {
			t.Error("the share typed as 30% was not saved as 30")
		}
		count := "/proposals/" + id + "/sections/epidemiology"
		owner.get(count)
		if p := owner.post(count, url.Values{"version": {"0"}, "f.pwid-size-estimate": {"45%"}}); p.Status != http.StatusBadRequest {
			t.Errorf("a count typed as 45%%: %d, want 400", p.Status)
		}
	})
}
