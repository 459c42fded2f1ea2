package domain

import (
	"encoding/json"
	"time"
)

// User is a person with an account. Email is stored lower-cased so that uniqueness is case-insensitive.
type User struct {
	ID        string
	Email     string
	Name      string
	CreatedAt time.Time
	// Lang is the language ("en" or "ru") mail to the person is written in.
	Lang string
	// TimeZone is an IANA zone name the pages show times in; empty means the language's default.
	TimeZone string
}

// Session is a signed-in browser or API client. Only a hash of its token is ever stored.
type Session struct {
	ID        string
	UserID    string
	ExpiresAt time.Time
	CreatedAt time.Time
}

// Proposal is one funding request being drafted. It pins the template key and version it was created
// from, so later template versions never change its shape.
type Proposal struct {
	ID              string
	TemplateKey     string
	TemplateVersion int
	Title           string
	Language        string
	Country         string
	Network         string
	// Bilingual proposals keep every text field in both languages; SubmissionLanguage is the one sent
	// to the funder, Language the one the network works in.
	Bilingual bool
	// Translation holds the title, country and network in the other language of a bilingual proposal
	// (Title, Country and Network are in Language); empty texts are not translated yet.
	Translation        ProposalTexts
	SubmissionLanguage string
	Status             string
	// HideReviewerNames shows reviewers to the applicants as "Reviewer 1", "Reviewer 2", …
	HideReviewerNames bool
	// Version counts changes to the attributes above (not section saves or status changes); it is the
	// proposal's ETag.
	Version   int
	CreatedBy string
	CreatedAt time.Time
	UpdatedAt time.Time
	// Role is the caller's role on this proposal when it was loaded for a member.
	Role Role
}

// ProposalTexts are a proposal's own short texts in one language.
type ProposalTexts struct {
	Title, Country, Network string
}

// Texts returns the proposal's title, country and network in lang as stored: the working language's, or
// in a bilingual proposal the translation; a one-language proposal has only its own language.
func (p Proposal) Texts(lang string) ProposalTexts {
	switch {
	case lang == p.Language:
		return ProposalTexts{Title: p.Title, Country: p.Country, Network: p.Network}
	case p.Bilingual:
		return p.Translation
	}
	return ProposalTexts{}
}

// TitleIn is the title a file in lang is named by: lang's own, or the working language's while that
// translation is missing (an English PDF of a Russian-first proposal is not named in Russian).
func (p Proposal) TitleIn(lang string) string {
	if t := p.Texts(lang).Title; t != "" {
		return t
	}
	return p.Title
}

// Member is a person's role on a proposal.
type Member struct {
	ProposalID string
	User       User
	Role       Role
	AddedAt    time.Time
}

// Fields maps a template field key to its JSON value; values stay raw so that the template, not the
// storage, decides what shape each one has.
type Fields map[string]json.RawMessage

// Section is the current draft of one template section. Version counts saves: 0 means never saved.
type Section struct {
	ProposalID string
	Key        string
	Version    int
	Fields     Fields
	UpdatedAt  time.Time
	UpdatedBy  string
}

// Revision is an immutable copy of a section as one save left it.
type Revision struct {
	ProposalID string
	SectionKey string
	Number     int
	Fields     Fields
	CreatedAt  time.Time
	CreatedBy  string
	// ImportedAuthor names, as text, the person of another server who wrote an imported revision
	// (CreatedBy is then the importer); empty otherwise.
	ImportedAuthor string
}

// Page selects a slice of a list. Limit is always positive after Normalize.
type Page struct {
	Limit  int
	Offset int
}

// Page size bounds: small enough for a slow connection, large enough for a network's whole portfolio.
const (
	DefaultPageLimit = 50
	MaxPageLimit     = 200
)

// Normalize clamps the page to the allowed bounds.
func (p Page) Normalize() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultPageLimit
	}
	if p.Limit > MaxPageLimit {
		p.Limit = MaxPageLimit
	}
	if p.Offset < 0 {
		p.Offset = 0
	}
	return p
}

// Document is a structured part of a proposal saved whole, such as the budget. Version counts saves:
// 0 means never saved, and then Body is empty.
type Document struct {
	Kind      string
	Version   int
	Body      json.RawMessage
	UpdatedAt time.Time
	UpdatedBy string
}
