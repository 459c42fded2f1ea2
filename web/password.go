package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// resetPage is the data of the forgotten-password and new-password pages.
type resetPage struct {
	Base
	Email, Token string
	// Sent says the request was taken (whether or not the account exists: the page never tells).
	Sent        bool
	Error       string
	Problems    map[string]string
	MinPassword int
}

func (p *Pages) forgotPasswordPage(c *gin.Context) {
	p.render(c, http.StatusOK, "forgot", resetPage{Base: p.base(c, tr(c, "reset.forgot_title"))})
}

// forgotPassword writes the reset mail in the page's language and says the same thing for every address.
func (p *Pages) forgotPassword(c *gin.Context) {
	email := c.PostForm("email")
	err := p.svc.RequestPasswordReset(c.Request.Context(), email, langOf(c))
	if domain.ErrorKind(err) == domain.KindInvalid {
		data := resetPage{Base: p.base(c, tr(c, "reset.forgot_title")), Email: email, Problems: p.problemMap(c, err)}
		p.render(c, http.StatusBadRequest, "forgot", data)
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	p.render(c, http.StatusOK, "forgot", resetPage{Base: p.base(c, tr(c, "reset.forgot_title")), Email: email, Sent: true})
}

func (p *Pages) resetPasswordPage(c *gin.Context) {
	data := resetPage{Base: p.base(c, tr(c, "reset.new_title")), Token: c.Query("token"), MinPassword: service.MinPasswordLength}
	p.render(c, http.StatusOK, "reset", data)
}

// resetPassword sets the new password and sends the person to sign in with it (every old session ended).
func (p *Pages) resetPassword(c *gin.Context) {
	token := c.PostForm("token")
	err := p.svc.ResetPassword(c.Request.Context(), token, c.PostForm("password"))
	data := resetPage{Base: p.base(c, tr(c, "reset.new_title")), Token: token, MinPassword: service.MinPasswordLength}
	if err == nil {
		redirect(c, "/signin?reset=1")
		return
	}
	switch domain.ErrorKind(err) {
	case domain.KindInvalid:
		data.Problems = p.problemMap(c, err)
		p.render(c, http.StatusBadRequest, "reset", data)
		return
	case domain.KindNotFound:
		data.Error = tr(c, "reset.link_dead")
		p.render(c, http.StatusNotFound, "reset", data)
		return
	}
	p.fail(c, err)
}

// problemMap is an invalid-input error's problems by field, in the page's language.
func (p *Pages) problemMap(c *gin.Context, err error) map[string]string {
	out := map[string]string{}
	if e, ok := domain.AsError(err); ok {
		for _, pr := range p.problems(c, e.Problems) {
			out[pr.Field] = pr.Message
		}
	}
	return out
}

// accountSettings is the data of the account page.
type accountSettings struct {
	Base
	Problems    map[string]string
	MinPassword int
	// Mail is how often notifications are mailed: each, daily or off.
	Mail string
	// Zone is a refused time zone typed into the form, shown back; empty shows the person's own.
	Zone string
}

// ZoneValue is the time zone the form shows: a refused one as typed, else the person's, else the one
// the pages use by default for this language.
func (a accountSettings) ZoneValue() string {
	switch {
	case a.Zone != "":
		return a.Zone
	case a.User != nil && a.User.TimeZone != "":
		return a.User.TimeZone
	}
	return defaultZones[a.Lang]
}

// ZoneChoices are the zones the form suggests.
func (accountSettings) ZoneChoices() []string { return commonZones }

func (p *Pages) accountPage(c *gin.Context) {
	p.render(c, http.StatusOK, "account", p.accountData(c))
}

// accountData is the account page with the person's notification setting.
func (p *Pages) accountData(c *gin.Context) accountSettings {
	data := accountSettings{Base: p.base(c, tr(c, "account.title")), MinPassword: service.MinPasswordLength, Mail: domain.MailEach}
	if set, err := p.svc.NotificationSettings(c.Request.Context(), mustUser(c)); err == nil {
		data.Mail = set.Mail
	}
	return data
}

// changePassword sets a new password; this browser stays signed in, every other session ends.
func (p *Pages) changePassword(c *gin.Context) {
	sess, _ := sessionOf(c)
	err := p.svc.ChangePassword(c.Request.Context(), mustUser(c), sess.ID, c.PostForm("current_password"), c.PostForm("new_password"))
	if domain.ErrorKind(err) == domain.KindInvalid {
		data := p.accountData(c)
		data.Problems = p.problemMap(c, err)
		p.render(c, http.StatusBadRequest, "account", data)
		return
	}
	if err != nil {
		p.fail(c, err)
		return
	}
	data := p.accountData(c)
	data.Flash = tr(c, "account.changed")
	p.render(c, http.StatusOK, "account", data)
}
