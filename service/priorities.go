package service

import (
	"context"
	"fmt"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// Priority is one community priority as stored.
type Priority = export.Priority

// prioritiesDocument is the community priorities as a versioned proposal document.
var prioritiesDocument = documentKind[export.PrioritiesBody]{kind: models.DocumentPriorities, activity: domain.ActivityPrioritiesSaved}

// Priorities returns a proposal's community priorities.
func (s *Service) Priorities(ctx context.Context, acc Access, proposalID string) ([]Priority, domain.Document, error) {
	_, body, doc, err := prioritiesDocument.read(ctx, s, acc, proposalID)
	if body.Priorities == nil {
		body.Priorities = []Priority{}
	}
	return body.Priorities, doc, err
}

// SavePriorities validates and saves the community priorities. A network may write its priorities
// before the CCM drafts, so a priority may map to no intervention record yet; those it names must exist
// now (the check reports one whose record is later removed).
func (s *Service) SavePriorities(ctx context.Context, acc Access, proposalID string, expected int, list []Priority) (domain.Document, error) {
	return prioritiesDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (export.PrioritiesBody, error) {
		records, _, err := interventionsDocument.load(ctx, s, p.ID)
		if err != nil {
			return export.PrioritiesBody{}, err
		}
		body := export.PrioritiesBody{Priorities: make([]Priority, len(list))}
		for i, pr := range list {
			if pr.ID == "" {
				pr.ID = domain.NewID()
			}
			if pr.Interventions == nil {
				pr.Interventions = []string{}
			}
			body.Priorities[i] = pr
		}
		return body, checkPriorities(p, body.Priorities, recordIDs(records.Records))
	})
}

func recordIDs(records []InterventionRecord) map[string]bool {
	ids := make(map[string]bool, len(records))
	for _, r := range records {
		ids[r.ID] = true
	}
	return ids
}

func checkPriorities(p domain.Proposal, list []Priority, records map[string]bool) error {
	var ps problems
	if len(list) > maxRecords {
		ps.addf("priorities", "has %d priorities; the limit is %d", len(list), maxRecords)
		return ps.err("the priorities have problems")
	}
	ids := map[string]bool{}
	for i, pr := range list {
		at := func(name string) string { return fmt.Sprintf("priorities[%d].%s", i, name) }
		checkRecordID(&ps, at("id"), pr.ID, ids)
		checkRecordText(&ps, at("title"), pr.Title, p, false, true)
		checkRecordText(&ps, at("description"), pr.Description, p, true, false)
		checkRecordText(&ps, at("populations"), pr.Populations, p, false, false)
		checkRecordText(&ps, at("evidence"), pr.Evidence, p, true, false)
		checkFundingStatus(&ps, at("status"), at("reason"), pr.Status, pr.Reason, p)
		if len(pr.Interventions) > maxRecords {
			ps.addf(at("interventions"), "names %d records; the limit is %d", len(pr.Interventions), maxRecords)
			continue
		}
		seen := map[string]bool{}
		for j, id := range pr.Interventions {
			switch {
			case !records[id]:
				ps.addf(fmt.Sprintf("priorities[%d].interventions[%d]", i, j), "%q is not an intervention record of this proposal", id)
			case seen[id]:
				ps.addf(fmt.Sprintf("priorities[%d].interventions[%d]", i, j), "%q is named twice", id)
			}
			seen[id] = true
		}
	}
	return ps.err("the priorities have problems")
}

// checkImportedPriorities validates exported priorities against the exported intervention records.
func (s *Service) checkImportedPriorities(p domain.Proposal, parts importedParts) error {
	body, err := decodePart[export.PrioritiesBody](parts[models.DocumentPriorities])
	if err != nil {
		return err
	}
	var records export.InterventionsBody
	if part, ok := parts[models.DocumentInterventions]; ok {
		if records, err = decodePart[export.InterventionsBody](part); err != nil {
			return err
		}
	}
	return checkPriorities(p, body.Priorities, recordIDs(records.Records))
}
