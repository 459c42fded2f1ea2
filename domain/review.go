package domain

import "time"

// Comment statuses: a thread is open until someone resolves it.
const (
	CommentOpen     = "open"
	CommentResolved = "resolved"
)

// Comment is a remark on a section, optionally on one field and a quoted passage of it. Replies point to
// their thread's first comment through ParentID; status lives on that first comment.
type Comment struct {
	ID         string
	ProposalID string
	SectionKey string
	FieldKey   string
	Quote      string
	QuoteLang  string
	// QuoteStart is where the quote began, in characters, when it was made: a hint for finding it again.
	QuoteStart int
	Body       string
	Author     User
	// ImportedAuthor names, as text, the person of another server who wrote an imported comment (Author
	// is then the importer); empty otherwise.
	ImportedAuthor string
	AuthorRole     Role
	ParentID       string
	Status         string
	ResolvedBy     string
	ResolvedAt     *time.Time
	Deleted        bool
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Notification tells a member something needs them, such as a mention in a comment.
type Notification struct {
	ID         string
	UserID     string
	ProposalID string
	CommentID  string
	// SuggestionID names the suggestion a notification is about, if it is about one.
	SuggestionID string
	Kind         string
	Actor        User
	CreatedAt    time.Time
	ReadAt       *time.Time
	// Detail is what the kind needs besides the comment, such as the new status of a status change.
	Detail string
	// SectionKey and FieldKey are where the comment is, so that a link leads to the exact place.
	SectionKey, FieldKey string
	// ProposalTitle names the proposal where it is shown; filled by the service.
	ProposalTitle string
}

// Notification kinds: a mention in a comment, a reply in a thread the person wrote in, and a change of
// status of a proposal the person is a member of.
const (
	NotificationMention = "mention"
	NotificationReply   = "reply"
	NotificationStatus  = "status"
)

// How often a person is mailed about their notifications.
const (
	MailEach  = "each"
	MailDaily = "daily"
	MailOff   = "off"
)

// NotificationSettings are a person's choices for notification mail.
type NotificationSettings struct {
	// Mail is MailEach (at most one mail per proposal per 15 minutes), MailDaily or MailOff.
	Mail string
	// Lang is the language mail is written in: "en" or "ru".
	Lang string
}

// Snapshot is a named copy of every section, taken at each status transition.
type Snapshot struct {
	ID         string
	ProposalID string
	Name       string
	Status     string
	Note       string
	Sections   []Section
	CreatedBy  string
	CreatedAt  time.Time
}

// Activity is one entry of a proposal's history: who did what, when.
type Activity struct {
	ID         int64
	ProposalID string
	Actor      User
	ActorRole  Role
	Kind       string
	Subject    string
	Detail     string
	CreatedAt  time.Time
}

// EditingBurst is how long a person's saves of one section keep adding to the same activity entry.
// Autosave saves every few seconds while someone types; the history keeps every one of those revisions,
// but the activity log reads as what people did ("Aida edited Epidemiology"), not as hundreds of
// identical lines. A save starts a new entry when the section was last saved by someone else, or more
// than this long ago.
const EditingBurst = 15 * time.Minute

// ContinuesBurst tells whether a save by user at now continues the editing burst of the section's
// previous save, made by prevBy at prevAt, so that it needs no activity entry of its own.
func ContinuesBurst(user string, now time.Time, prevBy string, prevAt time.Time) bool {
	return prevBy == user && !now.Before(prevAt) && now.Sub(prevAt) < EditingBurst
}

// Activity kinds.
const (
	ActivitySectionSaved      = "section_saved"
	ActivitySectionRestored   = "section_restored"
	ActivityCommentAdded      = "comment_added"
	ActivityCommentEdited     = "comment_edited"
	ActivityCommentDeleted    = "comment_deleted"
	ActivityCommentResolved   = "comment_resolved"
	ActivityCommentReopened   = "comment_reopened"
	ActivityStatusChanged     = "status_changed"
	ActivityMemberAdded       = "member_added"
	ActivityMemberRemoved     = "member_removed"
	ActivityProposalUpdated   = "proposal_updated"
	ActivityProposalImported  = "proposal_imported"
	ActivityBudgetSaved       = "budget_saved"
	ActivityIndicatorsSaved   = "indicators_saved"
	ActivityInvitationSent    = "invitation_sent"
	ActivityInvitationRevoked = "invitation_revoked"
	// The kinds below are saves of the funding request's structured parts.
	ActivityInterventionsSaved = "interventions_saved"
	ActivityPrioritiesSaved    = "priorities_saved"
	ActivitySettingsSaved      = "settings_saved"
	ActivityCCMProcessSaved    = "ccm_process_saved"
)

// Proposal statuses of the review workflow.
const (
	StatusDraft            = "draft"
	StatusInReview         = "in_review"
	StatusChangesRequested = "changes_requested"
	StatusApproved         = "approved"
	StatusFinal            = "final"
)

// statusNames are the statuses as documents, workbooks, mail and pages name them (the pages capitalise
// them), in English and Russian; the Russian follows the glossary ("итоговая версия").
var statusNames = map[string][2]string{
	StatusDraft:            {"draft", "черновик"},
	StatusInReview:         {"in review", "на рецензии"},
	StatusChangesRequested: {"changes requested", "нужны доработки"},
	StatusApproved:         {"approved", "одобрена"},
	StatusFinal:            {"final", "итоговая версия"},
}

// StatusName names a proposal status in lang ("en" or "ru", English otherwise); an unknown status is
// returned as it is, so a reader sees something rather than nothing.
func StatusName(status, lang string) string { return nameIn(statusNames, status, lang) }

// nameIn is key's name in lang from a table of English and Russian names; an unknown key is its own name.
func nameIn(names map[string][2]string, key, lang string) string {
	pair, ok := names[key]
	switch {
	case !ok:
		return key
	case lang == "ru":
		return pair[1]
	}
	return pair[0]
}
