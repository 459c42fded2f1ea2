package models

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered, embedded SQL file. Files are never edited once released: a change is a new file.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// migrationLockID is an arbitrary constant that names iduit's migration lock among PostgreSQL advisory locks.
const migrationLockID = 7_421_190_355

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migrations/%s: name must be NNNN_words.sql", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		v, _ := strconv.Atoi(m[1])
		out = append(out, migration{version: v, name: m[2], sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations: version %d is missing or duplicated", i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the migration version this binary expects.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Migrate applies every pending migration in one transaction. On PostgreSQL a transaction-scoped advisory
// lock makes concurrent runs (two instances starting at once) wait for each other; the second then finds
// nothing to do. SQLite transactions start IMMEDIATE (see Open), which serialises them the same way.
func (s *Store) Migrate(ctx context.Context) (applied int, err error) {
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	if current, err := currentVersion(s.db.WithContext(ctx)); err == nil && current == len(ms) {
		return 0, nil // up to date: take no write lock, so a read-only database still starts
	}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if s.dialect == DialectPostgres {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", migrationLockID).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec(s.expand(createMigrationsTable)).Error; err != nil {
			return err
		}
		current, err := currentVersion(tx)
		if err != nil {
			return err
		}
		if current > len(ms) {
			return fmt.Errorf("database schema is at version %d, newer than this binary's %d", current, len(ms))
		}
		for _, m := range ms[current:] {
			if err := s.apply(tx, m); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
			}
			applied++
		}
		return nil
	})
	return applied, err
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at {{timestamp}} NOT NULL
)`

func (s *Store) apply(tx *gorm.DB, m migration) error {
	for _, stmt := range splitStatements(s.expand(m.sql)) {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, time.Now().UTC()).Error
}

func currentVersion(tx *gorm.DB) (int, error) {
	var v *int
	err := tx.Raw("SELECT MAX(version) FROM schema_migrations").Scan(&v).Error
	if err != nil || v == nil {
		return 0, err
	}
	return *v, nil
}

// CheckSchema refuses to go on with a database whose schema is not exactly this binary's: serving on a
// stale schema fails requests one by one, long after start-up, which is harder to notice.
func (s *Store) CheckSchema(ctx context.Context) error {
	current, err := currentVersion(s.db.WithContext(ctx))
	if err != nil && !strings.Contains(strings.ToLower(err.Error()), "schema_migrations") {
		return err
	}
	if want := SchemaVersion(); current != want {
		return fmt.Errorf("database schema is at version %d, this binary needs %d: run `iduit migrate`", current, want)
	}
	return nil
}

// expand fills in the few type names that differ between the two databases.
func (s *Store) expand(sql string) string {
	words := map[string]string{"{{timestamp}}": "DATETIME", "{{serial}}": "INTEGER PRIMARY KEY AUTOINCREMENT", "{{bytes}}": "BLOB"}
	if s.dialect == DialectPostgres {
		words = map[string]string{"{{timestamp}}": "TIMESTAMPTZ", "{{serial}}": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "{{bytes}}": "BYTEA"}
	}
	for word, sqlType := range words {
		sql = strings.ReplaceAll(sql, word, sqlType)
	}
	return sql
}

// splitStatements cuts a migration at semicolons that end a line; migrations hold no procedural code, so
// that is enough, and it keeps both drivers on one statement per Exec.
func splitStatements(sql string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		out = append(out, rest)
	}
	return out
}
