package domain

import (
	"regexp"
	"time"
)

// Attachment is an evidence file kept with a proposal: its description here, its bytes in a blob named by
// their SHA-256 (the same file attached twice is stored once).
type Attachment struct {
	ID, ProposalID string
	// SHA256 is the hex digest of the bytes: the blob's key and the download's ETag.
	SHA256 string
	Size   int64
	// ContentType is what the bytes were sniffed to be, never what the uploader claimed.
	ContentType string
	Filename    string
	Title       string
	Kind        string
	// SectionKey is the section of the template the file supports, or empty.
	SectionKey string
	// Link names something else the file supports ("priority:ID", "consultation:ID"); free text for now.
	Link string
	// Sensitive marks a file that may hold personal data (community-led monitoring data): the export and
	// the documents built from it leave it out unless an owner asks for it.
	Sensitive  bool
	UploadedBy User
	// UploaderRole is the uploader's current role, so that a hidden reviewer stays hidden.
	UploaderRole         Role
	CreatedAt, UpdatedAt time.Time
	DeletedAt            *time.Time
}

// Attachment kinds: what a file is evidence of.
const (
	AttachmentMinutes         = "minutes"
	AttachmentAttendance      = "attendance"
	AttachmentEndorsement     = "endorsement"
	AttachmentCoFinancing     = "co-financing"
	AttachmentData            = "data"
	AttachmentOther           = "other"
	ActivityAttachmentAdded   = "attachment_added"
	ActivityAttachmentEdited  = "attachment_edited"
	ActivityAttachmentDeleted = "attachment_deleted"
)

// AttachmentKinds lists the kinds in the order forms offer them.
func AttachmentKinds() []string {
	return []string{AttachmentMinutes, AttachmentAttendance, AttachmentEndorsement, AttachmentCoFinancing, AttachmentData, AttachmentOther}
}

// MaxAttachmentLink bounds a link; it names a record, it does not describe one.
const MaxAttachmentLink = 200

// attachmentLink is what a link may look like until the records it names exist: a type and an id, such as
// "priority:01J…" or "consultation:2026-03-kyiv".
var attachmentLink = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,39}:[A-Za-z0-9._~-]{1,150}$`)

// CheckAttachmentLink refuses a link that is not "type:id" with plain characters.
func CheckAttachmentLink(link string) *Problem {
	if link == "" {
		return nil
	}
	if len(link) > MaxAttachmentLink || !attachmentLink.MatchString(link) {
		return &Problem{Field: "link", Message: `must look like "priority:ID": a lower-case type, a colon and an id of letters, digits, ".", "_", "~" or "-" (at most 200 characters)`}
	}
	return nil
}
