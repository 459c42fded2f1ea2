package domain

import "time"

// Mail is one e-mail the product sends: written to the outbox with the event that causes it, sent later.
type Mail struct {
	ID string
	// MessageID (without angle brackets) is fixed when the mail is written, so that a resend carries the
	// same Message-ID header.
	MessageID string
	// Kind names what the mail is for, such as "password_reset"; for logs and metrics.
	Kind    string
	To      string
	Subject string
	// Body is plain text: every mail client shows it, and it carries no tracking.
	Body      string
	CreatedAt time.Time
	// Attempts counts the sends tried so far.
	Attempts int
	// ListUnsubscribe is the one-click unsubscribe URL (RFC 8058) of a mail a person may opt out of.
	ListUnsubscribe string
}

// Mail kinds.
const (
	MailPasswordReset = "password_reset"
	// MailNotifications is a mail (or daily digest) listing a person's notifications.
	MailNotifications = "notifications"
)

// MailInvitation is the kind of an invitation mail.
const MailInvitation = "invitation"

// Invitation asks a person without an account to join a proposal with a role.
type Invitation struct {
	ID         string
	ProposalID string
	// ProposalTitle is shown on the sign-up page the link opens.
	ProposalTitle string
	Email         string
	Role          Role
	InvitedBy     User
	CreatedAt     time.Time
	ExpiresAt     time.Time
}
