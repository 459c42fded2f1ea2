package service

import (
	"context"
	"fmt"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// InterventionRecord is one intervention of the request as stored; its cost is never stored.
type InterventionRecord = export.InterventionRecord

// InterventionCost is what a record costs, computed: the budget lines of its module and intervention
// for a record in the allocation, its PAAR amount for one in the above-allocation request.
type InterventionCost struct {
	Allocation int64
	PAAR       int64
	Total      int64
}

// Interventions is a proposal's intervention records with their computed costs, in the currency of the
// proposal settings (or of the budget, before settings name one).
type Interventions struct {
	Records  []InterventionRecord
	Costs    []InterventionCost
	Currency string
}

// interventionsDocument is the intervention records as a versioned proposal document.
var interventionsDocument = documentKind[export.InterventionsBody]{kind: models.DocumentInterventions, activity: domain.ActivityInterventionsSaved}

// Interventions returns a proposal's intervention records, each with its cost computed from the budget.
func (s *Service) Interventions(ctx context.Context, acc Access, proposalID string) (Interventions, domain.Document, error) {
	p, body, doc, err := interventionsDocument.read(ctx, s, acc, proposalID)
	if err != nil {
		return Interventions{}, doc, err
	}
	b, _, err := s.loadBudget(ctx, p)
	if err != nil {
		return Interventions{}, doc, err
	}
	out := Interventions{Records: body.Records, Currency: b.Budget.Currency, Costs: costsOf(body.Records, b)}
	if out.Records == nil {
		out.Records = []InterventionRecord{}
	}
	return out, doc, nil
}

// costsOf computes each record's cost. Budget lines are the allocation request, so they count for the
// record in the allocation with the same module and intervention (validation keeps that one record).
func costsOf(records []InterventionRecord, b BudgetDoc) []InterventionCost {
	budgeted := map[[2]string]int64{}
	for _, l := range b.Budget.Lines {
		for _, a := range l.Amounts {
			budgeted[[2]string{l.Module, l.Intervention}] += a
		}
	}
	out := make([]InterventionCost, len(records))
	for i, r := range records {
		switch r.FundingStatus {
		case FundingAllocation:
			out[i].Allocation = budgeted[[2]string{r.Module, r.Intervention}]
		case FundingPAAR:
			out[i].PAAR = r.PAARAmount
		}
		out[i].Total = out[i].Allocation + out[i].PAAR
	}
	return out
}

// SaveInterventions validates the records against the modular framework and saves them. Records
// without an id get one, so that priorities can refer to them.
func (s *Service) SaveInterventions(ctx context.Context, acc Access, proposalID string, expected int, records []InterventionRecord) (domain.Document, error) {
	return interventionsDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (export.InterventionsBody, error) {
		body := export.InterventionsBody{Records: make([]InterventionRecord, len(records))}
		for i, r := range records {
			if r.ID == "" {
				r.ID = domain.NewID()
			}
			if r.Implementers == nil {
				r.Implementers = []string{}
			}
			body.Records[i] = r
		}
		return body, s.checkInterventions(p, body.Records)
	})
}

func (s *Service) checkInterventions(p domain.Proposal, records []InterventionRecord) error {
	var ps problems
	if len(records) > maxRecords {
		ps.addf("records", "has %d records; the limit is %d", len(records), maxRecords)
		return ps.err("the intervention records have problems")
	}
	ids := map[string]bool{}
	inAllocation := map[[2]string]int{}
	for i, r := range records {
		at := func(name string) string { return fmt.Sprintf("records[%d].%s", i, name) }
		checkRecordID(&ps, at("id"), r.ID, ids)
		s.checkModuleIntervention(&ps, at, r.Module, r.Intervention)
		checkRecordText(&ps, at("key_activities"), r.KeyActivities, p, true, true)
		checkRecordText(&ps, at("priority_populations"), r.PriorityPopulations, p, false, false)
		checkRecordText(&ps, at("geographies"), r.Geographies, p, false, false)
		checkRecordText(&ps, at("barriers"), r.Barriers, p, true, false)
		checkRecordText(&ps, at("rationale"), r.Rationale, p, true, true)
		checkNames(&ps, at("implementers"), r.Implementers)
		checkFundingStatus(&ps, at("funding_status"), at("reason"), r.FundingStatus, r.Reason, p)
		switch {
		case r.PAARAmount < 0 || r.PAARAmount > maxPAARAmount:
			ps.addf(at("paar_amount"), "must be between 0 and %d minor units", int64(maxPAARAmount))
		case r.PAARAmount > 0 && r.FundingStatus != FundingPAAR:
			ps.addf(at("paar_amount"), "is for records in the above-allocation request (funding_status paar)")
		}
		if r.FundingStatus == FundingAllocation {
			key := [2]string{r.Module, r.Intervention}
			if first, twice := inAllocation[key]; twice {
				ps.addf(at("intervention"), "records[%d] already puts this intervention in the allocation; its budget lines cannot belong to two records", first)
			}
			inAllocation[key] = i
		}
	}
	return ps.err("the intervention records have problems")
}

// checkModuleIntervention checks the keys through the catalogue's own lookups, so that whatever modular
// framework the catalogue carries is the one records are checked against.
func (s *Service) checkModuleIntervention(ps *problems, at func(string) string, module, intervention string) {
	_, moduleOK := s.budgets.Module(module)
	switch {
	case module == "":
		ps.addf(at("module"), "is required")
	case !moduleOK:
		ps.addf(at("module"), "%q is not a module of the catalogue", module)
	}
	_, owner, ok := s.budgets.Intervention(intervention)
	switch {
	case intervention == "":
		ps.addf(at("intervention"), "is required")
	case !ok:
		ps.addf(at("intervention"), "%q is not an intervention of the catalogue", intervention)
	case moduleOK && owner != module:
		ps.addf(at("intervention"), "%q belongs to module %q, not %q", intervention, owner, module)
	}
}

// checkFundingStatus checks a status and that a left-out item says why.
func checkFundingStatus(ps *problems, statusField, reasonField, status string, reason []byte, p domain.Proposal) {
	switch status {
	case FundingAllocation, FundingPAAR:
		checkRecordText(ps, reasonField, reason, p, true, false)
	case FundingNotIncluded:
		checkRecordText(ps, reasonField, reason, p, true, true)
	default:
		ps.addf(statusField, "must be one of %v", FundingStatuses)
	}
}

// checkImportedInterventions validates exported records as a save would.
func (s *Service) checkImportedInterventions(p domain.Proposal, parts importedParts) error {
	body, err := decodePart[export.InterventionsBody](parts[models.DocumentInterventions])
	if err != nil {
		return err
	}
	return s.checkInterventions(p, body.Records)
}
