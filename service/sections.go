package service

import (
	"context"
	"fmt"

	"iduit/domain"
	"iduit/models"
	"iduit/templates"
)

// Section returns the current draft of one section of a proposal the user is a member of.
func (s *Service) Section(ctx context.Context, acc Access, proposalID, key string) (domain.Section, error) {
	user := acc.User
	if pre := acc.take(proposalID); pre != nil {
		// Access was read with the session (AuthenticateFor), and the section too if it was asked for
		// (AuthenticateForSection); otherwise the section row is all that is left to read.
		sec, err := preloadedSection(ctx, s.store, pre, key)
		if err == nil && !pre.proposal.Role.Allows(domain.ActionRead) {
			err = domain.ErrRoleForbids(pre.proposal.Role)
		}
		if domain.ErrorKind(err) == domain.KindNotFound {
			return domain.Section{}, s.whichIsMissing(ctx, acc, proposalID, key)
		}
		return sec, err
	}
	p, sec, err := s.store.SectionForMember(ctx, proposalID, user.ID, key)
	if domain.ErrorKind(err) == domain.KindNotFound {
		return domain.Section{}, s.whichIsMissing(ctx, acc, proposalID, key)
	}
	if err != nil {
		return domain.Section{}, err
	}
	if !p.Role.Allows(domain.ActionRead) {
		return domain.Section{}, domain.ErrRoleForbids(p.Role)
	}
	return sec, nil
}

// whichIsMissing explains a section read that found nothing: the proposal (for this user) or the
// section, as the slower path through sectionOf would say.
func (s *Service) whichIsMissing(ctx context.Context, acc Access, proposalID, key string) error {
	if _, _, err := s.sectionOf(ctx, acc, proposalID, key, domain.ActionRead, domain.KindNotFound); err != nil {
		return err
	}
	return domain.Errorf(domain.KindNotFound, "section not found")
}

// SaveSectionInput replaces a section's fields, guarded by the version the writer last saw.
type SaveSectionInput struct {
	ProposalID      string
	Key             string
	ExpectedVersion int
	Fields          domain.Fields
	// RestoredFrom names the revision this save brings back, if it is a restore.
	RestoredFrom int
	// Accepting is the suggestion this save applies (AcceptSuggestion), decided in the same transaction.
	Accepting *domain.Suggestion
}

// SaveSection validates every field against the proposal's pinned template and saves the section if it
// is still at the expected version. A null value clears a field. Limits on words are not enforced here:
// a draft over its limit is still kept (the check for errors reports it), so nothing typed is lost.
func (s *Service) SaveSection(ctx context.Context, acc Access, in SaveSectionInput) (domain.Section, error) {
	user := acc.User
	p, sec, err := s.sectionOf(ctx, acc, in.ProposalID, in.Key, domain.ActionEditText, domain.KindInvalid)
	if err != nil {
		return domain.Section{}, err
	}
	fields, problems := checkFields(sec, in.Fields, p.Bilingual)
	if len(problems) > 0 {
		return domain.Section{}, domain.Invalid("some fields are not valid", problems...)
	}
	if err := writable(p); err != nil {
		return domain.Section{}, err
	}
	if p.Bilingual {
		if err := s.flagOutdatedTranslations(ctx, p, sec, fields); err != nil {
			return domain.Section{}, err
		}
	}
	kind, detail := domain.ActivitySectionSaved, ""
	if in.RestoredFrom > 0 {
		kind, detail = domain.ActivitySectionRestored, fmt.Sprintf("revision %d", in.RestoredFrom)
	}
	save := models.SectionSave{
		ProposalID: in.ProposalID, Key: in.Key, ExpectedVersion: in.ExpectedVersion,
		Fields: fields, UserID: user.ID, Now: s.clock(), Activity: s.activity(p, user, kind, in.Key, detail),
	}
	if in.Accepting != nil {
		save.Accepts, save.Activity = s.acceptance(p, user, in.Accepting)
	}
	return s.store.SaveSection(ctx, save)
}

// editors are the roles that may change a section's text.
var editors = domain.RolesAllowing(domain.ActionEditText)

// SaveSectionAsSession is the autosave's short way: when the proposal's template is known here and the
// fields are valid against it, the session is authenticated and the section saved in one database
// statement. It reports false, having written nothing, whenever that does not apply or access is not
// granted — the caller then authenticates and calls SaveSection, which tells the cases apart, so a
// caller learns nothing here that the ordinary way would not tell them. An error is what SaveSection
// would answer a member allowed to edit (the proposal is final, someone saved first) or a failure of
// the database.
func (s *Service) SaveSectionAsSession(ctx context.Context, token string, in SaveSectionInput) (domain.Section, bool, error) {
	if token == "" || in.RestoredFrom > 0 || !s.store.SavesAsSession() {
		return domain.Section{}, false, nil
	}
	tpl, ok := s.proposalTemplates.get(in.ProposalID)
	if !ok {
		return domain.Section{}, false, nil
	}
	sec, ok := tpl.Section(in.Key)
	if !ok {
		return domain.Section{}, false, nil
	}
	// The statement saves only proposals in one language, so the fields are checked as such.
	fields, problems := checkFields(sec, in.Fields, false)
	if len(problems) > 0 {
		return domain.Section{}, false, nil
	}
	now := s.clock()
	return s.store.SaveSectionAsSession(ctx, hashToken(token), editors, models.SectionSave{
		ProposalID: in.ProposalID, Key: in.Key, ExpectedVersion: in.ExpectedVersion, Fields: fields, Now: now,
		Activity: &domain.Activity{ProposalID: in.ProposalID, Kind: domain.ActivitySectionSaved, Subject: in.Key, CreatedAt: now},
	})
}

// Revisions lists the saves of one section, newest first.
func (s *Service) Revisions(ctx context.Context, acc Access, proposalID, key string, page domain.Page) ([]domain.Revision, int64, error) {
	p, _, err := s.sectionOf(ctx, acc, proposalID, key, domain.ActionRead, domain.KindNotFound)
	if err != nil {
		return nil, 0, err
	}
	revs, total, err := s.store.Revisions(ctx, proposalID, key, page.Normalize())
	if err != nil {
		return nil, 0, err
	}
	people, err := s.audienceOf(ctx, p)
	for i := range revs {
		revs[i].CreatedBy = people.personID(revs[i].CreatedBy)
	}
	return revs, total, err
}

// Revision returns one save of a section with its fields.
func (s *Service) Revision(ctx context.Context, acc Access, proposalID, key string, number int) (domain.Revision, error) {
	p, _, err := s.sectionOf(ctx, acc, proposalID, key, domain.ActionRead, domain.KindNotFound)
	if err != nil {
		return domain.Revision{}, err
	}
	r, err := s.store.Revision(ctx, proposalID, key, number)
	if err != nil {
		return domain.Revision{}, err
	}
	people, err := s.audienceOf(ctx, p)
	r.CreatedBy = people.personID(r.CreatedBy)
	return r, err
}

// sectionOf checks access and finds the section in the proposal's template. An unknown section key is
// reported with the given kind: not found when reading, invalid input when writing.
func (s *Service) sectionOf(ctx context.Context, acc Access, proposalID, key string, action domain.Action, unknown domain.Kind) (domain.Proposal, *templates.Section, error) {
	p, err := s.Proposal(ctx, acc, proposalID, action)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
	tpl, err := s.Template(p)
	if err != nil {
		return domain.Proposal{}, nil, err
	}
	if s.store.SavesAsSession() { // only the one-statement save reads it
		s.proposalTemplates.remember(p.ID, tpl)
	}
	sec, ok := tpl.Section(key)
	if !ok {
		e := domain.Errorf(unknown, "unknown section key %q; this template has: %v", key, tpl.SectionKeys())
		if unknown == domain.KindInvalid {
			e.Problems = []domain.Problem{{Field: "section", Message: fmt.Sprintf("%q is not a section of template %s", key, tpl.Key)}}
		}
		return domain.Proposal{}, nil, e
	}
	return p, sec, nil
}

// flagOutdatedTranslations compares each text field with the stored draft. If that draft is no longer
// the expected version, the version-guarded save that follows fails anyway, so a stale comparison is
// never stored.
func (s *Service) flagOutdatedTranslations(ctx context.Context, p domain.Proposal, sec *templates.Section, fields domain.Fields) error {
	current, err := s.store.Section(ctx, p.ID, sec.Key)
	if err != nil {
		return err
	}
	for key, raw := range fields {
		if f, _ := sec.Field(key); f != nil && f.Type.IsText() {
			fields[key] = markOutdated(current.Fields[key], raw, p)
		}
	}
	return nil
}
