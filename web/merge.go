package web

import (
	"context"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// A page save merges field by field before it would report a conflict; the merge itself is the
// service's (service.MergeSaveSection), so API clients get the same. This file only carries a page's
// request to it and its answer back.

// saveRequest is a section save from a page: the writer's values for the fields it touched.
type saveRequest struct {
	Proposal domain.Proposal
	Section  *templates.Section
	Mine     domain.Fields
	Touched  []string
	Version  int            // the version the form was rendered at
	Bases    map[string]int // field key → the version its value was read at
}

// saveResult tells the page what happened to the other fields (see service.MergeSaveResult).
type saveResult = service.MergeSaveResult

func (p *Pages) mergeAndSave(ctx context.Context, acc service.Access, req saveRequest) (saveResult, error) {
	keys := make([]string, len(req.Section.Fields))
	for i := range req.Section.Fields {
		keys[i] = req.Section.Fields[i].Key
	}
	return p.svc.MergeSaveSection(ctx, acc, service.MergeSaveInput{
		ProposalID: req.Proposal.ID, Key: req.Section.Key, FieldKeys: keys, Mine: req.Mine, Touched: req.Touched, Bases: req.Bases,
	})
}
