package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/service"
	"iduit/templates"
)

// issueView is one finding of the check, with the address of the field it is about.
type issueView struct {
	service.Issue
	Section *templates.Section
	Link    string
}

type checkPage struct {
	Base
	Head     proposalHead
	Ready    bool
	Errors   []issueView
	Warnings []issueView
}

// checkPage runs the check for errors and links every finding to its field on the section page.
func (p *Pages) checkPage(c *gin.Context) {
	head, err := p.loadHead(c, "check")
	if err != nil {
		p.fail(c, err)
		return
	}
	report, err := p.svc.Check(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := checkPage{Base: p.base(c, tr(c, "check.title")+" · "+head.Proposal.Title), Head: head, Ready: report.Ready,
		Errors: issueViews(head, report.Errors), Warnings: issueViews(head, report.Warnings)}
	p.render(c, http.StatusOK, "check", data)
}

// documentPages are the pages of findings located in a versioned document rather than a template
// section; a document without a page gets no link.
var documentPages = map[string]string{"budget": "/budget", "indicators": "/indicators", "settings": "/settings",
	"interventions": "/interventions", "priorities": "/priorities", "ccm_process": "/ccm-process",
	"proposal": "/settings"} // a bilingual proposal's translated title, country and network are set there

func issueViews(head proposalHead, in []service.Issue) []issueView {
	out := make([]issueView, len(in))
	for i, is := range in {
		sec, _ := head.Template.Section(is.Section)
		link := sectionURL(head.Proposal.ID, is.Section) + "#field-" + is.Field
		if page, ok := documentPages[is.Section]; ok && sec == nil {
			link = ""
			if page != "" {
				link = "/proposals/" + head.Proposal.ID + page
			}
		}
		out[i] = issueView{Issue: is, Section: sec, Link: link}
	}
	return out
}
