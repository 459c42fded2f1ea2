package service

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"iduit/domain"
)

// Shared rules of the funding request's record lists (intervention records, priorities, consultations):
// their text values are read and checked exactly as a section's text fields are, so a bilingual
// proposal's records are bilingual too.

// Funding statuses of an intervention record and a priority: in the allocation, in the prioritized
// above-allocation request (PAAR), or left out with a reason.
// The names and their words are domain's (domain.FundingStatusName).
const (
	FundingAllocation  = domain.FundingAllocation
	FundingPAAR        = domain.FundingPAAR
	FundingNotIncluded = domain.FundingNotIncluded
)

// FundingStatuses lists them in the order a form offers them.
var FundingStatuses = domain.FundingStatuses

// Limits on record lists: a national request has tens of interventions and priorities, not thousands.
const (
	maxRecords       = 300
	maxRecordListLen = 20
	maxRecordID      = 64
	// maxPAARAmount (minor units, 10^15) is far above any request and keeps the PAAR total of
	// maxRecords records exact in an int64.
	maxPAARAmount = 1_000_000_000_000_000
)

// recordIDPattern keeps ids safe in paths and references.
var recordIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// problems collects the problems of one save, each naming its field.
type problems []domain.Problem

func (ps *problems) add(pr *domain.Problem) {
	if pr != nil {
		*ps = append(*ps, *pr)
	}
}

func (ps *problems) addf(field, format string, args ...any) {
	*ps = append(*ps, domain.Problem{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err(message string) error {
	if len(ps) == 0 {
		return nil
	}
	return domain.Invalid(message, ps...)
}

// checkRecordText checks a text value of a record as a section's text field of that length would be
// checked: a string in a proposal in one language, an object {"en", "ru"} in a bilingual one. A
// required text must be written in at least one language; the check reports a missing translation.
func checkRecordText(ps *problems, name string, raw json.RawMessage, p domain.Proposal, long, required bool) {
	if isNull(raw) {
		if required {
			ps.addf(name, "is required")
		}
		return
	}
	before := len(*ps)
	max := maxShortText
	if long {
		max = domain.MaxLongTextLength
	}
	if p.Bilingual {
		ps.add(checkBilingualText(name, raw, max, long))
	} else {
		ps.add(checkString(name, raw, max, long))
	}
	if required && len(*ps) == before && !textFilled(raw, p) {
		ps.addf(name, "is required")
	}
}

// textFilled says whether a text value has words in any language.
func textFilled(raw json.RawMessage, p domain.Proposal) bool {
	v := readText(raw, p)
	return strings.TrimSpace(v.EN) != "" || strings.TrimSpace(v.RU) != ""
}

// checkRecordID checks one record's id and that no other record of the list has it.
func checkRecordID(ps *problems, name, id string, seen map[string]bool) {
	switch {
	case id == "":
		ps.addf(name, "is required")
	case len(id) > maxRecordID || !recordIDPattern.MatchString(id):
		ps.addf(name, "must be 1 to %d letters, digits, - or _", maxRecordID)
	case seen[id]:
		ps.addf(name, "%q is given to two records", id)
	}
	seen[id] = true
}

// checkNames checks a short list of names (implementers, principal recipients).
func checkNames(ps *problems, name string, list []string) {
	if len(list) > maxRecordListLen {
		ps.addf(name, "has %d names; the limit is %d", len(list), maxRecordListLen)
		return
	}
	for i, n := range list {
		ps.add(domain.CheckRequiredText(fmt.Sprintf("%s[%d]", name, i), n, maxShortText))
	}
}
