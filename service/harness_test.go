package service

import (
	"path/filepath"
	"testing"

	"iduit/internal/testdb"
	"iduit/models"
	"iduit/templates"
)

// newTestService is the service over a fresh, migrated SQLite file, with cheap password hashing.
func newTestService(t *testing.T, cfg Config) (*Service, *models.Store) {
	t.Helper()
	store := testdb.Open(t, "sqlite:"+filepath.Join(t.TempDir(), "service.db"))
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Passwords = PasswordParams{Memory: 64, Time: 1, Threads: 1}
	return New(store, catalogue, cfg), store
}
