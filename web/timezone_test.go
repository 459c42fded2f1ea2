package web

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"iduit/domain"
)

func TestFormatTimeInZone(t *testing.T) {
	at := time.Date(2026, 12, 5, 19, 30, 0, 0, time.UTC)
	bishkek, _ := time.LoadLocation("Asia/Bishkek")
	moscow, _ := time.LoadLocation("Europe/Moscow")
	cases := []struct {
		lang string
		loc  *time.Location
		want string
	}{
		{"en", time.UTC, "5 Dec 2026 19:30 UTC"},
		{"ru", bishkek, "06.12.2026 01:30 UTC+06"},
		{"ru", moscow, "05.12.2026 22:30 MSK"},
	}
	for _, c := range cases {
		if got := formatTime(c.lang, c.loc, at); got != c.want {
			t.Errorf("formatTime(%s, %s) = %q; want %q", c.lang, c.loc, got, c.want)
		}
	}
}

// TestTimeZones: the browser's zone is stored at the first sign-up or sign-in and times are shown in it;
// a later sign-in from elsewhere does not overwrite it; the account page changes it; without one a
// Russian reader sees Bishkek time.
func TestTimeZones(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		v := s.visitor()
		email := "zone." + domain.NewID()[:8] + "@example.org"
		v.get("/signup")
		if p := v.post("/signup", url.Values{"name": {"Zarina"}, "email": {email}, "password": {"correct horse battery"}, "tz": {"Asia/Tokyo"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("sign-up: %d", p.Status)
		}
		v.createProposal("Zones", "en", false)
		if p := v.get("/proposals"); !strings.Contains(p.Body, " JST") {
			t.Errorf("the list does not show times in the browser's zone (JST)")
		}
		other := s.visitor()
		other.get("/signin")
		if p := other.post("/signin", url.Values{"email": {email}, "password": {"correct horse battery"}, "tz": {"Europe/London"}}); p.Status != http.StatusSeeOther {
			t.Fatalf("sign-in: %d", p.Status)
		}
		if p := other.get("/account"); !strings.Contains(p.Body, `value="Asia/Tokyo"`) {
			t.Errorf("a second sign-in overwrote the zone")
		}
		if p := other.post("/account/timezone", url.Values{"time_zone": {"Mars/Olympus"}}); p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "is not a time zone") {
			t.Errorf("an unknown zone: %d", p.Status)
		}
		if p := other.post("/account/timezone", url.Values{"time_zone": {"Europe/Moscow"}}); p.Status != http.StatusOK || !strings.Contains(p.Body, `value="Europe/Moscow"`) {
			t.Errorf("setting the zone: %d", p.Status)
		}
		if p := v.get("/proposals"); !strings.Contains(p.Body, " MSK") {
			t.Errorf("the list does not show times in the chosen zone (MSK)")
		}

		ru := s.visitor()
		ru.signUp("Айжан")
		ru.createProposal("Пояс", "ru", false)
		ru.post("/lang", url.Values{"lang": {"ru"}, "next": {"/proposals"}})
		if p := ru.get("/proposals"); !strings.Contains(html.UnescapeString(p.Body), "UTC+06") {
			t.Errorf("a Russian reader without a zone does not see Bishkek time")
		}
	})
}
