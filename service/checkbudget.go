package service

import (
	"context"
	"encoding/json"
	"fmt"

	"iduit/budget"
	"iduit/domain"
)

// Codes of the budget's part of the check for errors; all are warnings.
const (
	CodeInterventionWithoutBudget = "intervention_without_budget"
)

// packageInterventions ties the comprehensive-package checklist of the concept note to the budget's
// interventions: a service the narrative promises should have money. ART has no intervention in the PWID
// prevention module (it is budgeted under treatment), so it is not checked here.
var packageInterventions = map[string]string{
	"nsp": "needle-syringe-programs", "ost": "ost-drug-dependence-treatment", "hts": "hiv-testing-services",
	"sti": "sti-sexual-health", "condoms": "condoms-lubricant", "iec": "behavioural-interventions",
	"hepatitis": "co-infections-co-morbidities", "tb": "co-infections-co-morbidities", "naloxone": "overdose-prevention",
}

// narrativePackage is where the concept note lists the services of the comprehensive package.
const narrativeSection, narrativeField = "comprehensive-package", "package"

// budgetIssues compares the budget with the narrative, the performance framework and the allocation.
// A proposal without a budget yet gets no budget warnings: the template's own fields ask for one.
func (s *Service) budgetIssues(ctx context.Context, p domain.Proposal, fields map[string]domain.Fields) ([]Issue, error) {
	b, doc, err := s.loadBudget(ctx, p)
	if err != nil || doc.Version == 0 {
		return nil, err
	}
	f, _, err := s.loadFramework(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	lang := messagesFor(p.Language).lang
	var out []Issue
	for _, finding := range s.budgets.CrossCheck(b.Budget, f.Indicators, b.AllocationCeiling) {
		out = append(out, Issue{Section: "budget", Field: finding.Path, Code: finding.Code, Message: finding.Message.In(lang)})
	}
	return append(out, s.promisedWithoutMoney(p, b.Budget, fields[narrativeSection][narrativeField], lang)...), nil
}

// promisedWithoutMoney reports package services ticked in the narrative that no budget line pays for.
func (s *Service) promisedWithoutMoney(p domain.Proposal, b budget.Budget, raw json.RawMessage, lang string) []Issue {
	var ticked []string
	if json.Unmarshal(raw, &ticked) != nil {
		return nil
	}
	funded := map[string]bool{}
	for _, l := range b.Lines {
		funded[l.Intervention] = true
	}
	var out []Issue
	for _, item := range ticked {
		key, ok := packageInterventions[item]
		if !ok || funded[key] {
			continue
		}
		iv, _, _ := s.budgets.Intervention(key)
		name := iv.Name.In(lang)
		msg := fmt.Sprintf("The narrative offers “%s”, but no budget line pays for it.", name)
		if lang == "ru" {
			msg = fmt.Sprintf("В тексте заявки обещано «%s», но в бюджете нет строки на это.", name)
		}
		out = append(out, Issue{Section: narrativeSection, Field: narrativeField, Code: CodeInterventionWithoutBudget, Message: msg})
	}
	return out
}
