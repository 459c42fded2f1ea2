package service

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"time"

	"iduit/domain"
	"iduit/export"
)

// ImportArchive is an export archive (.zip) received for import, kept in a temporary file whose zip
// directory has been checked against the import limits (see StageArchive). Close removes the file.
type ImportArchive struct {
	file     *os.File
	document *zip.File
	files    map[string]*zip.File // by SHA-256
}

// Close removes the temporary file.
func (a *ImportArchive) Close() error {
	a.file.Close()
	return os.Remove(a.file.Name())
}

// StageArchive copies an import archive into a temporary file (the bytes are held once, on disk), then
// reads its directory and refuses, before a byte of any entry is inflated, what an export archive never
// holds: more entries than the limit, a name other than proposal.json and files/<sha256> (so no path
// can point outside), a name twice, a method other than stored or deflate, an entry declaring more than
// the document or file limit, files adding up past the proposal's limit, or a file claiming to inflate
// more than MaxCompressionRatio times its stored size (a zip bomb). Go's reader never inflates an entry
// past the size its directory declares, so the declared sizes bound the work. Errors of r itself are returned as
// they are: the caller knows its transport (a body over its limit is the caller's 413).
func (s *Service) StageArchive(r io.Reader) (*ImportArchive, error) {
	tmp, err := os.CreateTemp("", "iduit-import-*.zip")
	if err != nil {
		return nil, fmt.Errorf("stage import: %w", err)
	}
	a := &ImportArchive{file: tmp, files: map[string]*zip.File{}}
	n, err := io.Copy(tmp, r)
	if err == nil {
		err = s.readArchiveDirectory(a, n)
	}
	if err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// ArchiveTooLarge is the 413 for an archive over the import route's body limit.
func (s *Service) ArchiveTooLarge() error {
	return tooLarge(fmt.Sprintf("the archive is larger than the limit of %s an import", byteCount(s.imports.MaxArchiveBytes)), s.imports.MaxArchiveBytes)
}

func tooLarge(message string, limit int64) error {
	return &domain.Error{Kind: domain.KindTooLarge, Message: message, Extra: map[string]any{"limit": limit}}
}

func badArchive(format string, args ...any) error {
	return domain.Errorf(domain.KindInvalid, "not a usable export archive: "+format, args...)
}

// directoryBytesPerEntry bounds what zip.NewReader may read of the directory per allowed entry: a record
// of ours is about 120 bytes, and other zip tools add a few extra fields. Go's reader reads records until
// the end of the file whatever the directory claims, so without this budget 300 MB of tiny records would
// become millions of entries in memory before the count could be checked.
const directoryBytesPerEntry = 512

func (s *Service) readArchiveDirectory(a *ImportArchive, size int64) error {
	lim := s.imports
	budget := &readBudget{r: a.file, left: 128<<10 + int64(lim.MaxArchiveEntries)*directoryBytesPerEntry}
	zr, err := zip.NewReader(budget, size)
	tooMany := tooLarge(fmt.Sprintf("the archive holds more than %d entries, the limit of an import", lim.MaxArchiveEntries), int64(lim.MaxArchiveEntries))
	switch {
	case budget.exhausted:
		return tooMany
	case err != nil && !errors.Is(err, zip.ErrInsecurePath): // names are checked below, one by one
		return badArchive("the body is not a zip archive (%v)", err)
	case len(zr.File) > lim.MaxArchiveEntries:
		return tooMany
	}
	budget.left = math.MaxInt64 // the directory is read; entries are read in full from here on
	var total uint64
	for _, f := range zr.File {
		if f.Name == export.ArchiveFilesDir && f.UncompressedSize64 == 0 {
			continue // a folder entry some zip tools add
		}
		limit, what := uint64(s.attachments.MaxFileBytes), "a file"
		if f.Name == export.ArchiveDocument {
			limit, what = uint64(lim.MaxJSONBytes), "the export document"
			if a.document != nil {
				return badArchive("%s appears twice", f.Name)
			}
			a.document = f
		} else if digest, ok := export.ArchiveFileDigest(f.Name); ok {
			if a.files[digest] != nil {
				return badArchive("%s appears twice", f.Name)
			}
			a.files[digest] = f
			total += f.UncompressedSize64
		} else {
			return badArchive("the entry %q is neither %s nor %s<sha256>", f.Name, export.ArchiveDocument, export.ArchiveFilesDir)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			return badArchive("%s is compressed with method %d; export archives use stored or deflate", f.Name, f.Method)
		}
		if f.UncompressedSize64 > limit {
			return tooLarge(fmt.Sprintf("%s is larger than the limit of %s for %s", f.Name, byteCount(int64(limit)), what), int64(limit))
		}
		// The document is left out: a long history compresses extremely well, and its declared size is held
		// to MaxJSONBytes, past which Go's reader will not inflate it.
		if f.Name != export.ArchiveDocument && f.UncompressedSize64 > 1<<20 && f.UncompressedSize64/max(f.CompressedSize64, 1) > uint64(lim.MaxCompressionRatio) {
			return tooLarge(fmt.Sprintf("%s claims to inflate %d times its stored size; an import takes at most %d times (a zip bomb?)",
				f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1), lim.MaxCompressionRatio), int64(lim.MaxCompressionRatio))
		}
	}
	if total > uint64(s.attachments.MaxProposalBytes) {
		return tooLarge(fmt.Sprintf("the archive's files add up to more than the limit of %s a proposal", byteCount(s.attachments.MaxProposalBytes)), s.attachments.MaxProposalBytes)
	}
	if a.document == nil {
		return badArchive("it holds no %s", export.ArchiveDocument)
	}
	return nil
}

// readBudget lets zip.NewReader read at most left bytes; exhausted says it tried to read more.
type readBudget struct {
	r         io.ReaderAt
	left      int64
	exhausted bool
}

func (b *readBudget) ReadAt(p []byte, off int64) (int, error) {
	if int64(len(p)) > b.left {
		b.exhausted = true
		return 0, errors.New("zip directory past its budget")
	}
	b.left -= int64(len(p))
	return b.r.ReadAt(p, off)
}

// Document reads the archive's proposal.json (at most the document limit, as its directory said).
func (a *ImportArchive) Document() ([]byte, error) {
	rc, err := a.document.Open()
	if err != nil {
		return nil, badArchive("%s cannot be read (%v)", export.ArchiveDocument, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(a.document.UncompressedSize64)+1))
	if err != nil {
		return nil, badArchive("%s is damaged (%v)", export.ArchiveDocument, err)
	}
	return b, nil
}

// archiveFiles checks every file the document lists against the archive: present under its digest, the
// bytes hashing to that digest and of the listed size, of an accepted type (sniffed, as on upload), and
// described as an upload would be; and every file in the archive listed. It returns the attachments to
// store, uploaded by the importer (the file's uploader may have no account here), or the problems.
func (s *Service) archiveFiles(p domain.Proposal, user domain.User, doc export.Document, arc *ImportArchive, now time.Time) ([]domain.Attachment, error) {
	var out []domain.Attachment
	var problems []domain.Problem
	var total int64
	listed := map[string]bool{}
	checked := map[string]*StagedFile{}
	for i, f := range doc.Attachments {
		where := fmt.Sprintf("attachments[%d]", i)
		listed[f.SHA256] = true
		total += f.Size
		staged, err := s.stageArchiveFile(arc, f.SHA256, checked)
		if err != nil {
			return nil, err
		}
		if staged.Size != f.Size {
			problems = append(problems, domain.Problem{Field: where + ".size", Message: fmt.Sprintf("is %d but the file has %d bytes", f.Size, staged.Size)})
		}
		in := AttachmentInput{Title: f.Title, Kind: f.Kind, Section: f.Section, Link: f.Link, Sensitive: f.Sensitive}
		if err := s.checkAttachmentInput(p, in); err != nil {
			e, _ := domain.AsError(err)
			if e == nil {
				return nil, err
			}
			for _, pr := range e.Problems {
				pr.Field = where + "." + pr.Field
				problems = append(problems, pr)
			}
		}
		out = append(out, domain.Attachment{ID: domain.NewID(), ProposalID: p.ID, SHA256: staged.SHA256, Size: staged.Size, ContentType: staged.ContentType,
			Filename: cleanFilename(f.Filename), Title: f.Title, Kind: f.Kind, SectionKey: f.Section, Link: f.Link, Sensitive: f.Sensitive,
			UploadedBy: user, UploaderRole: domain.RoleOwner, CreatedAt: f.CreatedAt, UpdatedAt: now})
	}
	for digest := range arc.files {
		if !listed[digest] {
			problems = append(problems, domain.Problem{Field: "attachments", Message: export.ArchiveFile(digest) + " is in the archive but not listed in " + export.ArchiveDocument})
		}
	}
	if total > s.attachments.MaxProposalBytes {
		return nil, tooLarge(fmt.Sprintf("the listed files add up to more than the limit of %s a proposal", byteCount(s.attachments.MaxProposalBytes)), s.attachments.MaxProposalBytes)
	}
	if len(problems) > 0 {
		return nil, domain.Invalid("the archive's files do not match its "+export.ArchiveDocument, problems...)
	}
	return out, nil
}

// stageArchiveFile reads one file of the archive as an upload is read (size limit, hash, sniffed type)
// and checks its digest; a file listed twice is read once. The staged copy is removed at once: only
// what was learnt is kept, and the bytes are read again from the archive when they are stored.
func (s *Service) stageArchiveFile(arc *ImportArchive, digest string, checked map[string]*StagedFile) (*StagedFile, error) {
	if f, ok := checked[digest]; ok {
		return f, nil
	}
	entry := arc.files[digest]
	if entry == nil {
		return nil, badArchive("%s is listed in %s but not in the archive", export.ArchiveFile(digest), export.ArchiveDocument)
	}
	rc, err := entry.Open()
	if err != nil {
		return nil, badArchive("%s cannot be read (%v)", entry.Name, err)
	}
	defer rc.Close()
	staged, err := s.StageFile(rc, entry.Name)
	if err != nil {
		var derr *domain.Error
		if errors.As(err, &derr) {
			return nil, &domain.Error{Kind: derr.Kind, Message: entry.Name + ": " + derr.Message, Extra: derr.Extra}
		}
		return nil, badArchive("%s is damaged (%v)", entry.Name, err)
	}
	staged.Close()
	if staged.SHA256 != digest {
		return nil, badArchive("%s holds bytes whose SHA-256 is %s", entry.Name, staged.SHA256)
	}
	checked[digest] = staged
	return staged, nil
}

// storeArchiveFiles writes the bytes of the files not stored yet, from the archive, a chunk at a time.
// It returns the digests it wrote chunks for, so that a failed import can remove them again.
func (s *Service) storeArchiveFiles(ctx context.Context, arc *ImportArchive, files []domain.Attachment) ([]string, error) {
	var written []string
	for _, f := range files {
		if slices.Contains(written, f.SHA256) {
			continue
		}
		stored, err := s.store.HasBlob(ctx, f.SHA256)
		if err != nil || stored {
			if err != nil {
				return written, err
			}
			continue
		}
		written = append(written, f.SHA256)
		rc, err := arc.files[f.SHA256].Open()
		if err != nil {
			return written, err
		}
		err = s.store.WriteChunks(ctx, f.SHA256, rc)
		rc.Close()
		if err != nil {
			return written, err
		}
	}
	return written, nil
}
