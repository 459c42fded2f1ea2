package service

import (
	"bytes"
	"context"
	"encoding/json"

	"iduit/domain"
	"iduit/templates"
)

// FieldDiff is how one field changed between two revisions. Text fields get a word-level diff per
// language; other fields show the two values.
type FieldDiff struct {
	Field    string
	Language string
	Ops      []DiffOp
	Before   json.RawMessage
	After    json.RawMessage
}

// DiffRevisions compares two revisions of a section, field by field; unchanged fields are left out.
// Revision 0 is the empty section before its first save. A comparison costs CPU and memory in proportion
// to the texts, so it runs within the diff limits and the caller's share of them, and is cached: the
// revisions never change.
func (s *Service) DiffRevisions(ctx context.Context, acc Access, proposalID, key string, a, b int) ([]FieldDiff, error) {
	user := acc.User
	p, sec, err := s.sectionOf(ctx, acc, proposalID, key, domain.ActionRead, domain.KindNotFound)
	if err != nil {
		return nil, err
	}
	cacheKey := diffKey(p, key, a, b)
	if out, ok := s.diffs.get(cacheKey); ok {
		return out, nil
	}
	return s.diffFlights.do(ctx, cacheKey, func() ([]FieldDiff, error) {
		release, err := s.diffGate.enter(ctx, user.ID)
		if err != nil {
			return nil, err
		}
		defer release()
		before, err := s.revisionFields(ctx, proposalID, key, a)
		if err != nil {
			return nil, err
		}
		after, err := s.revisionFields(ctx, proposalID, key, b)
		if err != nil {
			return nil, err
		}
		out := []FieldDiff{}
		for i := range sec.Fields {
			out = append(out, diffField(p, &sec.Fields[i], before[sec.Fields[i].Key], after[sec.Fields[i].Key])...)
		}
		s.diffs.put(cacheKey, out)
		return out, nil
	})
}

func (s *Service) revisionFields(ctx context.Context, proposalID, key string, n int) (domain.Fields, error) {
	if n == 0 {
		return domain.Fields{}, nil
	}
	r, err := s.store.Revision(ctx, proposalID, key, n)
	return r.Fields, err
}

func diffField(p domain.Proposal, f *templates.Field, before, after json.RawMessage) []FieldDiff {
	if !f.Type.IsText() {
		if bytes.Equal(bytes.TrimSpace(before), bytes.TrimSpace(after)) {
			return nil
		}
		return []FieldDiff{{Field: f.Key, Before: before, After: after}}
	}
	var out []FieldDiff
	for _, lang := range textLanguages(p) {
		old, cur := textIn(before, p, lang), textIn(after, p, lang)
		if old != cur {
			out = append(out, FieldDiff{Field: f.Key, Language: lang, Ops: diffWords(old, cur)})
		}
	}
	return out
}

// RestoreRevision brings back a revision's fields as a new save: history is never rewritten, and the
// restore is guarded by If-Match like any other save.
func (s *Service) RestoreRevision(ctx context.Context, acc Access, proposalID, key string, n, expectedVersion int) (domain.Section, error) {
	if _, _, err := s.sectionOf(ctx, acc, proposalID, key, domain.ActionEditText, domain.KindNotFound); err != nil {
		return domain.Section{}, err
	}
	r, err := s.store.Revision(ctx, proposalID, key, n)
	if err != nil {
		return domain.Section{}, err
	}
	return s.SaveSection(ctx, acc, SaveSectionInput{ProposalID: proposalID, Key: key, ExpectedVersion: expectedVersion, Fields: r.Fields, RestoredFrom: n})
}
