package models

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

func openSQLite(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "w.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGroupCommitIsolatesFailures writes many users at once, every third of which inserts its row and
// then fails: the failures must leave nothing behind, and every success must be stored.
func TestGroupCommitIsolatesFailures(t *testing.T) {
	s := openSQLite(t)
	ctx := context.Background()
	const writers = 60
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.write(ctx, func(tx *gorm.DB) error {
				row := userRow{ID: fmt.Sprint("u", i), Email: fmt.Sprint(i, "@example.org"), Name: "x", PasswordHash: "h", CreatedAt: time.Now()}
				if err := tx.Create(&row).Error; err != nil {
					return err
				}
				if i%3 == 0 {
					return domain.Errorf(domain.KindConflict, "job %d fails after writing", i)
				}
				return nil
			})
		}()
	}
	wg.Wait()
	if s.writer.largest.Load() < 2 {
		t.Fatalf("no two writes shared a commit (largest batch %d): the test did not exercise savepoints", s.writer.largest.Load())
	}
	for i := range writers {
		var n int64
		if err := s.db.Model(&userRow{}).Where("id = ?", fmt.Sprint("u", i)).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		failed := i%3 == 0
		if failed != (errs[i] != nil) || (failed && n != 0) || (!failed && n != 1) {
			t.Fatalf("job %d: err %v, rows %d", i, errs[i], n)
		}
	}
}

func TestWriterAfterCloseRefuses(t *testing.T) {
	s := openSQLite(t)
	s.Close()
	err := s.write(context.Background(), func(tx *gorm.DB) error { return nil })
	if !errors.Is(err, errStoreClosed) {
		t.Fatalf("got %v, want errStoreClosed", err)
	}
}
