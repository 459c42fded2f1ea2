package service

import (
	"context"

	"iduit/domain"
)

// Notifications lists the user's notifications.
func (s *Service) Notifications(ctx context.Context, user domain.User, unreadOnly bool, page domain.Page) ([]domain.Notification, int64, error) {
	return s.store.Notifications(ctx, user.ID, unreadOnly, page.Normalize())
}

// MarkNotificationRead marks one of the user's notifications read.
func (s *Service) MarkNotificationRead(ctx context.Context, user domain.User, id string) error {
	return s.store.MarkNotificationRead(ctx, user.ID, id, s.clock())
}
