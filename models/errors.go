package models

import (
	"context"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"iduit/domain"
)

// translate turns driver errors into domain error kinds so that no caller ever sees raw SQL text.
// what names the thing being written, for the user-facing message of a conflict.
func translate(err error, what string) error {
	if err == nil {
		return nil
	}
	if _, ok := domain.AsError(err); ok {
		return err
	}
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return domain.Errorf(domain.KindNotFound, "%s not found", what)
	case isUniqueViolation(err):
		return domain.Errorf(domain.KindConflict, "%s already exists", what)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case isStorageFull(err):
		return domain.ErrStorageFull()
	case isUnavailable(err):
		return domain.ErrDatabaseDown()
	}
	return err
}

// affectedOne turns "no row matched" into not found, naming what.
func affectedOne(res *gorm.DB, what string) error {
	if res.Error == nil && res.RowsAffected == 0 {
		return domain.Errorf(domain.KindNotFound, "%s not found", what)
	}
	return translate(res.Error, what)
}

func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23505"
	}
	// The pure-Go SQLite driver reports constraint errors only as text.
	return strings.Contains(err.Error(), "UNIQUE constraint failed") ||
		strings.Contains(err.Error(), "PRIMARY KEY constraint failed")
}

// isStorageFull recognises a disk that is full or read-only: SQLite's FULL, READONLY and IOERR, and
// PostgreSQL's "disk full" and "read-only transaction".
func isStorageFull(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "53100" || pgErr.Code == "25006"
	}
	msg := err.Error()
	for _, s := range []string{"database or disk is full", "readonly database", "disk I/O error", "no space left on device"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// isUnavailable recognises a database that is down or unreachable, so that callers answer 503 and retry
// rather than 500.
func isUnavailable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "08") || pgErr.Code == "57P01" || pgErr.Code == "57P03"
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"connection refused", "broken pipe", "bad connection", "database is locked", "unexpected EOF", "connection reset"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
