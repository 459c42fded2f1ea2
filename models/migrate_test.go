package models_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"iduit/internal/testdb"
	"iduit/models"
)

func TestMigrateFromEmptyIsIdempotent(t *testing.T) {
	for _, b := range testdb.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			ctx := context.Background()
			store, err := models.Open(ctx, b.URL(t), models.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			if _, err := store.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			again, err := store.Migrate(ctx)
			if err != nil || again != 0 {
				t.Fatalf("second migrate applied %d (err %v), want 0", again, err)
			}
			if err := store.CheckSchema(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestConcurrentMigrationsApplyOnce starts several migrators on one fresh database at once, as two
// instances starting together would: each migration must be applied exactly once.
func TestConcurrentMigrationsApplyOnce(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { migrateConcurrently(t, testdb.Backends(t)[0].URL(t)) })
	t.Run("postgres", func(t *testing.T) { migrateConcurrently(t, testdb.FreshPostgres(t)) })
}

func migrateConcurrently(t *testing.T, url string) {
	ctx := context.Background()
	const runners = 4
	applied := make([]int, runners)
	errs := make([]error, runners)
	var wg sync.WaitGroup
	for i := range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			store, err := models.Open(ctx, url, models.Options{})
			if err != nil {
				errs[i] = err
				return
			}
			defer store.Close()
			applied[i], errs[i] = store.Migrate(ctx)
		}()
	}
	wg.Wait()
	total := 0
	for i := range runners {
		if errs[i] != nil {
			t.Fatalf("runner %d: %v", i, errs[i])
		}
		total += applied[i]
	}
	if total != models.SchemaVersion() {
		t.Fatalf("migrations applied %d times in all, want %d", total, models.SchemaVersion())
	}
}

func TestCheckSchemaRefusesAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	store, err := models.Open(ctx, testdb.Backends(t)[0].URL(t), models.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	err = store.CheckSchema(ctx)
	if err == nil || !strings.Contains(err.Error(), "iduit migrate") {
		t.Fatalf("got %v, want advice to run iduit migrate", err)
	}
}

func TestOpenRejectsUnknownURLs(t *testing.T) {
	for _, url := range []string{"", "mysql://x", "sqlite:", "postgres-ish://x"} {
		if _, err := models.Open(context.Background(), url, models.Options{}); err == nil {
			t.Errorf("Open(%q) succeeded", url)
		}
	}
	if got := models.RedactURL("postgres://iduit:secret@db:5432/iduit"); strings.Contains(got, "secret") {
		t.Errorf("RedactURL leaked the password: %s", got)
	}
}
