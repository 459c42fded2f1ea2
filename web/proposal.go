package web

import (
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// proposalHead is what every page of one proposal shows at the top: its title, status and tabs.
type proposalHead struct {
	Proposal domain.Proposal
	Template *templates.Template
	Can      service.Abilities
	Tab      string
}

// loadHead loads a proposal the user is a member of, with what they may do.
func (p *Pages) loadHead(c *gin.Context, tab string) (proposalHead, error) {
	prop, err := p.svc.Proposal(c.Request.Context(), mustAccess(c), c.Param("id"), domain.ActionRead)
	if err != nil {
		return proposalHead{}, err
	}
	tpl, err := p.svc.Template(prop)
	if err != nil {
		return proposalHead{}, err
	}
	return proposalHead{Proposal: prop, Template: tpl, Can: p.svc.Abilities(prop), Tab: tab}, nil
}

type sectionRow struct {
	Section  *templates.Section
	Progress service.SectionProgress
	// Comments counts the section's open comments.
	Comments int
}

type proposalPage struct {
	Base
	Head     proposalHead
	Sections []sectionRow
	Next     *templates.Section
	Complete int
	Problems []problemView
	// Chart draws the sections' states; the list below carries the same facts as text.
	Chart template.HTML
	// Comments draws the open comments per section (the counts the section list shows), with Threads as the
	// table beside it.
	Comments template.HTML
	Threads  []summaryRow
}

func (p *Pages) proposalPage(c *gin.Context) {
	p.showProposal(c, http.StatusOK, nil)
}

// showProposal renders the overview; a refused status change shows it again with the reasons.
func (p *Pages) showProposal(c *gin.Context, status int, problems []problemView) {
	head, err := p.loadHead(c, "overview")
	if err != nil {
		p.fail(c, err)
		return
	}
	progress, err := p.svc.Progress(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	comments, err := p.svc.OpenCommentCounts(c.Request.Context(), []domain.Proposal{head.Proposal})
	if err != nil {
		p.fail(c, err)
		return
	}
	data := proposalPage{Base: p.base(c, head.Proposal.Title), Head: head, Complete: progress.Counts[service.StateComplete], Problems: problems,
		Chart: progressChart(c, progress)}
	for _, sp := range progress.Sections {
		sec, _ := head.Template.Section(sp.Key)
		data.Sections = append(data.Sections, sectionRow{Section: sec, Progress: sp, Comments: comments[head.Proposal.ID][sp.Key]})
	}
	data.Next, _ = head.Template.Section(progress.NextSection)
	data.Comments, data.Threads = commentsChart(c, data.Sections, comments[head.Proposal.ID])
	if c.Query("status") != "" {
		data.Flash = tr(c, "proposal.status_changed")
	}
	p.render(c, status, "proposal", data)
}

// changeStatus moves the proposal along the review workflow. Marking it final while the check finds
// errors shows the overview again with each error.
func (p *Pages) changeStatus(c *gin.Context) {
	_, err := p.svc.ChangeStatus(c.Request.Context(), mustAccess(c), c.Param("id"), c.PostForm("status"), c.PostForm("note"))
	if e, ok := domain.AsError(err); ok && e.Kind == domain.KindUnprocessable {
		p.showProposal(c, http.StatusUnprocessableEntity, p.problems(c, e.Problems))
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/proposals/"+c.Param("id")+"?status=changed")
}
