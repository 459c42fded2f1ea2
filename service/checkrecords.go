package service

import (
	"context"
	"fmt"
	"strings"

	"iduit/domain"
	"iduit/export"
)

// Codes of the funding request's part of the check for errors; all are warnings, since a network drafts
// these lists before the CCM decides.
const (
	CodePriorityWithoutIntervention = "priority_without_intervention"
	CodePAARWithoutCost             = "paar_without_cost"
	CodeEndorsementIncomplete       = "endorsement_incomplete"
)

// Sections the record findings are located in: the resources' names, since no template section holds them.
const (
	sectionInterventions = "interventions"
	sectionPriorities    = "priorities"
	sectionCCMProcess    = "ccm_process"
	// sectionProposal locates findings in the proposal's own title, country and network.
	sectionProposal = "proposal"
)

// recordIssues finds the contradictions between the intervention records, the priorities, the budget
// and the settings, and required record texts written in one language only of a bilingual proposal.
func (s *Service) recordIssues(ctx context.Context, p domain.Proposal) ([]Issue, error) {
	records, _, err := interventionsDocument.load(ctx, s, p.ID)
	if err != nil {
		return nil, err
	}
	priorities, _, err := prioritiesDocument.load(ctx, s, p.ID)
	if err != nil {
		return nil, err
	}
	ccm, ccmDoc, err := ccmProcessDocument.load(ctx, s, p.ID)
	if err != nil {
		return nil, err
	}
	b, _, err := s.loadBudget(ctx, p)
	if err != nil {
		return nil, err
	}
	set, _, err := settingsDocument.load(ctx, s, p.ID)
	if err != nil {
		return nil, err
	}
	m := messagesFor(p.Language)
	var out []Issue
	costs := costsOf(records.Records, b)
	for i, r := range records.Records {
		name := s.recordName(r, m.lang)
		field := fmt.Sprintf("records[%d]", i)
		switch {
		case r.FundingStatus == FundingAllocation && costs[i].Allocation == 0:
			out = append(out, m.recordIssue(sectionInterventions, field, CodeInterventionWithoutBudget, name))
		case r.FundingStatus == FundingPAAR && costs[i].PAAR == 0:
			out = append(out, m.recordIssue(sectionInterventions, field+".paar_amount", CodePAARWithoutCost, name))
		}
		out = append(out, m.oneLanguage(p, sectionInterventions, field, name, map[string][]byte{
			"key_activities": r.KeyActivities, "rationale": r.Rationale, "reason": requiredReason(r.FundingStatus, r.Reason)})...)
	}
	ids := recordIDs(records.Records)
	for i, pr := range priorities.Priorities {
		title := readText(pr.Title, p).Side(p.Language)
		if strings.TrimSpace(title) == "" {
			title = fmt.Sprintf("%d", i+1)
		}
		field := fmt.Sprintf("priorities[%d]", i)
		if pr.Status == FundingAllocation && !mapsToRecord(pr, ids) {
			out = append(out, m.recordIssue(sectionPriorities, field+".interventions", CodePriorityWithoutIntervention, title))
		}
		out = append(out, m.oneLanguage(p, sectionPriorities, field, title, map[string][]byte{
			"title": pr.Title, "reason": requiredReason(pr.Status, pr.Reason)})...)
	}
	if ccmDoc.Version > 0 {
		if want, ok := secondSignatory(ccm.Endorsement.Signatories); !ok || len(ccm.Endorsement.Signatories) < 2 {
			out = append(out, m.recordIssue(sectionCCMProcess, "endorsement.signatories", CodeEndorsementIncomplete, m.ccmName(set), m.signatoryName(want)))
		}
	}
	return out, nil
}

func mapsToRecord(pr export.Priority, ids map[string]bool) bool {
	for _, id := range pr.Interventions {
		if ids[id] {
			return true
		}
	}
	return false
}

// requiredReason is a reason when it is required: for an item left out.
func requiredReason(status string, reason []byte) []byte {
	if status == FundingNotIncluded {
		return reason
	}
	return nil
}

// recordName names an intervention record in a message by its catalogue name.
func (s *Service) recordName(r export.InterventionRecord, lang string) string {
	if iv, _, ok := s.budgets.Intervention(r.Intervention); ok {
		return iv.Name.In(lang)
	}
	return r.Intervention
}

// oneLanguage reports the required texts of a record written in only one language of a bilingual
// proposal, in the fixed order of the field names.
func (m messages) oneLanguage(p domain.Proposal, section, field, name string, texts map[string][]byte) []Issue {
	if !p.Bilingual {
		return nil
	}
	var out []Issue
	for _, key := range []string{"title", "key_activities", "rationale", "reason"} {
		raw, ok := texts[key]
		if !ok || isNull(raw) || !textFilled(raw, p) {
			continue
		}
		v := readText(raw, p)
		for _, lang := range proposalLanguages {
			if strings.TrimSpace(v.Side(lang)) == "" {
				out = append(out, m.recordIssue(section, field+"."+key, CodeOneLanguage, name, m.fieldName(key), m.languageName(lang)))
			}
		}
	}
	return out
}

// proposalIssues reports a bilingual proposal's title, country or network written in one language only:
// the document in the other language would print it under the "translation missing" mark. The title and
// the country are required, so like a required field's text that keeps the proposal from being final;
// the network is optional, and is a warning.
func proposalIssues(p domain.Proposal) (errors, warnings []Issue) {
	if !p.Bilingual {
		return nil, nil
	}
	m := messagesFor(p.Language)
	for _, attr := range []struct {
		key      string
		required bool
		text     func(domain.ProposalTexts) string
	}{
		{"title", true, func(t domain.ProposalTexts) string { return t.Title }},
		{"country", true, func(t domain.ProposalTexts) string { return t.Country }},
		{"network", false, func(t domain.ProposalTexts) string { return t.Network }},
	} {
		for _, lang := range proposalLanguages {
			other := otherLanguage(lang)
			if strings.TrimSpace(attr.text(p.Texts(lang))) != "" || strings.TrimSpace(attr.text(p.Texts(other))) == "" {
				continue
			}
			field := attr.key
			if lang != p.Language {
				field += "_translation"
			}
			issue := m.recordIssue(sectionProposal, field, CodeOneLanguage, p.Title, m.fieldName(attr.key), m.languageName(lang))
			if attr.required {
				errors = append(errors, issue)
			} else {
				warnings = append(warnings, issue)
			}
		}
	}
	return errors, warnings
}

func otherLanguage(lang string) string {
	if lang == "ru" {
		return "en"
	}
	return "ru"
}
