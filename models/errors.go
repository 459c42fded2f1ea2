package models

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

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
	_, extended := sqliteCode(err)
	return extended == sqlite3.SQLITE_CONSTRAINT_UNIQUE || extended == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// isForeignKeyViolation recognises a row still referred to (or referring to nothing).
func isForeignKeyViolation(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "23503"
	}
	_, extended := sqliteCode(err)
	return extended == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
}

// sqliteCode is an SQLite error's primary result code (the low byte) and its extended code; 0 for an
// error that is not SQLite's.
func sqliteCode(err error) (primary, extended int) {
	var e *sqlite.Error
	if errors.As(err, &e) {
		return e.Code() & 0xff, e.Code()
	}
	return 0, 0
}

// isSQLiteBusy recognises SQLite's "database is locked": another connection or process holds the lock.
func isSQLiteBusy(err error) bool {
	primary, _ := sqliteCode(err)
	return primary == sqlite3.SQLITE_BUSY || primary == sqlite3.SQLITE_LOCKED
}

// isStorageFull recognises a disk that is full or read-only: SQLite's FULL, READONLY and IOERR,
// PostgreSQL's "disk full" and "read-only transaction", and the operating system's ENOSPC and EROFS.
func isStorageFull(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return pgErr.Code == "53100" || pgErr.Code == "25006"
	}
	switch primary, _ := sqliteCode(err); primary {
	case sqlite3.SQLITE_FULL, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR:
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EROFS)
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
	if isSQLiteBusy(err) {
		return true
	}
	for _, e := range []error{syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.EPIPE, io.ErrUnexpectedEOF, driver.ErrBadConn} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
