package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// accountPage is the data of the sign-in and sign-up pages. The password is never sent back.
type accountPage struct {
	Base
	Email, Name, Next string
	Error             string
	Problems          map[string]string
	MinPassword       int
	// Reset says the person has just chosen a new password.
	Reset bool
	// Invitation is the token of the invitation link that opened sign-up, and Invited what it is for.
	Invitation string
	Invited    string
}

// home sends people where they can do something: their proposals, or the sign-in.
func (p *Pages) home(c *gin.Context) {
	if _, ok := userOf(c); ok {
		redirect(c, "/proposals")
		return
	}
	redirect(c, "/signin")
}

func (p *Pages) signInPage(c *gin.Context) {
	if _, ok := userOf(c); ok {
		redirect(c, localPath(c.Query("next"), "/proposals"))
		return
	}
	p.render(c, http.StatusOK, "signin", accountPage{Base: p.base(c, tr(c, "signin.title")), Next: c.Query("next"), Reset: c.Query("reset") == "1"})
}

func (p *Pages) signIn(c *gin.Context) {
	email, next := c.PostForm("email"), c.PostForm("next")
	token, sess, err := p.svc.SignIn(c.Request.Context(), email, c.PostForm("password"), c.ClientIP())
	if domain.ErrorKind(err) == domain.KindUnauthenticated {
		data := accountPage{Base: p.base(c, tr(c, "signin.title")), Email: email, Next: next, Error: tr(c, "signin.wrong")}
		p.render(c, http.StatusUnauthorized, "signin", data)
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	p.setSessionCookie(c, token, sess.ExpiresAt)
	p.rememberBrowserZone(c, token)
	redirect(c, localPath(next, "/proposals"))
}

func (p *Pages) signUpPage(c *gin.Context) {
	data := accountPage{Base: p.base(c, tr(c, "signup.title")), Next: c.Query("next"), MinPassword: service.MinPasswordLength}
	if token := c.Query("invitation"); token != "" {
		if _, ok := p.withInvitation(c, &data, token); !ok {
			return
		}
	}
	p.render(c, http.StatusOK, "signup", data)
}

// withInvitation fills the sign-up page from an invitation link: the address it was sent to, and what it
// is for. A dead link is said plainly, and the page still offers an ordinary sign-up.
func (p *Pages) withInvitation(c *gin.Context, data *accountPage, token string) (domain.Invitation, bool) {
	inv, err := p.svc.InvitationFor(c.Request.Context(), token)
	if domain.ErrorKind(err) == domain.KindNotFound {
		data.Error = tr(c, "signup.invitation_dead")
		return inv, true
	}
	if err != nil {
		p.fail(c, err)
		return inv, false
	}
	data.Invitation, data.Email = token, inv.Email
	data.Invited = tr(c, "signup.invited", inv.InvitedBy.Name, inv.ProposalTitle, tr(c, "role."+string(inv.Role)))
	data.Next = "/proposals/" + inv.ProposalID
	return inv, true
}

// signUp creates the account and signs the person in at once: one form, not two.
func (p *Pages) signUp(c *gin.Context) {
	in := service.RegisterInput{Email: c.PostForm("email"), Name: c.PostForm("name"), Password: c.PostForm("password"),
		Invitation: c.PostForm("invitation"), Lang: langOf(c)}
	next := c.PostForm("next")
	_, err := p.svc.Register(c.Request.Context(), in)
	if k := domain.ErrorKind(err); k == domain.KindInvalid || k == domain.KindConflict {
		data := accountPage{Base: p.base(c, tr(c, "signup.title")), Next: next,
			MinPassword: service.MinPasswordLength, Problems: map[string]string{}}
		if in.Invitation != "" {
			if _, ok := p.withInvitation(c, &data, in.Invitation); !ok {
				return
			}
		}
		data.Email, data.Name = in.Email, in.Name
		if k == domain.KindConflict {
			data.Error = tr(c, "signup.taken")
		}
		e, _ := domain.AsError(err)
		for _, pr := range p.problems(c, e.Problems) {
			data.Problems[pr.Field] = pr.Message
		}
		p.render(c, http.StatusBadRequest, "signup", data)
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	token, sess, err := p.svc.SignIn(c.Request.Context(), in.Email, in.Password, c.ClientIP())
	if err != nil {
		p.fail(c, err)
		return
	}
	p.setSessionCookie(c, token, sess.ExpiresAt)
	p.rememberBrowserZone(c, token)
	redirect(c, localPath(next, "/proposals"))
}

// signOut ends the session. Someone whose session already ended is simply shown the sign-in.
func (p *Pages) signOut(c *gin.Context) {
	sess, ok := sessionOf(c)
	if !ok {
		redirect(c, "/signin")
		return
	}
	if !p.csrfOK(c) {
		p.fail(c, errCSRF)
		return
	}
	if err := p.svc.SignOut(c.Request.Context(), sess.ID); err != nil {
		p.fail(c, err)
		return
	}
	p.setSessionCookie(c, "", time.Unix(0, 0))
	redirect(c, "/signin")
}
