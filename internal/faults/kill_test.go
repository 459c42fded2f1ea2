package faults

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"iduit/internal/loadgen"
	"iduit/models"
)

// TestSIGKILLLosesNoAcknowledgedSave kills the server with SIGKILL while 32 writers contend for 10
// proposals, restarts it on the same SQLite file, and checks that every save that was answered 200 is
// in the database with the text it acknowledged, and that the file passes SQLite's integrity check.
func TestSIGKILLLosesNoAcknowledgedSave(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "killed.db")
	srv := startServer(t, "sqlite:"+path)
	client := loadgen.NewClient(srv.addr, 32)
	k, err := loadgen.NewContention(ctx, client, 10)
	if err != nil {
		t.Fatal(err)
	}
	work := make([]func(context.Context) (int, error), 32)
	for i := range work {
		work[i] = k.Worker(i)
	}
	killed := make(chan struct{})
	go func() {
		time.Sleep(1500 * time.Millisecond)
		srv.kill()
		close(killed)
	}()
	rep := loadgen.Drive(ctx, loadgen.Options{Scenario: "contend", Concurrency: 32, Duration: 3 * time.Second, MaxRequests: 1_000_000}, work)
	<-killed
	acked := k.Acknowledged()
	if acked < 50 {
		t.Fatalf("only %d saves were acknowledged before the kill; the test did not load the server (%s)", acked, rep)
	}

	srv.start(t)
	verified, problems := k.Verify(ctx)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("acknowledged %d saves before SIGKILL, %d revisions verified after restart, %d outcomes unknown", acked, verified, k.Unknown())
	srv.stop()

	store, err := models.Open(ctx, "sqlite:"+path, models.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
