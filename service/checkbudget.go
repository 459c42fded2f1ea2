package service

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"iduit/budget"
	"iduit/domain"
)

// Codes of the budget's part of the check for errors; all are warnings but one_language (below).
const (
	CodeInterventionWithoutBudget = "intervention_without_budget"
	CodeLineWithoutImplementer    = "line_without_implementer"
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

// budgetIssues compares the budget with the narrative, the performance framework and the allocation,
// and reads its lines (lineIssues). A proposal without a budget yet gets no budget findings: the
// template's own fields ask for one.
func (s *Service) budgetIssues(ctx context.Context, p domain.Proposal, fields map[string]domain.Fields) (errs, warnings []Issue, err error) {
	b, doc, err := s.loadBudget(ctx, p)
	if err != nil || doc.Version == 0 {
		return nil, nil, err
	}
	f, _, err := s.loadFramework(ctx, p.ID)
	if err != nil {
		return nil, nil, err
	}
	errs, warnings = lineIssues(p, b.Budget)
	lang := messagesFor(p.Language).lang
	for _, finding := range s.budgets.CrossCheck(b.Budget, f.Indicators, b.AllocationCeiling) {
		warnings = append(warnings, Issue{Section: "budget", Field: finding.Path, Code: finding.Code, Message: finding.Message.In(lang)})
	}
	return errs, append(warnings, s.promisedWithoutMoney(p, b.Budget, fields[narrativeSection][narrativeField], lang)...), nil
}

// lineIssues reads the budget's lines, one finding per kind however many lines it concerns (a budget
// has hundreds), located at the first such line:
//   - in a bilingual proposal, lines whose description is in one language only: an error, as for a
//     required field's text, since the document in the other language would print those descriptions
//     under the "translation missing" mark;
//   - lines that name no implementer: a warning. The Global Fund's detailed budget has an implementer
//     (recipient) column for every line (docs/annexes.md), but the principal recipient finalises that
//     budget in grant-making, and under the Grant-ready pathway drafts it from the network's lines: a
//     network may not know the sub-recipient yet when its request is final.
func lineIssues(p domain.Proposal, b budget.Budget) (errs, warnings []Issue) {
	m := messagesFor(p.Language)
	missing := map[string][]int{}
	var noImplementer []int
	for i, l := range b.Lines {
		for _, lang := range textLanguages(p) {
			if p.Bilingual && strings.TrimSpace(l.Description.Side(lang)) == "" {
				missing[lang] = append(missing[lang], i)
			}
		}
		if strings.TrimSpace(l.Implementer) == "" {
			noImplementer = append(noImplementer, i)
		}
	}
	for _, lang := range proposalLanguages {
		if lines := missing[lang]; len(lines) > 0 {
			errs = append(errs, m.budgetLineIssue(fmt.Sprintf("lines[%d].description", lines[0]), CodeOneLanguage, len(lines), lines[0]+1, m.languageName(lang)))
		}
	}
	if len(noImplementer) > 0 {
		warnings = append(warnings, m.budgetLineIssue(fmt.Sprintf("lines[%d].implementer", noImplementer[0]), CodeLineWithoutImplementer,
			len(noImplementer), noImplementer[0]+1))
	}
	return errs, warnings
}

// promisedWithoutMoney reports package services ticked in the narrative that no budget line pays for.
func (s *Service) promisedWithoutMoney(p domain.Proposal, b budget.Budget, raw json.RawMessage, lang string) []Issue {
	ticked := domain.ReadTicks(raw)
	if ticked == nil {
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
