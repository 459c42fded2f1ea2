// Package testdb gives tests real databases: a fresh SQLite file per test, and the PostgreSQL database
// named by TEST_DATABASE_URL when it is set. Every test that touches storage runs on each of them.
package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for creating and dropping test databases

	"iduit/models"
)

// Backend is one database engine the suite runs on.
type Backend struct {
	Name string
	// URL opens a database for one test; SQLite gets a new file each time.
	URL func(t testing.TB) string
}

// Backends lists SQLite and, when TEST_DATABASE_URL is set, PostgreSQL. Under CI=true a missing
// TEST_DATABASE_URL fails the test: a PostgreSQL run that silently skips would prove nothing.
func Backends(t testing.TB) []Backend {
	t.Helper()
	out := []Backend{{Name: "sqlite", URL: func(t testing.TB) string {
		return "sqlite:" + filepath.Join(t.TempDir(), "iduit.db")
	}}}
	pg := os.Getenv("TEST_DATABASE_URL")
	if pg == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL half of the suite would not run")
		}
		return out
	}
	return append(out, Backend{Name: "postgres", URL: func(testing.TB) string { return pg }})
}

// Open connects to url, migrates it and closes it when the test ends.
func Open(t testing.TB, url string) *models.Store {
	t.Helper()
	ctx := context.Background()
	store, err := models.Open(ctx, url, models.Options{})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	if _, err := store.Migrate(ctx); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	return store
}

// Each runs fn as a subtest on every backend with a migrated store.
func Each(t *testing.T, fn func(t *testing.T, store *models.Store)) {
	t.Helper()
	for _, b := range Backends(t) {
		t.Run(b.Name, func(t *testing.T) { fn(t, Open(t, b.URL(t))) })
	}
}

// FreshPostgres creates an empty database on the TEST_DATABASE_URL server for one test and drops it
// afterwards, for tests that need PostgreSQL with no schema at all. It skips when PostgreSQL is not
// configured (Backends already fails a CI run without it).
func FreshPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("iduit_fresh_%d_%d", time.Now().UnixNano(), os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
