package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"unicode"

	"iduit/domain"
)

// AttachmentLimits bound the files of a proposal; zero values take DefaultAttachmentLimits.
type AttachmentLimits struct {
	// MaxFileBytes is the largest file accepted.
	MaxFileBytes int64
	// MaxProposalBytes is the most a proposal's files (not deleted) may add up to.
	MaxProposalBytes int64
}

// DefaultAttachmentLimits fit a scanned, signed endorsement or a year of monitoring data per file, and a
// funding request's whole evidence per proposal, while keeping the database (and its backups) in bounds.
var DefaultAttachmentLimits = AttachmentLimits{MaxFileBytes: 25 << 20, MaxProposalBytes: 250 << 20}

// maxAttachmentTitle and maxFilename bound the descriptions of a file.
const (
	maxAttachmentTitle = 200
	maxFilename        = 200
)

// AttachmentLimits tells the router how large an upload may be.
func (s *Service) AttachmentLimits() AttachmentLimits { return s.attachments }

// StagedFile is an upload read into a temporary file, hashed and sniffed, waiting to be stored. Close
// removes it.
type StagedFile struct {
	file        *os.File
	Filename    string
	Size        int64
	SHA256      string
	ContentType string
}

// Close removes the temporary file.
func (f *StagedFile) Close() error {
	f.file.Close()
	return os.Remove(f.file.Name())
}

// StageFile reads an upload into a temporary file while hashing it, so that the bytes are held once (on
// disk) and checked before any of them reach the database. Over the size limit it answers 413 naming the
// limit; a type other than the accepted ones is refused with the list of those.
func (s *Service) StageFile(r io.Reader, filename string) (*StagedFile, error) {
	tmp, err := os.CreateTemp("", "iduit-upload-*")
	if err != nil {
		return nil, fmt.Errorf("stage upload: %w", err)
	}
	f := &StagedFile{file: tmp, Filename: cleanFilename(filename)}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, s.attachments.MaxFileBytes+1))
	if err != nil {
		f.Close()
		return nil, err
	}
	if n > s.attachments.MaxFileBytes {
		f.Close()
		return nil, errFileTooLarge(s.attachments.MaxFileBytes)
	}
	if n == 0 {
		f.Close()
		return nil, &domain.Error{Kind: domain.KindInvalid, Message: "the file is empty", Code: "attachment.empty",
			Problems: []domain.Problem{*domain.NewProblem("file", domain.ProblemFileEmpty)}}
	}
	f.Size, f.SHA256 = n, hex.EncodeToString(h.Sum(nil))
	head := make([]byte, 512)
	k, _ := tmp.ReadAt(head, 0)
	if f.ContentType = sniff(tmp, n, head[:k], f.Filename); f.ContentType == "" {
		f.Close()
		return nil, &domain.Error{Kind: domain.KindUnsupportedMediaType, Message: "this type of file is not accepted; accepted are " + AcceptedFiles,
			Code: "attachment.type", Extra: map[string]any{"accepted": acceptedTypes}}
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

var acceptedTypes = []string{TypePDF, TypeDOCX, TypeXLSX, TypeODT, TypeJPEG, TypePNG, TypeCSV, TypeText}

func errFileTooLarge(limit int64) error {
	return &domain.Error{Kind: domain.KindTooLarge, Message: "the file is larger than the limit of " + byteCount(limit) + " a file",
		Code: "attachment.file_too_large", Args: []any{byteCount(limit)}, Extra: map[string]any{"limit_bytes": limit}}
}

// byteCount writes a limit the way people read it: "25 MB" for whole mebibytes, bytes otherwise.
func byteCount(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// cleanFilename keeps the last element of what the browser sent, without control characters, so that a
// download can never name a path or break a header.
func cleanFilename(name string) string {
	name = path.Base(strings.ReplaceAll(strings.ToValidUTF8(name, ""), `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '/' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > maxFilename {
		name = string(r[len(r)-maxFilename:])
	}
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}

// AttachmentInput describes a file: its title, kind, what it supports, and whether it may hold personal
// data (Sensitive keeps it out of the export unless an owner asks).
type AttachmentInput struct {
	Title, Kind, Section, Link string
	Sensitive                  bool
}

// CheckAttach refuses, before the body is read, a caller who may not add files: nobody uploads 25 MB to
// hear "viewers cannot".
func (s *Service) CheckAttach(ctx context.Context, acc Access, proposalID string) error {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionEditText)
	if err != nil {
		return err
	}
	return writable(p)
}

// Attach stores a staged file with a proposal. Editors and owners attach; the bytes are written once per
// content (a file already stored under its digest writes no chunks).
func (s *Service) Attach(ctx context.Context, acc Access, proposalID string, in AttachmentInput, f *StagedFile) (domain.Attachment, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionEditText)
	if err != nil {
		return domain.Attachment{}, err
	}
	if err := writable(p); err != nil {
		return domain.Attachment{}, err
	}
	if in.Title == "" {
		in.Title = f.Filename
	}
	if err := s.checkAttachmentInput(p, in); err != nil {
		return domain.Attachment{}, err
	}
	quota := "the proposal's files would pass the limit of " + byteCount(s.attachments.MaxProposalBytes) + " a proposal"
	if used, err := s.store.AttachmentsSize(ctx, p.ID); err != nil {
		return domain.Attachment{}, err
	} else if used+f.Size > s.attachments.MaxProposalBytes {
		return domain.Attachment{}, &domain.Error{Kind: domain.KindTooLarge, Message: quota, Code: "attachment.quota"}
	}
	stored, err := s.store.HasBlob(ctx, f.SHA256)
	if err != nil {
		return domain.Attachment{}, err
	}
	if !stored {
		if err := s.store.WriteChunks(ctx, f.SHA256, f.file); err != nil {
			return domain.Attachment{}, err
		}
	}
	now := s.clock()
	a := domain.Attachment{ID: domain.NewID(), ProposalID: p.ID, SHA256: f.SHA256, Size: f.Size, ContentType: f.ContentType,
		Filename: f.Filename, Title: in.Title, Kind: in.Kind, SectionKey: in.Section, Link: in.Link, Sensitive: in.Sensitive, UploadedBy: acc.User,
		UploaderRole: p.Role, CreatedAt: now, UpdatedAt: now}
	act := s.activity(p, acc.User, domain.ActivityAttachmentAdded, a.ID, a.Title)
	if err := s.store.CreateAttachment(ctx, a, s.attachments.MaxProposalBytes, quota, act); err != nil {
		return domain.Attachment{}, err
	}
	return s.withUploader(ctx, p, a)
}

// withUploader names a file's uploader as this viewer may see them (hidden reviewers stay hidden).
func (s *Service) withUploader(ctx context.Context, p domain.Proposal, a domain.Attachment) (domain.Attachment, error) {
	aud, err := s.audienceOf(ctx, p)
	if err != nil {
		return a, err
	}
	a.UploadedBy = aud.person(a.UploadedBy)
	return a, nil
}

// checkAttachmentInput checks a file's description against the proposal's template.
func (s *Service) checkAttachmentInput(p domain.Proposal, in AttachmentInput) error {
	var problems []domain.Problem
	if pr := domain.CheckRequiredText("title", in.Title, maxAttachmentTitle); pr != nil {
		problems = append(problems, *pr)
	}
	if !slices.Contains(domain.AttachmentKinds(), in.Kind) {
		problems = append(problems, domain.Problem{Field: "kind", Message: "must be one of " + strings.Join(domain.AttachmentKinds(), ", ")})
	}
	if in.Section != "" {
		tpl, err := s.Template(p)
		if err != nil {
			return err
		}
		if _, ok := tpl.Section(in.Section); !ok {
			problems = append(problems, *domain.NewProblem("section", domain.ProblemNotSectionOfTempl))
		}
	}
	if pr := domain.CheckAttachmentLink(in.Link); pr != nil {
		problems = append(problems, *pr)
	}
	if len(problems) > 0 {
		return domain.Invalid("the file's description is not valid", problems...)
	}
	return nil
}

// Attachments lists a proposal's files for any member, all or those of one section, with hidden
// reviewers hidden as uploaders.
func (s *Service) Attachments(ctx context.Context, acc Access, proposalID, section string) ([]domain.Attachment, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return nil, err
	}
	items, err := s.store.Attachments(ctx, p.ID, section)
	if err != nil {
		return nil, err
	}
	aud, err := s.audienceOf(ctx, p)
	if err != nil {
		return nil, err
	}
	for i := range items {
		items[i].UploadedBy = aud.person(items[i].UploadedBy)
	}
	return items, nil
}

// Attachment returns one file's description for any member.
func (s *Service) Attachment(ctx context.Context, acc Access, proposalID, id string) (domain.Attachment, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		return domain.Attachment{}, err
	}
	a, err := s.store.Attachment(ctx, p.ID, id)
	if err != nil {
		return a, err
	}
	return s.withUploader(ctx, p, a)
}

// AttachmentContent returns a file's description and a reader of its bytes that reads a chunk at a time.
func (s *Service) AttachmentContent(ctx context.Context, acc Access, proposalID, id string) (domain.Attachment, io.ReadSeeker, error) {
	a, err := s.Attachment(ctx, acc, proposalID, id)
	if err != nil {
		return a, nil, err
	}
	return a, s.store.OpenBlob(ctx, a.SHA256, a.Size), nil
}

// AttachmentPatch changes some of a file's description; nil leaves a part as it is.
type AttachmentPatch struct {
	Title, Kind, Section, Link *string
	Sensitive                  *bool
}

// EditAttachment changes a file's title, kind, section, link or sensitive mark. Editors and owners may.
func (s *Service) EditAttachment(ctx context.Context, acc Access, proposalID, id string, patch AttachmentPatch) (domain.Attachment, error) {
	p, a, err := s.writableAttachment(ctx, acc, proposalID, id)
	if err != nil {
		return a, err
	}
	in := AttachmentInput{Title: a.Title, Kind: a.Kind, Section: a.SectionKey, Link: a.Link}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.Title, patch.Title)
	set(&in.Kind, patch.Kind)
	set(&in.Section, patch.Section)
	set(&in.Link, patch.Link)
	if err := s.checkAttachmentInput(p, in); err != nil {
		return a, err
	}
	a.Title, a.Kind, a.SectionKey, a.Link, a.UpdatedAt = in.Title, in.Kind, in.Section, in.Link, s.clock()
	if patch.Sensitive != nil {
		a.Sensitive = *patch.Sensitive
	}
	if err := s.store.UpdateAttachment(ctx, a, s.activity(p, acc.User, domain.ActivityAttachmentEdited, a.ID, a.Title)); err != nil {
		return a, err
	}
	return s.withUploader(ctx, p, a)
}

// DeleteAttachment takes a file off the proposal. It stays in the history as deleted (the row and bytes
// are kept); editors and owners may.
func (s *Service) DeleteAttachment(ctx context.Context, acc Access, proposalID, id string) error {
	p, a, err := s.writableAttachment(ctx, acc, proposalID, id)
	if err != nil {
		return err
	}
	return s.store.DeleteAttachment(ctx, p.ID, a.ID, s.clock(), s.activity(p, acc.User, domain.ActivityAttachmentDeleted, a.ID, a.Title))
}

func (s *Service) writableAttachment(ctx context.Context, acc Access, proposalID, id string) (domain.Proposal, domain.Attachment, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionEditText)
	if err != nil {
		return p, domain.Attachment{}, err
	}
	if err := writable(p); err != nil {
		return p, domain.Attachment{}, err
	}
	a, err := s.store.Attachment(ctx, p.ID, id)
	return p, a, err
}

// FileTooLarge is the 413 for an upload the router cut off at its body limit: the file is over the limit.
func (s *Service) FileTooLarge() error { return errFileTooLarge(s.attachments.MaxFileBytes) }
