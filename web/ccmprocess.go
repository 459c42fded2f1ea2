package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/export"
	"iduit/service"
)

// ccmProcessPage is the CCM process evidence as a form: consultations with who took part, and the
// endorsement with its two signatories.
type ccmProcessPage struct {
	Base
	Head           proposalHead
	Version        int
	Rows           []consultationRow
	Groups         []string
	Roles          []string
	Constituencies []string
	Languages      []string
	Meeting        string
	Minutes        string
	Signatories    [2]signatoryRow
	Errors         map[string]string
	Problems       []problemView
	Conflict       bool
}

// consultationRow is one consultation as typed.
type consultationRow struct {
	N                  int
	Date, Place, Total string
	Counts             map[string]string // group → count
	Outcome            map[string]string // language → text
	Errors             map[string]string
}

type signatoryRow struct{ Role, Name, Constituency string }

func (r consultationRow) empty() bool {
	s := r.Date + r.Place + r.Total
	for _, v := range r.Counts {
		s += v
	}
	for _, v := range r.Outcome {
		s += v
	}
	return strings.TrimSpace(s) == ""
}

func (p *Pages) ccmProcessPage(c *gin.Context) {
	showDocument(p, c, "ccm-process", tr(c, "ccm.saved"), func(head proposalHead) (ccmProcessPage, error) {
		stored, doc, err := p.svc.CCMProcess(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		if err != nil {
			return ccmProcessPage{}, err
		}
		data := p.ccmProcessData(c, head, doc.Version)
		fillCCMProcess(&data, head, stored)
		return data, nil
	})
}

// saveCCMProcess is the no-JavaScript save, in the budget page's pattern.
func (p *Pages) saveCCMProcess(c *gin.Context) {
	head, err := p.loadHead(c, "ccm-process")
	if err != nil {
		p.fail(c, err)
		return
	}
	_ = c.Request.ParseForm()
	version, _ := strconv.Atoi(c.PostForm("version"))
	data := p.ccmProcessData(c, head, version)
	readCCMProcessForm(c, &data)
	in, problems := parseCCMProcess(head, data)
	status, problems, done := p.saveDocumentForm(c, head, "ccm-process", len(problems) == 0, problems, func() error {
		_, err := p.svc.SaveCCMProcess(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, in)
		return err
	})
	if done {
		return
	}
	if status == http.StatusConflict {
		_, doc, _ := p.svc.CCMProcess(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		data.Conflict, data.Version = true, doc.Version
	}
	data.Problems = p.problems(c, problems)
	others := placeRowProblems(data.Problems, problems, consultationPath, "c", func(row int) map[string]string {
		if row < len(data.Rows) {
			return data.Rows[row].Errors
		}
		return nil
	}, func(n int) string { return tr(c, "ccm.consultation", n) })
	for _, i := range others {
		data.Errors[problems[i].Field] = data.Problems[i].Message
		data.Problems[i].Anchor = "endorsement"
	}
	data.Rows = append(data.Rows, newConsultationRow(data.Languages))
	for i := range data.Rows {
		data.Rows[i].N = i
	}
	p.render(c, status, "ccm-process", data)
}

var consultationPath = regexp.MustCompile(`^consultations\[(\d+)\]\.([a-z_]+)`)

func (p *Pages) ccmProcessData(c *gin.Context, head proposalHead, version int) ccmProcessPage {
	return ccmProcessPage{Base: p.base(c, tr(c, "ccm.title")+" · "+head.Proposal.Title), Head: head, Version: version,
		Groups: service.ParticipantGroups, Roles: service.SignatoryRoles, Constituencies: service.Constituencies,
		Languages: textLanguages(head.Proposal), Errors: map[string]string{}}
}

func newConsultationRow(langs []string) consultationRow {
	r := consultationRow{Counts: map[string]string{}, Outcome: map[string]string{}, Errors: map[string]string{}}
	for _, l := range langs {
		r.Outcome[l] = ""
	}
	return r
}

func fillCCMProcess(d *ccmProcessPage, head proposalHead, in service.CCMProcess) {
	for _, con := range in.Consultations {
		r := newConsultationRow(d.Languages)
		r.Date, r.Place, r.Total = con.Date, con.Place, strconv.Itoa(con.ParticipantsTotal)
		for _, g := range con.Participants {
			r.Counts[g.Group] = strconv.Itoa(g.Count)
		}
		v := domain.ReadText(con.Outcome, head.Proposal.Language)
		for _, l := range d.Languages {
			r.Outcome[l] = v.Side(l)
		}
		d.Rows = append(d.Rows, r)
	}
	d.Rows = append(d.Rows, newConsultationRow(d.Languages))
	for i := range d.Rows {
		d.Rows[i].N = i
	}
	d.Meeting, d.Minutes = in.Endorsement.MeetingDate, in.Endorsement.MinutesReference
	for i, sg := range in.Endorsement.Signatories {
		if i < len(d.Signatories) {
			d.Signatories[i] = signatoryRow(sg)
		}
	}
}

func readCCMProcessForm(c *gin.Context, d *ccmProcessPage) {
	n, _ := strconv.Atoi(c.PostForm("rows"))
	for i := 0; i < min(n, maxRecordRows); i++ {
		at := "c." + strconv.Itoa(i) + "."
		r := newConsultationRow(d.Languages)
		r.Date, r.Place, r.Total = c.PostForm(at+"date"), c.PostForm(at+"place"), c.PostForm(at+"participants_total")
		for _, g := range d.Groups {
			if v := strings.TrimSpace(c.PostForm(at + "group." + g)); v != "" {
				r.Counts[g] = v
			}
		}
		for _, l := range d.Languages {
			r.Outcome[l] = c.PostForm(at + "outcome." + l)
		}
		if c.PostForm(at+"remove") != "" || r.empty() {
			continue
		}
		d.Rows = append(d.Rows, r)
	}
	d.Meeting, d.Minutes = c.PostForm("meeting_date"), c.PostForm("minutes_reference")
	for i := range d.Signatories {
		at := "s." + strconv.Itoa(i) + "."
		d.Signatories[i] = signatoryRow{Role: c.PostForm(at + "role"), Name: c.PostForm(at + "name"), Constituency: c.PostForm(at + "constituency")}
	}
}

// parseCCMProcess turns the typed form into the evidence; counts that are not whole numbers are
// reported here, since the service only sees integers.
func parseCCMProcess(head proposalHead, d ccmProcessPage) (service.CCMProcess, []domain.Problem) {
	out := service.CCMProcess{Consultations: []export.Consultation{},
		Endorsement: export.Endorsement{MeetingDate: strings.TrimSpace(d.Meeting), MinutesReference: strings.TrimSpace(d.Minutes), Signatories: []export.Signatory{}}}
	var problems []domain.Problem
	count := func(field, s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil && strings.TrimSpace(s) != "" {
			problems = append(problems, *domain.NewProblem(field, domain.ProblemNotNumber))
		}
		return n
	}
	for i, r := range d.Rows {
		at := "consultations[" + strconv.Itoa(i) + "]."
		con := export.Consultation{Date: strings.TrimSpace(r.Date), Place: strings.TrimSpace(r.Place), Participants: []export.ParticipantGroup{},
			ParticipantsTotal: count(at+"participants_total", r.Total)}
		for j, g := range d.Groups {
			if v, ok := r.Counts[g]; ok {
				con.Participants = append(con.Participants, export.ParticipantGroup{Group: g, Count: count(at+"participants["+strconv.Itoa(j)+"]", v)})
			}
		}
		con.Outcome = textValue(head, r.Outcome)
		out.Consultations = append(out.Consultations, con)
	}
	for _, sg := range d.Signatories {
		if strings.TrimSpace(sg.Role+sg.Name+sg.Constituency) != "" {
			out.Endorsement.Signatories = append(out.Endorsement.Signatories, export.Signatory{Role: sg.Role, Name: strings.TrimSpace(sg.Name), Constituency: sg.Constituency})
		}
	}
	return out, problems
}
