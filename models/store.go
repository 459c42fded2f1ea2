// Package models is the only package that touches the database: GORM row structs, the Store and its
// queries, and the versioned migrations. Row structs never leave this package; callers get domain values.
package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/libtnb/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Dialect names the database engine behind a Store.
type Dialect string

// The supported engines: SQLite embedded by default, PostgreSQL in production.
const (
	DialectSQLite   Dialect = "sqlite"
	DialectPostgres Dialect = "postgres"
)

// Store reads and writes iduit's data. It is safe for concurrent use.
type Store struct {
	db      *gorm.DB
	sqlDB   *sql.DB
	dialect Dialect
	// writer is SQLite's single writer with group commit (nil on PostgreSQL). Queueing writes here rather
	// than in SQLite's busy handler, which polls with sleeps, also keeps the tail latency low.
	writer *groupWriter
	// stmts are the SQLite writer's statements, prepared once per connection (nil on PostgreSQL).
	stmts *prepared
	// saves batches PostgreSQL's save statements (nil on SQLite).
	saves *saveBatcher
	// saver writes section saves the engine's way, chosen once here (see sectionSaver).
	saver  sectionSaver
	closed sync.Once
	// counter, when set by CountQueries, also counts statements that bypass GORM.
	counter atomic.Pointer[atomic.Int64]
}

// Options tune the connection pool; the zero value picks defaults suited to each engine.
type Options struct {
	MaxOpenConns int
	Logger       *slog.Logger
}

// Open connects to the database named by databaseURL: postgres:// or postgresql:// for PostgreSQL,
// sqlite:PATH for an SQLite file. It does not migrate.
func Open(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	dialect, dialector, err := dialectorFor(databaseURL)
	if err != nil {
		return nil, err
	}
	if err := checkWritable(databaseURL); err != nil {
		return nil, err
	}
	db, err := openGorm(ctx, dialect, dialector)
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	configurePool(sqlDB, dialect, opts)
	s := &Store{db: db, sqlDB: sqlDB, dialect: dialect}
	switch dialect {
	case DialectSQLite:
		s.stmts = &prepared{db: sqlDB, counter: &s.counter}
		s.writer = newGroupWriter(db, s.stmts)
	case DialectPostgres:
		s.saves = newSaveBatcher(sqlDB)
	}
	s.saver = newSectionSaver(s)
	if err := s.Ping(ctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("connect to %s database: %w", dialect, err)
	}
	return s, nil
}

// openGorm opens the database through GORM. A new SQLite file's first connections switch it to WAL,
// and a connection that finds another process doing that at the same moment gets "database is locked"
// at once (a lock upgrade SQLite will not wait for, busy timeout or not): two instances starting
// together on a fresh file would fail one time in fifty. So on SQLite that error is retried for a while.
func openGorm(ctx context.Context, dialect Dialect, dialector gorm.Dialector) (*gorm.DB, error) {
	cfg := &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // our writes open their own transactions where they need one
		NowFunc:                func() time.Time { return time.Now().UTC() },
		PrepareStmt:            true, // reuse parsed statements: parsing was a tenth of a save's CPU on SQLite
	}
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		db, err := gorm.Open(dialector, cfg)
		if err == nil || dialect != DialectSQLite || !isSQLiteBusy(err) || time.Now().After(deadline) {
			return db, err
		}
		if db != nil && db.ConnPool != nil {
			if sqlDB, e := db.DB(); e == nil {
				sqlDB.Close()
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

func dialectorFor(databaseURL string) (Dialect, gorm.Dialector, error) {
	switch {
	case strings.HasPrefix(databaseURL, "postgres://"), strings.HasPrefix(databaseURL, "postgresql://"):
		return DialectPostgres, postgres.Open(databaseURL), nil
	case strings.HasPrefix(databaseURL, "sqlite:"):
		path := strings.TrimPrefix(databaseURL, "sqlite:")
		if path == "" {
			return "", nil, errors.New("DATABASE_URL sqlite: needs a file path, e.g. sqlite:iduit.db")
		}
		return DialectSQLite, sqlite.Open(sqliteDSN(path)), nil
	default:
		return "", nil, fmt.Errorf("DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got %q)", RedactURL(databaseURL))
	}
}

// sqliteDSN turns on what SQLite leaves off by default: a busy timeout so writers wait instead of
// failing, WAL so readers never block the writer, foreign keys, full sync of each commit, and IMMEDIATE
// transactions so a transaction takes the write lock at BEGIN rather than failing on a lock upgrade.
// The pragmas run in this order on every new connection; the busy timeout comes first so that the
// others wait for locks too (see openGorm for the one wait SQLite will not do).
func sqliteDSN(path string) string {
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(FULL)", "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// configurePool caps SQLite at a few connections: it has one writer anyway, and an unbounded pool
// measured here put the insert p99 at 0.4-0.7 s against ~40 ms with a small cap.
func configurePool(db *sql.DB, dialect Dialect, opts Options) {
	n := opts.MaxOpenConns
	if n <= 0 {
		n = 4
		if dialect == DialectPostgres {
			n = 20
		}
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(5 * time.Minute)
}

// write runs fn in a transaction and returns only once it is committed (or failed). On SQLite it goes
// through the group-commit writer; PostgreSQL takes concurrent writers as they come.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.writer != nil {
		return s.writer.submit(ctx, fn)
	}
	return s.db.WithContext(ctx).Transaction(fn)
}

// Dialect tells which engine this store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping checks that the database answers; /readyz uses it.
func (s *Store) Ping(ctx context.Context) error { return s.sqlDB.PingContext(ctx) }

// Close stops the writer and releases the connections; later calls do nothing.
func (s *Store) Close() error {
	var err error
	s.closed.Do(func() {
		if s.writer != nil {
			s.writer.close()
			s.stmts.close()
		}
		if s.saves != nil {
			s.saves.close()
		}
		err = s.sqlDB.Close()
	})
	return err
}

// RedactURL hides the password in a database URL so it can be logged.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// checkWritable says plainly when an SQLite file cannot be written, instead of SQLite's "unable to open
// database file": the server needs to write the file and its directory (WAL and shared-memory files).
func checkWritable(databaseURL string) error {
	path, ok := strings.CutPrefix(databaseURL, "sqlite:")
	if !ok {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("the SQLite database %s cannot be written (%w); iduit needs to write the file and its directory", path, err)
	}
	return f.Close()
}

// Instruments is what a Store reports its load to (the metrics package's Metrics).
type Instruments interface {
	// WatchPool exposes the connection pool's statistics under a database name.
	WatchPool(dbName string, db *sql.DB)
	// WatchQueue exposes a length read when scraped.
	WatchQueue(name, help string, length func() int)
}

// Instrument registers the store's connection pool and its write queue with in: the SQLite writer's queue,
// or the PostgreSQL save batches' queue. Those are where a loaded server waits.
func (s *Store) Instrument(in Instruments) {
	in.WatchPool(string(s.dialect), s.sqlDB)
	in.WatchQueue("iduit_write_queue_length", "Writes waiting for the SQLite writer or a PostgreSQL save batch to take them.", func() int {
		switch {
		case s.writer != nil:
			return int(s.writer.waiting.Load())
		case s.saves != nil:
			return int(s.saves.waiting.Load())
		}
		return 0
	})
}
