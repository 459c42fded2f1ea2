package service

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"iduit/domain"
	"iduit/export"
	"iduit/internal/testdb"
	"iduit/models"
	"iduit/templates"
)

// TestFailedArchiveImportLeavesNoChunks: when the store cannot finish an import after the files' bytes
// were written (here the proposal row is refused: its creator is no account), the chunks that no blob
// row took are removed again, while a file stored before keeps its bytes. Both engines.
func TestFailedArchiveImportLeavesNoChunks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		catalogue, err := templates.Embedded()
		if err != nil {
			t.Fatal(err)
		}
		svc := New(store, catalogue, Config{Passwords: PasswordParams{Memory: 64, Time: 1, Threads: 1}})
		ctx := context.Background()
		user, err := svc.Register(ctx, RegisterInput{Email: "chunks-" + domain.NewID()[:8] + "@example.org", Name: "C", Password: "correct horse battery"})
		if err != nil {
			t.Fatal(err)
		}
		title, lang, country := "Stored before", "en", "KG"
		first, err := svc.CreateProposal(ctx, user, ProposalInput{Template: "gf-concept-note-pwid", Title: &title, Language: &lang, Country: &country})
		if err != nil {
			t.Fatal(err)
		}
		known := []byte("%PDF-1.4\n% stored before " + domain.NewID() + "\n%%EOF\n")
		staged, err := svc.StageFile(bytes.NewReader(known), "known.pdf")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Attach(ctx, AccessOf(user), first.ID, AttachmentInput{Title: "known", Kind: "minutes"}, staged); err != nil {
			t.Fatal(err)
		}
		staged.Close()
		fresh := bytes.Repeat([]byte("site,contacts,"+domain.NewID()+"\n"), 2_500_000/30) // three chunks
		now := time.Now().UTC()
		doc := export.Document{Format: export.Format, Version: export.Version, ExportedAt: now,
			Proposal: export.Proposal{ID: "x", Template: "gf-concept-note-pwid", TemplateVersion: 1, Title: "Import", Language: "en",
				SubmissionLanguage: "en", Country: "KG", Status: "draft", CreatedAt: now, UpdatedAt: now}}
		var z bytes.Buffer
		zw := zip.NewWriter(&z)
		for name, content := range map[string][]byte{"known.pdf": known, "fresh.csv": fresh} {
			sum := sha256.Sum256(content)
			digest := hex.EncodeToString(sum[:])
			doc.Attachments = append(doc.Attachments, export.Attachment{Title: name, Kind: "data", Filename: name, Size: int64(len(content)), SHA256: digest, CreatedAt: now})
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: export.ArchiveFile(digest), Method: zip.Store})
			w.Write(content)
		}
		w, _ := zw.Create(export.ArchiveDocument)
		json.NewEncoder(w).Encode(doc)
		zw.Close()
		arc, err := svc.StageArchive(&z)
		if err != nil {
			t.Fatal(err)
		}
		defer arc.Close()
		before, err := store.ChunkCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ghost := domain.User{ID: "no-such-account", Email: "ghost@example.org"}
		tpl, _ := catalogue.Get("gf-concept-note-pwid", 1)
		p := importedProposal(doc.Proposal, ghost, tpl)
		in, _ := buildImport(p, tpl, ghost, doc)
		if _, err := svc.importWithFiles(ctx, ghost, p, doc, arc, in); err == nil {
			t.Fatal("an import by no account went through")
		}
		if after, _ := store.ChunkCount(ctx); after != before {
			t.Fatalf("the failed import left %d chunks (had %d)", after, before)
		}
		if _, content, err := svc.AttachmentContent(ctx, AccessOf(user), first.ID, mustFirstAttachment(t, svc, user, first.ID)); err != nil {
			t.Fatal(err)
		} else if got := readAll(t, content); !bytes.Equal(got, known) {
			t.Fatal("the file stored before lost its bytes")
		}
	})
}

func mustFirstAttachment(t *testing.T, svc *Service, user domain.User, proposalID string) string {
	t.Helper()
	items, err := svc.Attachments(context.Background(), AccessOf(user), proposalID, "")
	if err != nil || len(items) != 1 {
		t.Fatalf("attachments: %v %v", items, err)
	}
	return items[0].ID
}

func readAll(t *testing.T, r interface{ Read([]byte) (int, error) }) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
