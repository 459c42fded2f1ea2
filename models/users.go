package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// userRow is the users table.
type userRow struct {
	ID           string
	Email        string
	Name         string
	PasswordHash string
	CreatedAt    time.Time
	// Lang is left to the column's default (English) when empty.
	Lang     string `gorm:"default:en"`
	TimeZone string
}

func (userRow) TableName() string { return "users" }

func (r userRow) toDomain() domain.User {
	return domain.User{ID: r.ID, Email: r.Email, Name: r.Name, CreatedAt: r.CreatedAt, Lang: r.Lang, TimeZone: r.TimeZone}
}

// CreateUser stores a new account. The email must already be normalised; a taken email is a conflict.
func (s *Store) CreateUser(ctx context.Context, u domain.User, passwordHash string) error {
	row := userRow{ID: u.ID, Email: u.Email, Name: u.Name, PasswordHash: passwordHash, CreatedAt: u.CreatedAt, Lang: u.Lang}
	return s.write(ctx, func(tx *gorm.DB) error {
		err := tx.Create(&row).Error
		if isUniqueViolation(err) {
			return domain.ErrEmailTaken()
		}
		return translate(err, "account")
	})
}

// UserByEmail returns the account and its password hash, for signing in.
func (s *Store) UserByEmail(ctx context.Context, email string) (domain.User, string, error) {
	var row userRow
	err := s.db.WithContext(ctx).Where("email = ?", email).Take(&row).Error
	if err != nil {
		return domain.User{}, "", translate(err, "account")
	}
	return row.toDomain(), row.PasswordHash, nil
}

// UsersByID loads many accounts in one query (IN), keyed by id, so lists never query once per row.
func (s *Store) UsersByID(ctx context.Context, ids []string) (map[string]domain.User, error) {
	out := map[string]domain.User{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []userRow
	if err := s.db.WithContext(ctx).Select("id, email, name, created_at").Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, translate(err, "account")
	}
	for _, r := range rows {
		out[r.ID] = r.toDomain()
	}
	return out, nil
}

// UsersByEmail loads the accounts with these (normalised) emails in one query, keyed by email.
func (s *Store) UsersByEmail(ctx context.Context, emails []string) (map[string]domain.User, error) {
	out := map[string]domain.User{}
	if len(emails) == 0 {
		return out, nil
	}
	var rows []userRow
	if err := s.db.WithContext(ctx).Select("id, email, name, created_at").Where("email IN ?", emails).Find(&rows).Error; err != nil {
		return nil, translate(err, "account")
	}
	for _, r := range rows {
		out[r.Email] = r.toDomain()
	}
	return out, nil
}

// SetUserTimeZone stores the zone the pages show this person's times in (checked by the service).
func (s *Store) SetUserTimeZone(ctx context.Context, userID, zone string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return translate(tx.Model(&userRow{}).Where("id = ?", userID).Update("time_zone", zone).Error, "account")
	})
}
