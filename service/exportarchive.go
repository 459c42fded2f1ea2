package service

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"iduit/domain"
	"iduit/export"
)

// ArchiveExport is a proposal's export archive ready to be streamed: the JSON export and the files it
// lists. Nothing of the files is read until WriteTo.
type ArchiveExport struct {
	// ETag is weak: it changes with everything the archive holds, but two downloads of one version differ
	// in the document's exported_at.
	ETag     string
	FileName string
	// NotModified is set when the caller's If-None-Match already names this version; WriteTo is not to be called.
	NotModified bool
	doc         export.Document
	s           *Service
}

// ExportArchive prepares the .zip export of a proposal: the JSON export as proposal.json and each listed
// file's bytes under files/<sha256>. Who may and which files go in are the JSON export's rules (owners;
// sensitive files only when includeSensitive). The version is a hash of the document without its time
// of export, so a client holding the current archive gets 304 without a file being read.
func (s *Service) ExportArchive(ctx context.Context, acc Access, proposalID string, includeSensitive bool, ifNoneMatch string) (ArchiveExport, error) {
	doc, err := s.Export(ctx, acc, proposalID, includeSensitive)
	if err != nil {
		return ArchiveExport{}, err
	}
	timeless := doc
	timeless.ExportedAt = time.Time{}
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(timeless); err != nil {
		return ArchiveExport{}, err
	}
	fmt.Fprintf(h, "|sensitive=%t|%s", includeSensitive, buildID)
	out := ArchiveExport{ETag: `W/"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`, FileName: doc.Proposal.Title + ".zip", doc: doc, s: s}
	out.NotModified = ifNoneMatch == out.ETag || ifNoneMatch == out.ETag[2:] // If-None-Match compares weakly
	return out, nil
}

// WriteTo streams the archive into w: the document, then each distinct file read a chunk at a time, so
// the server holds one chunk and the compressor's window whatever the proposal's size. An error half-way
// leaves w with a truncated archive (no central directory), which every zip reader refuses.
func (a ArchiveExport) WriteTo(ctx context.Context, w io.Writer) error {
	zw := zip.NewWriter(w)
	jw, err := zw.CreateHeader(&zip.FileHeader{Name: export.ArchiveDocument, Method: zip.Deflate, Modified: a.doc.ExportedAt})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(jw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a.doc); err != nil {
		return err
	}
	written := map[string]bool{}
	for _, f := range a.doc.Attachments {
		if written[f.SHA256] {
			continue // the same bytes attached twice travel once
		}
		written[f.SHA256] = true
		file := domain.Attachment{SHA256: f.SHA256, Size: f.Size, ContentType: f.ContentType, CreatedAt: f.CreatedAt}
		if err := a.s.writeAttachmentToZip(ctx, zw, export.ArchiveFile(f.SHA256), file); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeAttachmentToZip adds a stored file to a zip as the entry name, copying its bytes from the database
// a chunk (1 MiB) at a time, so a 25 MB file never sits in memory whole. The entry is stored, not
// deflated: PDFs, images and office documents are compressed already, a 20 MB file then costs no CPU on
// either side, and an importer's compression-ratio guard can never take a repetitive CSV for a zip
// bomb. The bytes are checked against the file's SHA-256 on the way (export.CopyFile, as the package does).
func (s *Service) writeAttachmentToZip(ctx context.Context, zw *zip.Writer, name string, a domain.Attachment) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: a.CreatedAt})
	if err != nil {
		return err
	}
	if err := export.CopyFile(w, s.store.OpenBlob(ctx, a.SHA256, a.Size), a.Size, a.SHA256); err != nil {
		return fmt.Errorf("zip file %s: %w", a.SHA256, err)
	}
	return nil
}
