// Package export defines the proposal export file: everything in one proposal (sections, revisions,
// comments, members by email) as one JSON document. It is a file format, so its types carry JSON tags;
// `iduit render` reads it offline and the import endpoint takes it back.
package export

import (
	"encoding/json"
	"time"
)

// Format and Version identify the file; Version changes only when a reader would misread a new file.
const (
	Format  = "iduit-proposal"
	Version = 1
)

// Document is one exported proposal.
type Document struct {
	Format     string     `json:"format"`
	Version    int        `json:"version"`
	ExportedAt time.Time  `json:"exported_at"`
	Proposal   Proposal   `json:"proposal"`
	Members    []Member   `json:"members"`
	Sections   []Section  `json:"sections"`
	Revisions  []Revision `json:"revisions"`
	Comments   []Comment  `json:"comments"`
	// Documents are the versioned documents as saved: budget, performance framework, settings,
	// intervention records, priorities and CCM process.
	Documents []Part `json:"documents"`
	// Attachments name the evidence files without their bytes (a proposal's files may reach 250 MB, past
	// what an import takes); import leaves them out, and the files are downloaded on their own.
	Attachments []Attachment `json:"attachments,omitempty"`
}

// Attachment describes one evidence file; SHA256 lets a reader check a file downloaded separately.
type Attachment struct {
	Title       string `json:"title"`
	Kind        string `json:"kind"`
	Section     string `json:"section,omitempty"`
	Link        string `json:"link,omitempty"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	// Sensitive is set on a file that may hold personal data; it is listed only when the owner asked.
	Sensitive  bool      `json:"sensitive,omitempty"`
	UploadedBy string    `json:"uploaded_by"`
	CreatedAt  time.Time `json:"created_at"`
}

// Part is a structured part saved whole: kind "budget", "indicators", "settings", "interventions",
// "priorities" or "ccm_process"; its body is the matching *Body type of parts.go.
type Part struct {
	Kind      string          `json:"kind"`
	Version   int             `json:"version"`
	Body      json.RawMessage `json:"body"`
	UpdatedAt time.Time       `json:"updated_at"`
	UpdatedBy string          `json:"updated_by"`
}

// Proposal is the proposal's own attributes.
type Proposal struct {
	ID              string `json:"id"`
	Template        string `json:"template"`
	TemplateVersion int    `json:"template_version"`
	Title           string `json:"title"`
	Language        string `json:"language"`
	Country         string `json:"country"`
	Network         string `json:"network"`
	// TitleTranslation, CountryTranslation and NetworkTranslation are a bilingual proposal's texts in its
	// other language; files written before they existed have none, and import as untranslated.
	TitleTranslation   string    `json:"title_translation,omitempty"`
	CountryTranslation string    `json:"country_translation,omitempty"`
	NetworkTranslation string    `json:"network_translation,omitempty"`
	Bilingual          bool      `json:"bilingual"`
	SubmissionLanguage string    `json:"submission_language"`
	Status             string    `json:"status"`
	HideReviewerNames  bool      `json:"hide_reviewer_names"`
	CreatedAt          time.Time `json:"created_at"`
	UpdatedAt          time.Time `json:"updated_at"`
}

// Member is a person's role, by email so that it can be matched on another server.
type Member struct {
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

// Section is a section's current draft.
type Section struct {
	Key       string                     `json:"key"`
	Version   int                        `json:"version"`
	Fields    map[string]json.RawMessage `json:"fields"`
	UpdatedAt time.Time                  `json:"updated_at"`
	UpdatedBy string                     `json:"updated_by,omitempty"`
}

// Revision is one save of a section.
type Revision struct {
	Section   string                     `json:"section"`
	Number    int                        `json:"number"`
	Fields    map[string]json.RawMessage `json:"fields"`
	CreatedAt time.Time                  `json:"created_at"`
	CreatedBy string                     `json:"created_by"`
}

// Comment is one comment or reply; Author is an email.
type Comment struct {
	ID         string     `json:"id"`
	Section    string     `json:"section"`
	Field      string     `json:"field,omitempty"`
	Quote      string     `json:"quote,omitempty"`
	QuoteLang  string     `json:"quote_lang,omitempty"`
	QuoteStart int        `json:"quote_start,omitempty"`
	Body       string     `json:"body"`
	Author     string     `json:"author"`
	ParentID   string     `json:"parent_id,omitempty"`
	Status     string     `json:"status"`
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`
	Deleted    bool       `json:"deleted,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
}

// ProposalTexts are the proposal's title, country and network in one language.
type ProposalTexts struct {
	Title, Country, Network string
}

// ShownIn returns the title, country and network for a document in lang: pick gets each text in lang
// and in the proposal's other language, as stored, and says what to show (document.InLanguage). A
// one-language proposal has only its own texts, whatever lang is asked.
func (p Proposal) ShownIn(lang string, pick func(own, other string) string) ProposalTexts {
	own := ProposalTexts{Title: p.Title, Country: p.Country, Network: p.Network}
	var other ProposalTexts
	if p.Bilingual {
		other = ProposalTexts{Title: p.TitleTranslation, Country: p.CountryTranslation, Network: p.NetworkTranslation}
		if lang != p.Language {
			own, other = other, own
		}
	}
	return ProposalTexts{Title: pick(own.Title, other.Title), Country: pick(own.Country, other.Country), Network: pick(own.Network, other.Network)}
}
