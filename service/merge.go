package service

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"iduit/domain"
)

// A section is saved whole, guarded by its version. Two people often edit different fields of the same
// section, so a merging save merges field by field before it would report a conflict: each field carries
// the version its value was read at (its base); a field the writer did not change keeps whatever is stored
// now, a field only the writer changed takes the writer's value, and a field both changed differently is
// a conflict, reported (the pages show it side by side) and never overwritten. The save itself still goes
// through SaveSection's version guard, so a save racing this one is retried, not lost.

// MergeSaveInput is a section save merged field by field with whatever was saved since the writer read.
type MergeSaveInput struct {
	ProposalID string
	Key        string
	// FieldKeys are the fields to consider, in the order results list them: the section's fields from its
	// template for a page; a caller without the template passes Touched.
	FieldKeys []string
	// Mine are the writer's values for the fields it touched; Touched names those fields.
	Mine    domain.Fields
	Touched []string
	// Bases maps a field key to the version its value was read at (0: never saved).
	Bases map[string]int
}

// MergeSaveResult tells the caller what happened to each field.
type MergeSaveResult struct {
	Saved   domain.Section
	Current domain.Section // what is stored when there are conflicts
	// Proposed is what to show after a conflict: the stored values, with the writer's own changes
	// (conflicting or not) kept, so that saving again takes the writer's text over the other.
	Proposed domain.Fields
	// Conflicts are touched fields that someone else changed differently since their base.
	Conflicts []string
	// InSync are the fields whose writer's value now equals the stored one: their base moves to the saved
	// version. The others were changed elsewhere and the writer still holds an older value.
	InSync []string
}

// maxMergeAttempts bounds the retries when other saves keep landing between a read and a write.
const maxMergeAttempts = 3

// MergeSaveSection saves a section merged field by field (see above). Conflicts are not an error: the
// result lists them and nothing is saved. The errors are SaveSection's, and KindPreconditionFailed only
// when other saves kept landing between the read and the write maxMergeAttempts times.
func (s *Service) MergeSaveSection(ctx context.Context, acc Access, in MergeSaveInput) (MergeSaveResult, error) {
	// Only those who may edit learn of conflicts: a reader's merge is refused as its save would be.
	if _, _, err := s.sectionOf(ctx, acc, in.ProposalID, in.Key, domain.ActionEditText, domain.KindInvalid); err != nil {
		return MergeSaveResult{}, err
	}
	var err error
	for range maxMergeAttempts {
		var res MergeSaveResult
		res, err = s.tryMerge(ctx, acc, in)
		if domain.ErrorKind(err) != domain.KindPreconditionFailed {
			return res, err
		}
	}
	return MergeSaveResult{}, err
}

func (s *Service) tryMerge(ctx context.Context, acc Access, in MergeSaveInput) (MergeSaveResult, error) {
	current, err := s.Section(ctx, acc, in.ProposalID, in.Key)
	if err != nil {
		return MergeSaveResult{}, err
	}
	for _, key := range in.Touched {
		if base := in.Bases[key]; base < 0 || base > current.Version {
			return MergeSaveResult{}, domain.Invalid("a field's base is not a version of this section",
				domain.Problem{Field: "bases." + key, Message: fmt.Sprintf("must be a version the field was read at, 0 to %d", current.Version)})
		}
	}
	bases := map[int]domain.Fields{current.Version: current.Fields, 0: {}}
	merged := domain.Fields{}
	for k, v := range current.Fields {
		merged[k] = v
	}
	var res MergeSaveResult
	for _, key := range in.FieldKeys {
		base, err := s.baseFields(ctx, acc, in, bases, in.Bases[key])
		if err != nil {
			return MergeSaveResult{}, err
		}
		b, c := canonical(base[key]), canonical(current.Fields[key])
		touched := slices.Contains(in.Touched, key)
		m := canonical(in.Mine[key])
		switch {
		case !touched && b == c:
			res.InSync = append(res.InSync, key)
		case !touched || m == b && b != c: // untouched, or unchanged here: keep what is stored
		case b == c || m == c:
			setField(merged, key, in.Mine[key])
			res.InSync = append(res.InSync, key)
		default:
			res.Conflicts = append(res.Conflicts, key)
		}
	}
	if len(res.Conflicts) > 0 {
		res.Current, res.Proposed = current, merged
		for _, key := range res.Conflicts {
			setField(merged, key, in.Mine[key])
		}
		return res, nil
	}
	res.Saved, err = s.SaveSection(ctx, acc, SaveSectionInput{
		ProposalID: in.ProposalID, Key: in.Key, ExpectedVersion: current.Version, Fields: merged,
	})
	return res, err
}

// baseFields loads the revision a field's value was read at, once per version.
func (s *Service) baseFields(ctx context.Context, acc Access, in MergeSaveInput, cache map[int]domain.Fields, version int) (domain.Fields, error) {
	if f, ok := cache[version]; ok {
		return f, nil
	}
	r, err := s.Revision(ctx, acc, in.ProposalID, in.Key, version)
	if err != nil {
		return nil, err
	}
	cache[version] = r.Fields
	return r.Fields, nil
}

func setField(fields domain.Fields, key string, v json.RawMessage) {
	if v == nil {
		delete(fields, key)
		return
	}
	fields[key] = v
}

// canonical compares values by meaning: key order, escaping, the server's "outdated" flag and an empty
// value versus no value do not count as changes.
func canonical(raw json.RawMessage) string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if len(bytes.TrimSpace(raw)) == 0 || dec.Decode(&v) != nil || v == nil || v == "" {
		return ""
	}
	if m, ok := v.(map[string]any); ok {
		delete(m, "outdated")
		if m["en"] == "" && m["ru"] == "" && len(m) <= 2 {
			return ""
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}
