package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/templates"
)

// activityPageSize is how many entries of the proposal's log one page shows.
const activityPageSize = 50

type activityPage struct {
	Base
	Head       proposalHead
	Items      []activityView
	Prev, Next string
}

// activityView is one log entry with what it refers to made readable: the section by its title, the
// status by its name, and the note someone left when changing it.
type activityView struct {
	Activity domain.Activity
	Section  *templates.Section
	Status   string
	Note     string
	// SuggestedBy names whose suggestion an acceptance applied, when this reader may see them.
	SuggestedBy string
}

func toActivityView(tpl *templates.Template, a domain.Activity) activityView {
	v := activityView{Activity: a}
	switch a.Kind {
	case domain.ActivitySectionSaved, domain.ActivitySectionRestored:
		v.Section, _ = tpl.Section(a.Subject)
	case domain.ActivityCommentAdded, domain.ActivityCommentEdited, domain.ActivityCommentDeleted,
		domain.ActivityCommentResolved, domain.ActivityCommentReopened, domain.ActivitySuggestionAdded,
		domain.ActivitySuggestionAccepted, domain.ActivitySuggestionRejected, domain.ActivitySuggestionWithdrawn:
		v.Section, _ = tpl.Section(a.Detail)
	case domain.ActivityStatusChanged:
		v.Status, v.Note = a.Subject, a.Detail
	}
	return v
}

// activityPage is the proposal's log: who saved, commented, restored or changed the status, and when.
func (p *Pages) activityPage(c *gin.Context) {
	head, err := p.loadHead(c, "activity")
	if err != nil {
		p.fail(c, err)
		return
	}
	offset, _ := strconv.Atoi(c.Query("offset"))
	page := domain.Page{Limit: activityPageSize, Offset: max(offset, 0)}
	items, total, err := p.svc.Activity(c.Request.Context(), mustAccess(c), head.Proposal.ID, page)
	if err != nil {
		p.fail(c, err)
		return
	}
	names, err := p.memberNames(c, head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := activityPage{Base: p.base(c, tr(c, "activity.title")+" · "+head.Proposal.Title), Head: head}
	for _, it := range items {
		v := toActivityView(head.Template, it)
		if it.Kind == domain.ActivitySuggestionAccepted {
			v.SuggestedBy = names[it.Subject] // empty for a hidden reviewer: the service blanked the id
		}
		data.Items = append(data.Items, v)
	}
	base := "/proposals/" + head.Proposal.ID + "/activity?offset="
	if page.Offset > 0 {
		data.Prev = base + strconv.Itoa(max(page.Offset-activityPageSize, 0))
	}
	if int64(page.Offset+activityPageSize) < total {
		data.Next = base + strconv.Itoa(page.Offset+activityPageSize)
	}
	p.render(c, http.StatusOK, "activity", data)
}
