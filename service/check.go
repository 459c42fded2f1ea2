package service

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"iduit/domain"
	"iduit/pdf"
	"iduit/templates"
)

// Issue is one problem the check for errors found, located by section and field.
type Issue struct {
	Section string
	Field   string
	Code    string
	Message string
}

// The issue codes. Errors keep a proposal from being ready; warnings do not.
const (
	CodeRequiredMissing      = "required_missing"
	CodeHardLimitExceeded    = "hard_limit_exceeded"
	CodeRequiredItemUnticked = "required_item_unticked"
	CodeSoftLimitExceeded    = "soft_limit_exceeded"
	CodeTooShort             = "too_short"
	CodeOneLanguage          = "one_language"
	CodeTranslationOutdated  = "translation_outdated"
	CodeUnprintable          = "unprintable_characters"
)

// tooShortWords is where a long answer reads as a placeholder rather than an answer.
const tooShortWords = 10

// CheckReport is the answer to "check for errors", like the funders' portals give before submission.
type CheckReport struct {
	Ready    bool
	Errors   []Issue
	Warnings []Issue
}

// sectionCheck is what the check found in one section, with the counts progress needs.
type sectionCheck struct {
	section        *templates.Section
	errors         []Issue
	warnings       []Issue
	requiredTotal  int
	requiredFilled int
	fieldsFilled   int
}

// Check runs the check for errors over a whole proposal.
func (s *Service) Check(ctx context.Context, acc Access, proposalID string) (CheckReport, error) {
	p, checks, fields, err := s.checkSections(ctx, acc, proposalID)
	if err != nil {
		return CheckReport{}, err
	}
	errs, warns := proposalIssues(p)
	report := CheckReport{Errors: append([]Issue{}, errs...), Warnings: append([]Issue{}, warns...)}
	for _, c := range checks {
		report.Errors = append(report.Errors, c.errors...)
		report.Warnings = append(report.Warnings, c.warnings...)
	}
	budgetErrors, budgetWarnings, err := s.budgetIssues(ctx, p, fields)
	if err != nil {
		return CheckReport{}, err
	}
	report.Errors = append(report.Errors, budgetErrors...)
	report.Warnings = append(report.Warnings, budgetWarnings...)
	recordWarnings, err := s.recordIssues(ctx, p)
	if err != nil {
		return CheckReport{}, err
	}
	tpl, err := s.Template(p)
	if err != nil {
		return CheckReport{}, err
	}
	typedWarnings, err := s.typedNumberIssues(ctx, p, tpl, fields)
	if err != nil {
		return CheckReport{}, err
	}
	recordWarnings = append(recordWarnings, typedWarnings...)
	report.Warnings = withoutDuplicates(append(report.Warnings, recordWarnings...))
	report.Ready = len(report.Errors) == 0
	return report, nil
}

// withoutDuplicates drops an issue that says again what an earlier one said about the same place (two
// package services mapped to one intervention both lacking money read as one finding).
func withoutDuplicates(list []Issue) []Issue {
	seen := make(map[Issue]bool, len(list))
	out := list[:0]
	for _, is := range list {
		if !seen[is] {
			seen[is] = true
			out = append(out, is)
		}
	}
	return out
}

func (s *Service) checkSections(ctx context.Context, acc Access, proposalID string) (domain.Proposal, []sectionCheck, map[string]domain.Fields, error) {
	p, sections, err := s.OpenProposal(ctx, acc, proposalID)
	if err != nil {
		return p, nil, nil, err
	}
	tpl, err := s.Template(p)
	if err != nil {
		return p, nil, nil, err
	}
	checks, byKey := checkAll(p, tpl, sections)
	return p, checks, byKey, nil
}

// checkAll checks every section of the template against the stored drafts; it touches no storage.
func checkAll(p domain.Proposal, tpl *templates.Template, sections []domain.Section) ([]sectionCheck, map[string]domain.Fields) {
	byKey := make(map[string]domain.Fields, len(sections))
	for _, sec := range sections {
		byKey[sec.Key] = sec.Fields
	}
	out := make([]sectionCheck, len(tpl.Sections))
	for i := range tpl.Sections {
		out[i] = checkSection(p, &tpl.Sections[i], byKey[tpl.Sections[i].Key])
	}
	return out, byKey
}

func checkSection(p domain.Proposal, sec *templates.Section, fields domain.Fields) sectionCheck {
	c := sectionCheck{section: sec}
	m := messagesFor(p.Language)
	for i := range sec.Fields {
		f := &sec.Fields[i]
		raw, present := fields[f.Key]
		filled := present && f.Type.Answered(raw, p.Language)
		if filled {
			c.fieldsFilled++
		}
		if f.Required {
			c.requiredTotal++
			if filled {
				c.requiredFilled++
			} else {
				c.errors = append(c.errors, m.issue(sec, f, CodeRequiredMissing))
			}
		}
		if !filled {
			continue
		}
		switch {
		case f.Type.IsText():
			c.checkText(p, f, raw, m)
		case f.Type == templates.TypeChecklist:
			c.checkTicks(f, raw, m)
		}
	}
	return c
}

// checkText applies word limits to every language of the field and looks for missing or outdated
// translations in a bilingual proposal.
func (c *sectionCheck) checkText(p domain.Proposal, f *templates.Field, raw json.RawMessage, m messages) {
	value := readText(raw, p)
	for _, lang := range textLanguages(p) {
		text := value.Side(lang)
		if strings.TrimSpace(text) == "" {
			// The deliverable would print the other language under a "translation missing" mark: a
			// required answer so printed keeps the proposal from being final; an optional one is a warning.
			issue := m.issue(c.section, f, CodeOneLanguage, m.languageName(lang))
			if f.Required {
				c.errors = append(c.errors, issue)
			} else {
				c.warnings = append(c.warnings, issue)
			}
			continue
		}
		if missing := pdf.Undrawable(text); len(missing) > 0 {
			c.warnings = append(c.warnings, m.issue(c.section, f, CodeUnprintable, m.languageName(lang), string(missing)))
		}
		words := domain.CountWords(text)
		limit := f.WordLimit
		switch {
		case limit != nil && limit.Hard > 0 && words > limit.Hard:
			c.errors = append(c.errors, m.issue(c.section, f, CodeHardLimitExceeded, m.languageName(lang), words, limit.Hard))
		case limit != nil && limit.Soft > 0 && words > limit.Soft:
			c.warnings = append(c.warnings, m.issue(c.section, f, CodeSoftLimitExceeded, m.languageName(lang), words, limit.Soft))
		case f.Type == templates.TypeLongText && words < tooShortWords:
			c.warnings = append(c.warnings, m.issue(c.section, f, CodeTooShort, m.languageName(lang), words))
		}
	}
	if p.Bilingual && value.Outdated != "" {
		c.warnings = append(c.warnings, m.issue(c.section, f, CodeTranslationOutdated, m.languageName(value.Outdated)))
	}
}

// checkTicks reports every required checklist item left unticked.
func (c *sectionCheck) checkTicks(f *templates.Field, raw json.RawMessage, m messages) {
	ticked := domain.ReadTicks(raw)
	for _, o := range f.Options {
		if o.Required && !slices.Contains(ticked, o.Key) {
			c.errors = append(c.errors, m.issue(c.section, f, CodeRequiredItemUnticked, o.Label[m.lang]))
		}
	}
}
