package web

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// A section is saved whole, guarded by its version. Two people often edit different fields of the same
// section, so a page save merges field by field before it would report a conflict: each field carries
// the version its value was read at (its base); a field the writer did not change keeps whatever is stored
// now, a field only the writer changed takes the writer's value, and a field both changed differently is
// a conflict, shown side by side and never overwritten. The save itself still goes through the service's
// version guard, so a save racing this one is retried, not lost.

// saveRequest is a section save from a page: the writer's values for the fields it touched.
type saveRequest struct {
	Proposal domain.Proposal
	Section  *templates.Section
	Mine     domain.Fields
	Touched  []string
	Version  int            // the version the form was rendered at
	Bases    map[string]int // field key → the version its value was read at
}

// saveResult tells the page what happened to the other fields.
type saveResult struct {
	Saved   domain.Section
	Current domain.Section // what is stored when there are conflicts
	// Proposed is what the page should show after a conflict: the stored values, with the writer's own
	// changes (conflicting or not) kept, so that saving again takes the writer's text over the other.
	Proposed domain.Fields
	// Conflicts are touched fields that someone else changed differently since their base.
	Conflicts []string
	// InSync are the fields whose page value now equals the stored one: their base moves to the saved
	// version. The others were changed elsewhere and the page still shows an older value.
	InSync []string
}

// maxMergeAttempts bounds the retries when other saves keep landing between a read and a write.
const maxMergeAttempts = 3

func (p *Pages) mergeAndSave(ctx context.Context, user domain.User, req saveRequest) (saveResult, error) {
	var err error
	for range maxMergeAttempts {
		var res saveResult
		res, err = p.tryMerge(ctx, user, req)
		if domain.ErrorKind(err) != domain.KindPreconditionFailed {
			return res, err
		}
	}
	return saveResult{}, err
}

func (p *Pages) tryMerge(ctx context.Context, user domain.User, req saveRequest) (saveResult, error) {
	current, err := p.svc.Section(ctx, user, req.Proposal.ID, req.Section.Key)
	if err != nil {
		return saveResult{}, err
	}
	bases := map[int]domain.Fields{current.Version: current.Fields, 0: {}}
	merged := domain.Fields{}
	for k, v := range current.Fields {
		merged[k] = v
	}
	var res saveResult
	for i := range req.Section.Fields {
		key := req.Section.Fields[i].Key
		base, err := p.baseFields(ctx, user, req, bases, req.Bases[key])
		if err != nil {
			return saveResult{}, err
		}
		b, c := canonical(base[key]), canonical(current.Fields[key])
		touched := slices.Contains(req.Touched, key)
		m := canonical(req.Mine[key])
		switch {
		case !touched && b == c:
			res.InSync = append(res.InSync, key)
		case !touched || m == b && b != c: // untouched, or unchanged here: keep what is stored
		case b == c || m == c:
			setField(merged, key, req.Mine[key])
			res.InSync = append(res.InSync, key)
		default:
			res.Conflicts = append(res.Conflicts, key)
		}
	}
	if len(res.Conflicts) > 0 {
		res.Current, res.Proposed = current, merged
		for _, key := range res.Conflicts {
			setField(merged, key, req.Mine[key])
		}
		return res, nil
	}
	res.Saved, err = p.svc.SaveSection(ctx, user, service.SaveSectionInput{
		ProposalID: req.Proposal.ID, Key: req.Section.Key, ExpectedVersion: current.Version, Fields: merged,
	})
	return res, err
}

// baseFields loads the revision a field's value was read at, once per version.
func (p *Pages) baseFields(ctx context.Context, user domain.User, req saveRequest, cache map[int]domain.Fields, version int) (domain.Fields, error) {
	if f, ok := cache[version]; ok {
		return f, nil
	}
	r, err := p.svc.Revision(ctx, user, req.Proposal.ID, req.Section.Key, version)
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
