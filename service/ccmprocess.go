package service

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// CCMProcess is a proposal's evidence of the CCM process as stored: the consultations held and the
// endorsement.
type CCMProcess = export.CCMProcessBody

// Participant groups a consultation may count. People who use drugs, women and young people are named
// because the funding request must show they took part; the groups overlap, so counts need not add up
// to the total.
var ParticipantGroups = []string{"people_who_use_drugs", "women", "young_people", "people_living_with_hiv", "sex_workers",
	"men_who_have_sex_with_men", "transgender_people", "civil_society", "government", "development_partners", "other"}

// Signatory roles and constituencies of the endorsement. Since 2023 a funding request is endorsed by
// the CCM Chair and the civil-society representative, or the government representative when the Chair
// is from civil society (Operational Policy Manual; domain/gf-gc7-gc8.md §0).
const (
	RoleChair                = "chair"
	RoleCivilSocietyRep      = "civil_society_representative"
	RoleGovernmentRep        = "government_representative"
	ConstituencyGovernment   = "government"
	ConstituencyCivilSociety = "civil_society"
	ConstituencyOther        = "other"
)

// Limits of the CCM process evidence: a country dialogue has tens of meetings, each of at most a few
// hundred people; the caps only keep one request from being absurd.
const (
	maxConsultations          = 200
	maxConsultationAttendance = 100_000
)

// SignatoryRoles and Constituencies list the accepted values.
var (
	SignatoryRoles = []string{RoleChair, RoleCivilSocietyRep, RoleGovernmentRep}
	Constituencies = []string{ConstituencyGovernment, ConstituencyCivilSociety, ConstituencyOther}
)

// ccmProcessDocument is the CCM process evidence as a versioned proposal document.
var ccmProcessDocument = documentKind[CCMProcess]{kind: models.DocumentCCMProcess, activity: domain.ActivityCCMProcessSaved}

// CCMProcess returns a proposal's CCM process evidence.
func (s *Service) CCMProcess(ctx context.Context, acc Access, proposalID string) (CCMProcess, domain.Document, error) {
	_, body, doc, err := ccmProcessDocument.read(ctx, s, acc, proposalID)
	return normalCCMProcess(body), doc, err
}

func normalCCMProcess(b CCMProcess) CCMProcess {
	if b.Consultations == nil {
		b.Consultations = []export.Consultation{}
	}
	for i := range b.Consultations {
		if b.Consultations[i].Participants == nil {
			b.Consultations[i].Participants = []export.ParticipantGroup{}
		}
	}
	if b.Endorsement.Signatories == nil {
		b.Endorsement.Signatories = []export.Signatory{}
	}
	return b
}

// SaveCCMProcess validates and saves the CCM process evidence.
func (s *Service) SaveCCMProcess(ctx context.Context, acc Access, proposalID string, expected int, in CCMProcess) (domain.Document, error) {
	return ccmProcessDocument.save(ctx, s, acc, proposalID, expected, func(p domain.Proposal) (CCMProcess, error) {
		return normalCCMProcess(in), checkCCMProcess(p, in)
	})
}

func checkCCMProcess(p domain.Proposal, in CCMProcess) error {
	var ps problems
	if len(in.Consultations) > maxConsultations {
		ps.addf("consultations", "has %d consultations; the limit is %d", len(in.Consultations), maxConsultations)
	}
	for i, c := range in.Consultations {
		at := func(name string) string { return fmt.Sprintf("consultations[%d].%s", i, name) }
		checkDateText(&ps, at("date"), c.Date, true)
		ps.add(domain.CheckRequiredText(at("place"), c.Place, maxShortText))
		if c.ParticipantsTotal < 0 || c.ParticipantsTotal > maxConsultationAttendance {
			ps.addf(at("participants_total"), "must be between 0 and %d", maxConsultationAttendance)
		}
		groups := map[string]bool{}
		for j, g := range c.Participants {
			where := fmt.Sprintf("consultations[%d].participants[%d]", i, j)
			switch {
			case !slices.Contains(ParticipantGroups, g.Group):
				ps.addf(where+".group", "must be one of %v", ParticipantGroups)
			case groups[g.Group]:
				ps.addf(where+".group", "%q is counted twice", g.Group)
			}
			groups[g.Group] = true
			if g.Count < 0 || g.Count > c.ParticipantsTotal {
				ps.addf(where+".count", "must be between 0 and participants_total (%d)", c.ParticipantsTotal)
			}
		}
		checkRecordText(&ps, at("outcome"), c.Outcome, p, true, false)
	}
	e := in.Endorsement
	checkDateText(&ps, "endorsement.meeting_date", e.MeetingDate, false)
	ps.add(domain.CheckText("endorsement.minutes_reference", e.MinutesReference, maxShortText, false))
	checkSignatories(&ps, e.Signatories)
	return ps.err("the CCM process has problems")
}

func checkDateText(ps *problems, name, s string, required bool) {
	if s == "" {
		if required {
			ps.addf(name, "is required")
		}
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		ps.addf(name, "must be a date YYYY-MM-DD")
	}
}

// checkSignatories checks each signatory and, once the Chair and a second signatory are named, that
// they are the pair the policy requires. Fewer is allowed while drafting; the check reports it.
func checkSignatories(ps *problems, list []export.Signatory) {
	if len(list) > 2 {
		ps.addf("endorsement.signatories", "names %d people; the endorsement has two signatories", len(list))
		return
	}
	roles := map[string]bool{}
	for i, sg := range list {
		at := func(name string) string { return fmt.Sprintf("endorsement.signatories[%d].%s", i, name) }
		switch {
		case !slices.Contains(SignatoryRoles, sg.Role):
			ps.addf(at("role"), "must be one of %v", SignatoryRoles)
		case roles[sg.Role]:
			ps.addf(at("role"), "%q is named twice", sg.Role)
		}
		roles[sg.Role] = true
		ps.add(domain.CheckRequiredText(at("name"), sg.Name, maxShortText))
		if !slices.Contains(Constituencies, sg.Constituency) {
			ps.addf(at("constituency"), "must be one of %v", Constituencies)
		}
	}
	if want, ok := secondSignatory(list); ok && len(list) == 2 && !roles[want] {
		ps.addf("endorsement.signatories", "the Chair is from %s, so the second signatory must be the %s",
			strings.ReplaceAll(chairConstituency(list), "_", " "), strings.ReplaceAll(want, "_", " "))
	}
}

// secondSignatory is the role the policy requires beside the Chair: the government representative
// when the Chair is from civil society, the civil-society representative otherwise. ok is false when
// no Chair is named.
func secondSignatory(list []export.Signatory) (string, bool) {
	for _, sg := range list {
		if sg.Role == RoleChair {
			if sg.Constituency == ConstituencyCivilSociety {
				return RoleGovernmentRep, true
			}
			return RoleCivilSocietyRep, true
		}
	}
	return "", false
}

func chairConstituency(list []export.Signatory) string {
	for _, sg := range list {
		if sg.Role == RoleChair {
			return sg.Constituency
		}
	}
	return ""
}

// checkImportedCCMProcess validates exported CCM process evidence as a save would.
func (s *Service) checkImportedCCMProcess(p domain.Proposal, parts importedParts) error {
	body, err := decodePart[CCMProcess](parts[models.DocumentCCMProcess])
	if err != nil {
		return err
	}
	return checkCCMProcess(p, body)
}
