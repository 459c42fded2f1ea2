package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// listPageSize keeps the list short on a slow connection; each row costs a progress computation.
const listPageSize = 20

type proposalRow struct {
	Proposal domain.Proposal
	Template *templates.Template
	Progress service.Progress
	Complete int
	Total    int
	// Comments counts the proposal's open comments.
	Comments int
}

type proposalsPage struct {
	Base
	Rows       []proposalRow
	Total      int64
	Prev, Next string
}

func (p *Pages) proposalList(c *gin.Context) {
	user := mustUser(c)
	offset, _ := strconv.Atoi(c.Query("offset"))
	page := domain.Page{Limit: listPageSize, Offset: max(offset, 0)}
	items, total, err := p.svc.Proposals(c.Request.Context(), user, page)
	if err != nil {
		p.fail(c, err)
		return
	}
	progress, err := p.svc.ProgressOfList(c.Request.Context(), items)
	if err != nil {
		p.fail(c, err)
		return
	}
	comments, err := p.svc.OpenCommentCounts(c.Request.Context(), items)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := proposalsPage{Base: p.base(c, tr(c, "proposals.title")), Total: total}
	for _, it := range items {
		row := proposalRow{Proposal: it, Progress: progress[it.ID]}
		for _, n := range comments[it.ID] {
			row.Comments += n
		}
		row.Template, _ = p.svc.Template(it)
		row.Complete, row.Total = row.Progress.Counts[service.StateComplete], len(row.Progress.Sections)
		data.Rows = append(data.Rows, row)
	}
	if page.Offset > 0 {
		data.Prev = "/proposals?offset=" + strconv.Itoa(max(page.Offset-listPageSize, 0))
	}
	if int64(page.Offset+listPageSize) < total {
		data.Next = "/proposals?offset=" + strconv.Itoa(page.Offset+listPageSize)
	}
	p.render(c, http.StatusOK, "proposals", data)
}

// newProposalPage is the form to start a proposal from a template.
type newProposalPage struct {
	Base
	Templates []*templates.Template
	Form      newProposalForm
	Problems  map[string]string
}

type newProposalForm struct {
	Template, Title, Country, Network, Language, SubmissionLanguage string
	// TitleTranslation, CountryTranslation and NetworkTranslation are the texts in the other language,
	// kept for a bilingual proposal only.
	TitleTranslation, CountryTranslation, NetworkTranslation string
	Bilingual                                                bool
}

func (p *Pages) newProposalPage(c *gin.Context) {
	// The current funding request is preselected (and listed first): a first-time writer who does not
	// read the choices still gets the form the Global Fund uses today, never the retired concept note.
	form := newProposalForm{Template: templates.DefaultKey, Language: langOf(c), SubmissionLanguage: "en"}
	p.render(c, http.StatusOK, "new", newProposalPage{Base: p.base(c, tr(c, "new.title")), Templates: p.svc.Templates().List(), Form: form})
}

func (p *Pages) createProposal(c *gin.Context) {
	f := newProposalForm{
		Template: c.PostForm("template"), Title: c.PostForm("title"), Country: c.PostForm("country"), Network: c.PostForm("network"),
		Language: c.PostForm("language"), SubmissionLanguage: c.PostForm("submission_language"), Bilingual: c.PostForm("bilingual") == "on",
		TitleTranslation: c.PostForm("title_translation"), CountryTranslation: c.PostForm("country_translation"),
		NetworkTranslation: c.PostForm("network_translation"),
	}
	in := service.ProposalInput{Template: f.Template, Title: &f.Title, Country: &f.Country, Network: &f.Network, Language: &f.Language, Bilingual: &f.Bilingual}
	if f.Bilingual { // a one-language proposal keeps no translation: what was typed there is left out
		in.SubmissionLanguage = &f.SubmissionLanguage
		in.TitleTranslation, in.CountryTranslation, in.NetworkTranslation = &f.TitleTranslation, &f.CountryTranslation, &f.NetworkTranslation
	}
	prop, err := p.svc.CreateProposal(c.Request.Context(), mustUser(c), in)
	if domain.ErrorKind(err) == domain.KindInvalid {
		data := newProposalPage{Base: p.base(c, tr(c, "new.title")), Templates: p.svc.Templates().List(), Form: f, Problems: map[string]string{}}
		e, _ := domain.AsError(err)
		for _, pr := range p.problems(c, e.Problems) {
			data.Problems[pr.Field] = pr.Message
		}
		p.render(c, http.StatusBadRequest, "new", data)
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/proposals/"+prop.ID)
}
