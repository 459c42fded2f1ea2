package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// passwordResetRow is the password_resets table; only the SHA-256 of the link's token is kept.
type passwordResetRow struct {
	TokenHash string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (passwordResetRow) TableName() string { return "password_resets" }

// CreatePasswordReset stores a reset and the mail that carries its link, in one transaction.
func (s *Store) CreatePasswordReset(ctx context.Context, userID, tokenHash string, now, expires time.Time, mail domain.Mail) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		row := passwordResetRow{TokenHash: tokenHash, UserID: userID, CreatedAt: now, ExpiresAt: expires}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "password reset")
		}
		return enqueueIn(tx, mail)
	})
}

// RecentPasswordResets counts the resets asked for an account since a moment, to bound how much mail one
// address can be sent.
func (s *Store) RecentPasswordResets(ctx context.Context, userID string, since time.Time) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&passwordResetRow{}).Where("user_id = ? AND created_at > ?", userID, since).Count(&n).Error
	return n, translate(err, "password reset")
}

// UsePasswordReset spends a reset: if the token is unused and unexpired, the account gets the new
// password hash, the reset is marked used, and every session of the account ends (whoever had the old
// password is signed out). All or nothing; an unknown, used or expired token is not found.
func (s *Store) UsePasswordReset(ctx context.Context, tokenHash string, now time.Time, passwordHash string) (string, error) {
	var userID string
	err := s.write(ctx, func(tx *gorm.DB) error {
		var row passwordResetRow
		if err := tx.Where("token_hash = ? AND used_at IS NULL AND expires_at > ?", tokenHash, now).Take(&row).Error; err != nil {
			return translate(err, "password reset link")
		}
		res := tx.Model(&passwordResetRow{}).Where("token_hash = ? AND used_at IS NULL", tokenHash).Update("used_at", now)
		if err := affectedOne(res, "password reset link"); err != nil {
			return err
		}
		// Other links sent before this one stop working too.
		if err := tx.Model(&passwordResetRow{}).Where("user_id = ? AND used_at IS NULL", row.UserID).Update("used_at", now).Error; err != nil {
			return translate(err, "password reset")
		}
		if err := affectedOne(tx.Model(&userRow{}).Where("id = ?", row.UserID).Update("password_hash", passwordHash), "account"); err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", row.UserID).Delete(&sessionRow{}).Error; err != nil {
			return translate(err, "session")
		}
		userID = row.UserID
		return nil
	})
	return userID, err
}

// ChangePassword stores a new password hash and ends every session of the account but keep, in one
// transaction.
func (s *Store) ChangePassword(ctx context.Context, userID, keep, passwordHash string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := affectedOne(tx.Model(&userRow{}).Where("id = ?", userID).Update("password_hash", passwordHash), "account"); err != nil {
			return err
		}
		return translate(tx.Where("user_id = ? AND id <> ?", userID, keep).Delete(&sessionRow{}).Error, "session")
	})
}
