package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

type membersPage struct {
	Base
	Head     proposalHead
	Members  []domain.Member
	Roles    []domain.Role
	Me       string
	Email    string
	Role     string
	Problems map[string]string
	Error    string
	// Invitations are the pending ones, shown to owners.
	Invitations []domain.Invitation
}

func (p *Pages) membersPage(c *gin.Context) {
	p.showMembers(c, http.StatusOK, membersPage{Role: string(domain.RoleEditor)})
}

// showMembers renders the list; a refused addition shows it again with the typed address kept.
func (p *Pages) showMembers(c *gin.Context, status int, data membersPage) {
	head, err := p.loadHead(c, "members")
	if err != nil {
		p.fail(c, err)
		return
	}
	members, err := p.svc.Members(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data.Base, data.Head, data.Members, data.Roles, data.Me = p.base(c, tr(c, "members.title")+" · "+head.Proposal.Title), head, members, domain.Roles(), mustUser(c).ID
	if head.Can.ManageMembers {
		if data.Invitations, err = p.svc.Invitations(c.Request.Context(), mustAccess(c), head.Proposal.ID); err != nil {
			p.fail(c, err)
			return
		}
	}
	switch {
	case c.Query("added") != "":
		data.Flash = tr(c, "members.added")
	case c.Query("invited") != "":
		data.Flash = tr(c, "members.invited")
	case c.Query("revoked") != "":
		data.Flash = tr(c, "members.revoked")
	}
	p.render(c, status, "members", data)
}

// addMember gives an existing account a role, or invites by e-mail a person who has no account yet (the
// mail in the page's language).
func (p *Pages) addMember(c *gin.Context) {
	if _, err := p.loadHead(c, "members"); err != nil {
		p.fail(c, err)
		return
	}
	email, role := c.PostForm("email"), c.PostForm("role")
	invited, err := p.svc.AddOrInvite(c.Request.Context(), mustAccess(c), c.Param("id"), email, domain.Role(role), langOf(c))
	if err == nil {
		outcome := "added"
		if invited {
			outcome = "invited"
		}
		redirect(c, "/proposals/"+c.Param("id")+"/members?"+outcome+"=1")
		return
	}
	e, ok := domain.AsError(err)
	if !ok || (e.Kind != domain.KindInvalid && e.Kind != domain.KindNotFound && e.Kind != domain.KindConflict) {
		p.fail(c, err)
		return
	}
	data := membersPage{Email: email, Role: role, Problems: map[string]string{}}
	for _, pr := range p.problems(c, e.Problems) {
		data.Problems[pr.Field] = pr.Message
	}
	if e.Kind != domain.KindInvalid {
		data.Error = tr(c, "members.error."+string(e.Kind))
	}
	p.showMembers(c, http.StatusBadRequest, data)
}

// removeMember takes someone off the proposal; a member leaving goes back to their list.
func (p *Pages) removeMember(c *gin.Context) {
	userID := c.Param("userID")
	if err := p.svc.RemoveMember(c.Request.Context(), mustAccess(c), c.Param("id"), userID); err != nil {
		p.fail(c, err)
		return
	}
	if userID == mustUser(c).ID {
		redirect(c, "/proposals")
		return
	}
	redirect(c, "/proposals/"+c.Param("id")+"/members")
}

// revokeInvitation stops a pending invitation's link from working.
func (p *Pages) revokeInvitation(c *gin.Context) {
	if err := p.svc.RevokeInvitation(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("iid")); err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/proposals/"+c.Param("id")+"/members?revoked=1")
}
