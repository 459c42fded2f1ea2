package service

import (
	"context"
	"strings"
	"time"

	"iduit/domain"
)

// maxTimeZoneLength bounds a zone name before the time-zone database is asked about it.
const maxTimeZoneLength = 64

// CheckTimeZone says whether zone names a time zone of the IANA database ("Asia/Bishkek", "UTC").
// "Local" is refused: it means the server's zone, which says nothing about the person.
func CheckTimeZone(zone string) *domain.Problem {
	zone = strings.TrimSpace(zone)
	if zone == "" {
		return domain.NewProblem("time_zone", domain.ProblemRequired)
	}
	if _, err := time.LoadLocation(zone); err != nil || len(zone) > maxTimeZoneLength || zone == "Local" {
		return domain.NewProblem("time_zone", domain.ProblemNotTimeZone)
	}
	return nil
}

// SetTimeZone stores the zone the pages show the person's times in.
func (s *Service) SetTimeZone(ctx context.Context, user domain.User, zone string) error {
	if p := CheckTimeZone(zone); p != nil {
		return domain.Invalid("unknown time zone", *p)
	}
	return s.store.SetUserTimeZone(ctx, user.ID, strings.TrimSpace(zone))
}

// RememberBrowserTimeZone stores the zone a browser reported at sign-in, unless the person already has
// one: a laptop abroad must not overwrite a choice made on the account page. A zone the database does
// not know is ignored; the pages then use the language's default.
func (s *Service) RememberBrowserTimeZone(ctx context.Context, user domain.User, zone string) error {
	if user.TimeZone != "" || CheckTimeZone(zone) != nil {
		return nil
	}
	return s.store.SetUserTimeZone(ctx, user.ID, strings.TrimSpace(zone))
}
