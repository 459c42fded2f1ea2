package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"testing"

	"iduit/domain"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
)

// TestBackupKeepsFiles: evidence files live in the database, so a backup holds them. On SQLite `iduit
// backup` is taken, the proposal (and with it its files' bytes) deleted, `iduit restore` run; on
// PostgreSQL pg_dump and pg_restore into an empty database, as docs/reliability.md says. Either way every
// file reads back with its SHA-256.
func TestBackupKeepsFiles(t *testing.T) {
	ctx := context.Background()
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		url := "sqlite:" + filepath.Join(dir, "live.db")
		env := envOf(map[string]string{"DATABASE_URL": url})
		var out bytes.Buffer
		if err := run(ctx, []string{"migrate"}, env, &out, &out); err != nil {
			t.Fatal(err)
		}
		kept := storeEvidence(t, url)
		if err := run(ctx, []string{"backup", filepath.Join(dir, "copy.db")}, env, &out, &out); err != nil {
			t.Fatal(err)
		}
		withService(t, url, func(svc *service.Service, _ *models.Store) {
			if err := svc.DeleteProposal(ctx, service.AccessOf(kept.owner), kept.proposal); err != nil {
				t.Fatal(err)
			}
		})
		if err := run(ctx, []string{"restore", filepath.Join(dir, "copy.db")}, env, &out, &out); err != nil {
			t.Fatalf("restore: %v %s", err, out.String())
		}
		kept.readBack(t, url)
	})
	t.Run("postgres", func(t *testing.T) {
		src := testdb.FreshPostgres(t)
		var out bytes.Buffer
		if err := run(ctx, []string{"migrate"}, envOf(map[string]string{"DATABASE_URL": src}), &out, &out); err != nil {
			t.Fatal(err)
		}
		kept := storeEvidence(t, src)
		dump := filepath.Join(t.TempDir(), "iduit.dump")
		if b, err := exec.Command("pg_dump", "--format=custom", "--file="+dump, src).CombinedOutput(); err != nil {
			t.Fatalf("pg_dump: %v %s", err, b)
		}
		dst := testdb.FreshPostgres(t)
		if b, err := exec.Command("pg_restore", "--no-owner", "--dbname="+dst, dump).CombinedOutput(); err != nil {
			t.Fatalf("pg_restore: %v %s", err, b)
		}
		if err := run(ctx, []string{"migrate"}, envOf(map[string]string{"DATABASE_URL": dst}), &out, &out); err != nil {
			t.Fatal(err)
		}
		kept.readBack(t, dst)
	})
}

// evidence is what storeEvidence attached: whose, where, and each file's digest by title.
type evidence struct {
	owner    domain.User
	proposal string
	digests  map[string]string
}

func withService(t *testing.T, url string, fn func(svc *service.Service, store *models.Store)) {
	t.Helper()
	store, err := models.Open(context.Background(), url, models.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	catalogue, err := templates.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	fn(service.New(store, catalogue, service.Config{Passwords: service.PasswordParams{Time: 1, Memory: 64, Threads: 1}}), store)
}

// storeEvidence attaches a 3.5 MB CSV (four chunks, the last one short) and a small PDF to a new proposal.
func storeEvidence(t *testing.T, url string) evidence {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(19, 19))
	var csv bytes.Buffer
	for csv.Len() < 3_500_000 {
		fmt.Fprintf(&csv, "2026-%02d-%02d,site-%d,%d\n", rng.IntN(12)+1, rng.IntN(28)+1, rng.IntN(90), rng.IntN(1000))
	}
	files := map[string][]byte{"monitoring.csv": csv.Bytes(), "minutes.pdf": []byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")}
	ev := evidence{digests: map[string]string{}}
	withService(t, url, func(svc *service.Service, _ *models.Store) {
		user, err := svc.Register(ctx, service.RegisterInput{Email: "backup-" + domain.NewID()[:8] + "@example.org", Name: "Backup", Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		title, lang, country := "Files", "en", "KG"
		p, err := svc.CreateProposal(ctx, user, service.ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
		if err != nil {
			t.Fatal(err)
		}
		ev.owner, ev.proposal = user, p.ID
		for name, content := range files {
			staged, err := svc.StageFile(bytes.NewReader(content), name)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := svc.Attach(ctx, service.AccessOf(user), p.ID, service.AttachmentInput{Title: name, Kind: "data"}, staged); err != nil {
				t.Fatal(err)
			}
			staged.Close()
			sum := sha256.Sum256(content)
			ev.digests[name] = hex.EncodeToString(sum[:])
		}
	})
	return ev
}

// readBack reads every file of the proposal from the database at url and compares its SHA-256.
func (ev evidence) readBack(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	withService(t, url, func(svc *service.Service, _ *models.Store) {
		items, err := svc.Attachments(ctx, service.AccessOf(ev.owner), ev.proposal, "")
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != len(ev.digests) {
			t.Fatalf("%d files came back, want %d", len(items), len(ev.digests))
		}
		for _, a := range items {
			_, content, err := svc.AttachmentContent(ctx, service.AccessOf(ev.owner), ev.proposal, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			h := sha256.New()
			if _, err := io.Copy(h, content); err != nil {
				t.Fatalf("%s: %v", a.Title, err)
			}
			if got := hex.EncodeToString(h.Sum(nil)); got != ev.digests[a.Title] {
				t.Errorf("%s reads back with SHA-256 %s, want %s", a.Title, got, ev.digests[a.Title])
			}
		}
	})
}
