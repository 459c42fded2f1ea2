package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// ChunkSize is how much of a file one blob_chunks row holds: small enough that a read or a write holds
// one chunk in memory at a time and SQLite's writer commits in short transactions, large enough that a
// 25 MB file is 25 rows.
const ChunkSize = 1 << 20

// attachmentRow is the attachments table, joined with its blob, its uploader and the uploader's role.
type attachmentRow struct {
	ID          string
	ProposalID  string
	Sha256      string
	Filename    string
	Title       string
	Kind        string
	SectionKey  string
	Link        string
	Sensitive   bool
	UploadedBy  string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	DeletedAt   sql.NullTime
	Size        int64
	ContentType string
	Email       string
	Name        string
	Role        string
}

func (r attachmentRow) toDomain() domain.Attachment {
	a := domain.Attachment{
		ID: r.ID, ProposalID: r.ProposalID, SHA256: r.Sha256, Size: r.Size, ContentType: r.ContentType, Filename: r.Filename,
		Title: r.Title, Kind: r.Kind, SectionKey: r.SectionKey, Link: r.Link, Sensitive: r.Sensitive, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		UploadedBy: domain.User{ID: r.UploadedBy, Email: r.Email, Name: r.Name}, UploaderRole: domain.Role(r.Role),
	}
	if r.DeletedAt.Valid {
		t := r.DeletedAt.Time
		a.DeletedAt = &t
	}
	return a
}

func (s *Store) attachmentQuery(ctx context.Context) *gorm.DB {
	return s.db.WithContext(ctx).Table("attachments").
		Select("attachments.*, blobs.size, blobs.content_type, users.email, users.name, COALESCE(members.role, '') AS role").
		Joins("JOIN blobs ON blobs.sha256 = attachments.sha256").
		Joins("JOIN users ON users.id = attachments.uploaded_by").
		Joins("LEFT JOIN members ON members.proposal_id = attachments.proposal_id AND members.user_id = attachments.uploaded_by")
}

// Attachments lists a proposal's files that are not deleted, oldest first, in one query; a section key
// narrows the list to the files supporting that section.
func (s *Store) Attachments(ctx context.Context, proposalID, section string) ([]domain.Attachment, error) {
	var rows []attachmentRow
	q := s.attachmentQuery(ctx).Where("attachments.proposal_id = ? AND attachments.deleted_at IS NULL", proposalID)
	if section != "" {
		q = q.Where("attachments.section_key = ?", section)
	}
	err := q.Order("attachments.created_at, attachments.id").Find(&rows).Error
	if err != nil {
		return nil, translate(err, "attachment")
	}
	out := make([]domain.Attachment, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// Attachment returns one file of a proposal that is not deleted.
func (s *Store) Attachment(ctx context.Context, proposalID, id string) (domain.Attachment, error) {
	var row attachmentRow
	err := s.attachmentQuery(ctx).Where("attachments.proposal_id = ? AND attachments.id = ? AND attachments.deleted_at IS NULL", proposalID, id).Take(&row).Error
	if err != nil {
		return domain.Attachment{}, translate(err, "attachment")
	}
	return row.toDomain(), nil
}

// HasBlob tells whether the bytes with this digest are already stored, so that an upload of a known
// file writes no chunks.
func (s *Store) HasBlob(ctx context.Context, sha256 string) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Table("blobs").Where("sha256 = ?", sha256).Count(&n).Error
	return n > 0, translate(err, "file")
}

// AttachmentsSize is the total size of a proposal's files that are not deleted, for its quota.
func (s *Store) AttachmentsSize(ctx context.Context, proposalID string) (int64, error) {
	return attachmentsSize(s.db.WithContext(ctx), proposalID)
}

func attachmentsSize(db *gorm.DB, proposalID string) (int64, error) {
	var total int64
	err := db.Raw(`SELECT COALESCE(SUM(blobs.size), 0) FROM attachments JOIN blobs ON blobs.sha256 = attachments.sha256
		WHERE attachments.proposal_id = ? AND attachments.deleted_at IS NULL`, proposalID).Scan(&total).Error
	return total, translate(err, "attachment")
}

const insertChunk = `INSERT INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?) ON CONFLICT (sha256, seq) DO NOTHING`

// WriteChunks stores the bytes of r under their digest, one chunk per transaction, holding one chunk in
// memory. The chunks count only once CreateAttachment writes the blob row; two uploads of the same new
// file write the same chunks, and the second's are ignored.
func (s *Store) WriteChunks(ctx context.Context, sha256 string, r io.Reader) error {
	buf := make([]byte, ChunkSize)
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			chunk := buf[:n]
			if werr := s.write(ctx, func(tx *gorm.DB) error {
				return translate(tx.Exec(insertChunk, sha256, seq, chunk).Error, "file")
			}); werr != nil {
				return werr
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// CreateAttachment records a file whose chunks are written: the blob row (once per content) and the
// attachment, with its activity entry, in one transaction. The proposal's quota is checked inside it, so
// two uploads at once cannot both slip under it; over it, the error is KindTooLarge with quotaMessage.
func (s *Store) CreateAttachment(ctx context.Context, a domain.Attachment, quota int64, quotaMessage string, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		if err := s.lockProposal(tx, a.ProposalID); err != nil {
			return err
		}
		used, err := attachmentsSize(tx, a.ProposalID)
		if err != nil {
			return err
		}
		if used+a.Size > quota {
			return &domain.Error{Kind: domain.KindTooLarge, Message: quotaMessage, Code: "attachment.quota"}
		}
		if err := s.insertAttachment(tx, a, a.CreatedAt); err != nil {
			return err
		}
		if err := touchProposal(tx, a.ProposalID, a.CreatedAt); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// checkChunks makes sure every chunk of a blob is there before an attachment refers to it: a known file's
// bytes could have been removed (DeleteUnusedBlobs) between the upload's look and this transaction. On
// PostgreSQL the blob row is locked first, so a removal either finished before (its chunks are seen gone)
// or waits for this attachment, whose reference then stops it.
func (s *Store) checkChunks(tx *gorm.DB, sha256 string, size int64) error {
	if s.dialect == DialectPostgres {
		if err := tx.Exec("SELECT sha256 FROM blobs WHERE sha256 = ? FOR UPDATE", sha256).Error; err != nil {
			return translate(err, "file")
		}
	}
	var n int64
	if err := tx.Raw("SELECT COUNT(*) FROM blob_chunks WHERE sha256 = ?", sha256).Scan(&n).Error; err != nil {
		return translate(err, "file")
	}
	if n != (size+ChunkSize-1)/ChunkSize {
		return &domain.Error{Kind: domain.KindConflict, Message: "the file's stored copy was removed while it was uploaded; upload it again", Code: "attachment.retry"}
	}
	return nil
}

// importAttachments records an import's files, whose chunks are written: each blob row (once per
// content) after checking its chunks are all there, as CreateAttachment does, then the attachments.
func (s *Store) importAttachments(tx *gorm.DB, in ProposalImport) error {
	for _, a := range in.Attachments {
		a.ProposalID = in.Proposal.ID
		if err := s.insertAttachment(tx, a, a.UpdatedAt); err != nil {
			return err
		}
	}
	return nil
}

// insertAttachment writes a file's blob row (once per content, dated blobAt) after checking its chunks
// are all there, then the attachment row: the one way an upload and an import record a file.
func (s *Store) insertAttachment(tx *gorm.DB, a domain.Attachment, blobAt time.Time) error {
	err := tx.Exec(`INSERT INTO blobs (sha256, size, content_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING`,
		a.SHA256, a.Size, a.ContentType, blobAt).Error
	if err != nil {
		return translate(err, "file")
	}
	if err := s.checkChunks(tx, a.SHA256, a.Size); err != nil {
		return err
	}
	err = tx.Exec(`INSERT INTO attachments (id, proposal_id, sha256, filename, title, kind, section_key, link, sensitive, uploaded_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.ProposalID, a.SHA256, a.Filename, a.Title, a.Kind, a.SectionKey, a.Link, a.Sensitive, a.UploadedBy.ID, a.CreatedAt, a.UpdatedAt).Error
	return translate(err, "attachment")
}

// DeleteOrphanChunks removes the chunks of the given files that no blob row took: what an import or an
// upload that failed after writing them would otherwise leave. One file per transaction; a file whose
// blob row exists (stored meanwhile, or before) keeps its chunks.
func (s *Store) DeleteOrphanChunks(ctx context.Context, digests []string) error {
	for _, sha := range digests {
		err := s.write(ctx, func(tx *gorm.DB) error {
			return tx.Exec("DELETE FROM blob_chunks WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM blobs WHERE blobs.sha256 = ?)", sha, sha).Error
		})
		if err != nil {
			return translate(err, "file")
		}
	}
	return nil
}

// ChunkCount is the number of stored chunks of every file, with or without a blob row; tests use it to
// see that a refused import leaves none behind.
func (s *Store) ChunkCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Table("blob_chunks").Count(&n).Error
	return n, translate(err, "file")
}

// ProposalBlobs lists the digests of the files a proposal holds or held (deleted ones too), so that
// DeleteUnusedBlobs can look at them once the proposal is gone.
func (s *Store) ProposalBlobs(ctx context.Context, proposalID string) ([]string, error) {
	var out []string
	err := s.db.WithContext(ctx).Raw("SELECT DISTINCT sha256 FROM attachments WHERE proposal_id = ?", proposalID).Scan(&out).Error
	return out, translate(err, "attachment")
}

// DeleteUnusedBlobs removes the bytes of the given files that no attachment refers to any more, one file
// per transaction. A file attached again meanwhile is kept: the reference stops the removal (the foreign
// key), which is the right answer, not an error.
func (s *Store) DeleteUnusedBlobs(ctx context.Context, digests []string) error {
	for _, sha := range digests {
		err := s.write(ctx, func(tx *gorm.DB) error {
			res := tx.Exec("DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM attachments WHERE attachments.sha256 = ?)", sha, sha)
			if res.Error != nil || res.RowsAffected == 0 {
				return res.Error
			}
			return tx.Exec("DELETE FROM blob_chunks WHERE sha256 = ?", sha).Error
		})
		if err != nil && !isForeignKeyViolation(err) {
			return translate(err, "file")
		}
	}
	return nil
}

// UpdateAttachment replaces a file's title, kind, section, link and sensitive mark.
func (s *Store) UpdateAttachment(ctx context.Context, a domain.Attachment, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Exec(`UPDATE attachments SET title = ?, kind = ?, section_key = ?, link = ?, sensitive = ?, updated_at = ?
			WHERE proposal_id = ? AND id = ? AND deleted_at IS NULL`, a.Title, a.Kind, a.SectionKey, a.Link, a.Sensitive, a.UpdatedAt, a.ProposalID, a.ID)
		if err := affectedOne(res, "attachment"); err != nil {
			return err
		}
		if err := touchProposal(tx, a.ProposalID, a.UpdatedAt); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// DeleteAttachment marks a file deleted; its row and bytes stay, so the history can still name it.
func (s *Store) DeleteAttachment(ctx context.Context, proposalID, id string, at time.Time, act *domain.Activity) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Exec(`UPDATE attachments SET deleted_at = ?, updated_at = ? WHERE proposal_id = ? AND id = ? AND deleted_at IS NULL`, at, at, proposalID, id)
		if err := affectedOne(res, "attachment"); err != nil {
			return err
		}
		if err := touchProposal(tx, proposalID, at); err != nil {
			return err
		}
		return record(tx, act)
	})
}

// BlobCount is the number of distinct stored files; tests use it to see that equal files share one.
func (s *Store) BlobCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Table("blobs").Count(&n).Error
	return n, translate(err, "file")
}

// OpenBlob reads a stored file a chunk at a time. The reader seeks, so http.ServeContent can answer Range
// requests by reading only the chunks they cover.
func (s *Store) OpenBlob(ctx context.Context, sha256 string, size int64) io.ReadSeeker {
	return &blobReader{ctx: ctx, s: s, sha256: sha256, size: size, seq: -1}
}

// blobReader is an io.ReadSeeker over a blob's chunks; it holds the current chunk only.
type blobReader struct {
	ctx    context.Context
	s      *Store
	sha256 string
	size   int64
	offset int64
	seq    int64 // the chunk in buf, -1 for none
	buf    []byte
}

func (b *blobReader) Read(p []byte) (int, error) {
	if b.offset >= b.size {
		return 0, io.EOF
	}
	seq := b.offset / ChunkSize
	if seq != b.seq {
		b.buf = b.buf[:0]
		err := b.s.db.WithContext(b.ctx).Raw("SELECT data FROM blob_chunks WHERE sha256 = ? AND seq = ?", b.sha256, seq).Row().Scan(&b.buf)
		if err != nil {
			return 0, fmt.Errorf("read chunk %d of file %s: %w", seq, b.sha256, translate(err, "file"))
		}
		b.seq = seq
	}
	start := b.offset - seq*ChunkSize
	if start >= int64(len(b.buf)) {
		return 0, fmt.Errorf("file %s: chunk %d is shorter than its size says", b.sha256, seq)
	}
	n := copy(p, b.buf[start:])
	b.offset += int64(n)
	return n, nil
}

func (b *blobReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += b.offset
	case io.SeekEnd:
		offset += b.size
	default:
		return 0, errors.New("blob: bad whence")
	}
	if offset < 0 {
		return 0, errors.New("blob: negative position")
	}
	b.offset = offset
	return offset, nil
}

// touchProposal moves the proposal's last change when its evidence changes: the documents list the
// files, and their caches and ETags follow that time.
func touchProposal(tx *gorm.DB, proposalID string, at time.Time) error {
	return translate(tx.Exec(`UPDATE proposals SET updated_at = ? WHERE id = ?`, at, proposalID).Error, "proposal")
}
