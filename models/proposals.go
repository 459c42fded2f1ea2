package models

import (
	"context"
	"time"

	"gorm.io/gorm"

	"iduit/domain"
)

// proposalRow is the proposals table.
type proposalRow struct {
	ID                 string
	TemplateKey        string
	TemplateVersion    int
	Title              string
	Language           string
	Country            string
	Network            string
	TitleTranslation   string
	CountryTranslation string
	NetworkTranslation string
	Bilingual          bool
	SubmissionLanguage string
	Status             string
	HideReviewerNames  bool
	Version            int
	CreatedBy          string
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

func (proposalRow) TableName() string { return "proposals" }

func (r proposalRow) toDomain(role domain.Role) domain.Proposal {
	return domain.Proposal{
		ID: r.ID, TemplateKey: r.TemplateKey, TemplateVersion: r.TemplateVersion, Title: r.Title,
		Language: r.Language, Country: r.Country, Network: r.Network, Bilingual: r.Bilingual,
		Translation:        domain.ProposalTexts{Title: r.TitleTranslation, Country: r.CountryTranslation, Network: r.NetworkTranslation},
		SubmissionLanguage: r.SubmissionLanguage, Status: r.Status, HideReviewerNames: r.HideReviewerNames,
		Version: r.Version, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Role: role,
	}
}

// proposalColumns and scanTargets read a proposal row without GORM's reflection, for the hottest query
// (SessionForProposal); the two lists go together.
const proposalColumns = `proposals.id, proposals.template_key, proposals.template_version, proposals.title,
	proposals.language, proposals.country, proposals.network, proposals.title_translation, proposals.country_translation,
	proposals.network_translation, proposals.bilingual, proposals.submission_language,
	proposals.status, proposals.hide_reviewer_names, proposals.version, proposals.created_by, proposals.created_at, proposals.updated_at`

func (r *proposalRow) scanTargets() []any {
	return []any{&r.ID, &r.TemplateKey, &r.TemplateVersion, &r.Title, &r.Language, &r.Country, &r.Network,
		&r.TitleTranslation, &r.CountryTranslation, &r.NetworkTranslation, &r.Bilingual, &r.SubmissionLanguage, &r.Status, &r.HideReviewerNames, &r.Version, &r.CreatedBy, &r.CreatedAt, &r.UpdatedAt}
}

func proposalToRow(p domain.Proposal) proposalRow {
	return proposalRow{
		ID: p.ID, TemplateKey: p.TemplateKey, TemplateVersion: p.TemplateVersion, Title: p.Title,
		Language: p.Language, Country: p.Country, Network: p.Network, Bilingual: p.Bilingual,
		TitleTranslation: p.Translation.Title, CountryTranslation: p.Translation.Country, NetworkTranslation: p.Translation.Network,
		SubmissionLanguage: p.SubmissionLanguage, Status: p.Status, HideReviewerNames: p.HideReviewerNames,
		Version: p.Version, CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
	}
}

// memberProposalRow is a proposal joined with the caller's membership, so that loading a proposal and
// checking access is one query.
type memberProposalRow struct {
	Proposal proposalRow `gorm:"embedded"`
	Role     string
}

// CreateProposal stores a proposal, makes its creator the owner and creates every section at version 0,
// all in one transaction: a proposal never exists without its owner or its sections.
func (s *Store) CreateProposal(ctx context.Context, p domain.Proposal, sectionKeys []string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		row := proposalToRow(p)
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "proposal")
		}
		owner := memberRow{ProposalID: p.ID, UserID: p.CreatedBy, Role: string(domain.RoleOwner), AddedAt: p.CreatedAt}
		if err := tx.Create(&owner).Error; err != nil {
			return translate(err, "member")
		}
		sections := make([]sectionRow, len(sectionKeys))
		for i, key := range sectionKeys {
			sections[i] = sectionRow{ProposalID: p.ID, SectionKey: key, Fields: "{}", UpdatedAt: p.CreatedAt}
		}
		if len(sections) > 0 {
			return translate(tx.Create(&sections).Error, "section")
		}
		return nil
	})
}

// ProposalForMember loads a proposal with the caller's role. A proposal the user is not a member of is
// reported as not found, so that its existence is not revealed.
func (s *Store) ProposalForMember(ctx context.Context, id, userID string) (domain.Proposal, error) {
	var row memberProposalRow
	err := s.db.WithContext(ctx).Table("proposals").
		Select("proposals.*, members.role").
		Joins("JOIN members ON members.proposal_id = proposals.id AND members.user_id = ?", userID).
		Where("proposals.id = ?", id).
		Take(&row).Error
	if err != nil {
		return domain.Proposal{}, translate(err, "proposal")
	}
	return row.Proposal.toDomain(domain.Role(row.Role)), nil
}

// ProposalsAsSeenBy returns the proposals with these ids, each with the user's role on it, or "" when
// the user is no longer a member (their notifications outlive the membership), in one query.
func (s *Store) ProposalsAsSeenBy(ctx context.Context, ids []string, userID string) (map[string]domain.Proposal, error) {
	out := map[string]domain.Proposal{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []memberProposalRow
	err := s.db.WithContext(ctx).Table("proposals").
		Select("proposals.*, COALESCE(members.role, '') AS role").
		Joins("LEFT JOIN members ON members.proposal_id = proposals.id AND members.user_id = ?", userID).
		Where("proposals.id IN ?", ids).
		Find(&rows).Error
	if err != nil {
		return nil, translate(err, "proposal")
	}
	for _, r := range rows {
		out[r.Proposal.ID] = r.Proposal.toDomain(domain.Role(r.Role))
	}
	return out, nil
}

// ProposalsForMember lists the proposals a user is a member of, most recently changed first, and the total.
func (s *Store) ProposalsForMember(ctx context.Context, userID string, page domain.Page) ([]domain.Proposal, int64, error) {
	q := s.db.WithContext(ctx).Table("proposals").
		Joins("JOIN members ON members.proposal_id = proposals.id AND members.user_id = ?", userID)
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, translate(err, "proposal")
	}
	var rows []memberProposalRow
	err := q.Select("proposals.*, members.role").
		Order("proposals.updated_at DESC, proposals.id").
		Limit(page.Limit).Offset(page.Offset).
		Find(&rows).Error
	if err != nil {
		return nil, 0, translate(err, "proposal")
	}
	out := make([]domain.Proposal, len(rows))
	for i, r := range rows {
		out[i] = r.Proposal.toDomain(domain.Role(r.Role))
	}
	return out, total, nil
}

// ProposalChange is one write of a proposal's attributes: the columns that change, based on the version
// the writer read.
type ProposalChange struct {
	ID              string
	ExpectedVersion int
	// Changes maps a column (title, language, country, network, their *_translation, bilingual,
	// submission_language, hide_reviewer_names) to its new value; nothing else is written.
	Changes map[string]any
	Now     time.Time
}

// UpdateProposal writes the given attributes of a proposal unless it is final or has changed since the
// writer read it (412 with the current version), and returns the new version. Only the columns sent are
// written, so a writer never puts back a value someone else changed.
func (s *Store) UpdateProposal(ctx context.Context, in ProposalChange, act *domain.Activity) (int, error) {
	next := in.ExpectedVersion + 1
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := touchUnlessFinal(tx, in.ID, in.Now); err != nil {
			return err
		}
		changes := map[string]any{"version": next}
		for column, value := range in.Changes {
			changes[column] = value
		}
		res := tx.Model(&proposalRow{}).Where("id = ? AND version = ?", in.ID, in.ExpectedVersion).Updates(changes)
		if res.Error != nil {
			return translate(res.Error, "proposal")
		}
		if res.RowsAffected == 0 {
			var current int
			if err := tx.Raw("SELECT version FROM proposals WHERE id = ?", in.ID).Scan(&current).Error; err != nil {
				return translate(err, "proposal")
			}
			return domain.ErrStaleVersion("proposal", current, in.ExpectedVersion)
		}
		return record(tx, act)
	})
	return next, err
}

// DeleteProposal removes a proposal; its members, sections and revisions go with it (ON DELETE CASCADE).
func (s *Store) DeleteProposal(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return affectedOne(tx.Where("id = ?", id).Delete(&proposalRow{}), "proposal")
	})
}

// lockProposal serialises writers that check an invariant across rows of one proposal (such as "at least
// one owner"). PostgreSQL needs a row lock for that; SQLite transactions already begin IMMEDIATE, holding
// the database's single write lock.
func (s *Store) lockProposal(tx *gorm.DB, id string) error {
	if s.dialect != DialectPostgres {
		return nil
	}
	var got string
	err := tx.Raw("SELECT id FROM proposals WHERE id = ? FOR UPDATE", id).Scan(&got).Error
	return translate(err, "proposal")
}
