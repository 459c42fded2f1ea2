package models

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// errNotSQLite answers backup requests on PostgreSQL, which has its own tools for it.
var errNotSQLite = errors.New("backup and restore here are for SQLite; on PostgreSQL use pg_dump and pg_restore (see docs/reliability.md)")

// Backup writes a consistent copy of an SQLite database to path while the server keeps running
// (VACUUM INTO reads one snapshot). It refuses to overwrite an existing file.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != DialectSQLite {
		return errNotSQLite
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	return s.db.WithContext(ctx).Exec("VACUUM INTO ?", path).Error
}

// IntegrityCheck runs SQLite's own consistency check over every page; PostgreSQL always passes.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.dialect != DialectSQLite {
		return nil
	}
	var result string
	if err := s.db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&result).Error; err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("integrity check failed: %s", result)
	}
	return nil
}
