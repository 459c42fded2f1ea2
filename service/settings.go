package service

import (
	"context"
	"fmt"
	"slices"

	"iduit/budget"
	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// Settings are a proposal's country and cycle settings. They own the currency and the allocation amount:
// the budget, the totals and the check read them from here, so no number is typed twice.
type Settings = export.SettingsBody

// Application approaches and pathways a setting may name. The approach names are those of GC7; GC8
// names were not published when this was written (docs: domain/gf-gc7-gc8.md §1.3), so "other" stays.
var (
	ApplicationApproaches = []string{"full_review", "tailored_nsp", "tailored_focused_portfolios", "tailored_transition", "program_continuation", "other"}
	Pathways              = []string{"classic", "grant_ready"}
)

// Limits on settings: names and a window label, not narratives.
const (
	maxSettingText         = 200
	maxPrincipalRecipients = 10
)

// settingsDocument is the settings as a versioned proposal document.
var settingsDocument = documentKind[Settings]{kind: models.DocumentSettings, activity: domain.ActivitySettingsSaved}

// SettingsView is the settings with the currencies the proposal's template allows.
type SettingsView struct {
	Settings          Settings
	AllowedCurrencies []string
}

// Settings returns a proposal's country and cycle settings.
func (s *Service) Settings(ctx context.Context, acc Access, proposalID string) (SettingsView, domain.Document, error) {
	p, set, doc, err := settingsDocument.read(ctx, s, acc, proposalID)
	if err != nil {
		return SettingsView{}, doc, err
	}
	allowed, err := s.currencies(p)
	return SettingsView{Settings: normalSettings(set), AllowedCurrencies: allowed}, doc, err
}

func normalSettings(set Settings) Settings {
	if set.PrincipalRecipients == nil {
		set.PrincipalRecipients = []string{}
	}
	return set
}

// SaveSettings validates and saves the settings. The currency must be one the proposal's template
// allows and, once a budget is saved, the budget's own: the amounts were typed in it.
func (s *Service) SaveSettings(ctx context.Context, acc Access, proposalID string, expected int, in Settings) (domain.Document, error) {
	return settingsDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (Settings, error) {
		allowed, err := s.currencies(p)
		if err != nil {
			return Settings{}, err
		}
		if err := checkSettings(in, allowed); err != nil {
			return Settings{}, err
		}
		b, doc, err := s.loadBudget(ctx, p)
		if err != nil {
			return Settings{}, err
		}
		if doc.Version > 0 && in.Currency != "" && b.Budget.Currency != in.Currency {
			return Settings{}, domain.Errorf(domain.KindConflict, "the budget is in %s; change the budget's currency before the proposal's", b.Budget.Currency)
		}
		return normalSettings(in), nil
	})
}

// currencies is the proposal template's list of allowed currencies (templates.Template.Currencies).
func (s *Service) currencies(p domain.Proposal) ([]string, error) {
	tpl, err := s.Template(p)
	if err != nil {
		return nil, err
	}
	return tpl.Currencies(), nil
}

func checkSettings(in Settings, allowedCurrencies []string) error {
	var problems []domain.Problem
	add := func(pr *domain.Problem) {
		if pr != nil {
			problems = append(problems, *pr)
		}
	}
	add(domain.CheckText("ccm_name", in.CCMName, maxSettingText, false))
	add(domain.CheckText("ccm_abbreviation", in.CCMAbbreviation, maxSettingText, false))
	add(domain.CheckText("review_window", in.ReviewWindow, maxSettingText, false))
	if len(in.PrincipalRecipients) > maxPrincipalRecipients {
		add(&domain.Problem{Field: "principal_recipients", Message: fmt.Sprintf("has %d names; the limit is %d", len(in.PrincipalRecipients), maxPrincipalRecipients)})
	}
	for i, pr := range in.PrincipalRecipients {
		add(domain.CheckRequiredText(fmt.Sprintf("principal_recipients[%d]", i), pr, maxSettingText))
	}
	if _, known := budget.LookupCurrency(in.Currency); in.Currency != "" && (!known || !slices.Contains(allowedCurrencies, in.Currency)) {
		add(&domain.Problem{Field: "currency", Message: fmt.Sprintf("%q is not one of the currencies this template allows %v", in.Currency, allowedCurrencies)})
	}
	if in.AllocationAmount < 0 {
		add(&domain.Problem{Field: "allocation_amount", Message: "must not be negative"})
	}
	if t := in.TargetSharePercent; t != nil && (*t < 0 || *t > 100) {
		add(&domain.Problem{Field: "target_share_percent", Message: "must be a percentage from 0 to 100"})
	}
	if in.ApplicationApproach != "" && !slices.Contains(ApplicationApproaches, in.ApplicationApproach) {
		add(&domain.Problem{Field: "application_approach", Message: fmt.Sprintf("must be one of %v", ApplicationApproaches)})
	}
	if in.Pathway != "" && !slices.Contains(Pathways, in.Pathway) {
		add(&domain.Problem{Field: "pathway", Message: fmt.Sprintf("must be one of %v", Pathways)})
	}
	if len(problems) > 0 {
		return domain.Invalid("the settings have problems", problems...)
	}
	return nil
}

// checkImportedSettings validates exported settings as SaveSettings would.
func (s *Service) checkImportedSettings(p domain.Proposal, parts importedParts) error {
	in, err := decodePart[Settings](parts[models.DocumentSettings])
	if err != nil {
		return err
	}
	allowed, err := s.currencies(p)
	if err != nil {
		return err
	}
	if part, ok := parts[models.DocumentBudget]; ok && in.Currency != "" {
		b, err := decodePart[export.BudgetBody](part)
		if err != nil {
			return err
		}
		if b.Currency != in.Currency {
			return domain.Invalid("the settings in the export have problems", domain.Problem{Field: "documents.settings.currency",
				Message: fmt.Sprintf("is %s but the budget is in %s", in.Currency, b.Currency)})
		}
	}
	return checkSettings(in, allowed)
}
