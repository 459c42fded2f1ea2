package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

// settingsPage is the form of a proposal's country and cycle settings, the owner of the currency and
// the allocation amount the budget and the check read.
type settingsPage struct {
	Base
	Head       proposalHead
	Version    int
	Form       settingsForm
	Currencies []string
	Approaches []string
	Pathways   []string
	Problems   []problemView
	Errors     map[string]string
	Conflict   bool
	// Translations is the form of a bilingual proposal's title, country and network in its other
	// language; nil for a proposal in one language.
	Translations *translationsForm
}

// translationsForm is a bilingual proposal's title, country and network in the language it is not
// written in, saved as the proposal's attributes (guarded by the proposal's version, not the settings').
type translationsForm struct {
	Heading string
	Lang    string
	Fields  []translationField // title, country, network
	Version int
	Stale   bool
}

// translationField is one input of the translations form, named as the API member it sets.
type translationField struct {
	Name, Label, Value, Error string
	Max                       int
}

// settingsForm is the settings as typed, kept as text so that a refused form comes back as is.
type settingsForm struct {
	CCMName, CCMAbbreviation, PrincipalRecipients, Currency, Allocation, Approach, Pathway, ReviewWindow string
	TargetShare                                                                                          string
}

func (p *Pages) settingsPage(c *gin.Context) {
	showDocument(p, c, "settings", tr(c, "settings.saved"), func(head proposalHead) (settingsPage, error) {
		view, doc, err := p.svc.Settings(c.Request.Context(), mustAccess(c), head.Proposal.ID)
		if err != nil {
			return settingsPage{}, err
		}
		return p.settingsData(c, head, storedSettingsForm(langOf(c), view.Settings), view.AllowedCurrencies, doc.Version), nil
	})
}

// saveSettings is the no-JavaScript save: redirect after success, the typed form with each reason
// beside its field after invalid input, a notice after someone else saved first.
func (p *Pages) saveSettings(c *gin.Context) {
	head, err := p.loadHead(c, "settings")
	if err != nil {
		p.fail(c, err)
		return
	}
	lang := langOf(c)
	_ = c.Request.ParseForm()
	if c.PostForm("form") == "translations" {
		p.saveTranslations(c, head)
		return
	}
	form := settingsFormFrom(c)
	version, _ := strconv.Atoi(c.PostForm("version"))
	in, problems := form.parse(lang)
	status, problems, done := p.saveDocumentForm(c, head, "settings", len(problems) == 0, problems, func() error {
		_, err := p.svc.SaveSettings(c.Request.Context(), mustAccess(c), head.Proposal.ID, version, in)
		return err
	})
	if done {
		return
	}
	view, doc, err := p.svc.Settings(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := p.settingsData(c, head, form, view.AllowedCurrencies, version)
	if status == http.StatusConflict {
		data.Conflict, data.Version = true, doc.Version // saving again replaces the newer version, knowingly
	}
	data.Problems = p.problems(c, problems)
	for i, pr := range problems {
		field, _, _ := strings.Cut(pr.Field, "[")
		data.Errors[field] = data.Problems[i].Message
		data.Problems[i].Anchor = "s-" + field
		data.Problems[i].Message = tr(c, "settings.field."+field) + ": " + data.Problems[i].Message
	}
	p.render(c, status, "settings", data)
}

func (p *Pages) settingsData(c *gin.Context, head proposalHead, form settingsForm, currencies []string, version int) settingsPage {
	return settingsPage{Base: p.base(c, tr(c, "settings.title")+" · "+head.Proposal.Title), Head: head, Version: version, Form: form,
		Currencies: currencies, Approaches: service.ApplicationApproaches, Pathways: service.Pathways, Errors: map[string]string{},
		Translations: storedTranslations(c, head.Proposal)}
}

// storedTranslations fills the translations form from the proposal as stored.
func storedTranslations(c *gin.Context, pr domain.Proposal) *translationsForm {
	if !pr.Bilingual {
		return nil
	}
	other := "en"
	if pr.Language == "en" {
		other = "ru"
	}
	heading := tr(c, "settings.translations.en")
	if other == "ru" {
		heading = tr(c, "settings.translations.ru")
	}
	return &translationsForm{Heading: heading, Lang: other, Version: pr.Version, Fields: []translationField{
		{Name: "title_translation", Label: tr(c, "settings.field.title_translation"), Value: pr.Translation.Title, Max: domain.MaxTitleLength},
		{Name: "country_translation", Label: tr(c, "settings.field.country_translation"), Value: pr.Translation.Country, Max: domain.MaxNameLength},
		{Name: "network_translation", Label: tr(c, "settings.field.network_translation"), Value: pr.Translation.Network, Max: domain.MaxNameLength},
	}}
}

// saveTranslations saves the title, country and network in the other language, writing only those three
// and only if the proposal is still at the version the form was read at; the page comes back with each
// reason beside its field, or a notice when someone changed the proposal first.
func (p *Pages) saveTranslations(c *gin.Context, head proposalHead) {
	version, _ := strconv.Atoi(c.PostForm("proposal_version"))
	title, country, network := c.PostForm("title_translation"), c.PostForm("country_translation"), c.PostForm("network_translation")
	_, err := p.svc.UpdateProposal(c.Request.Context(), mustAccess(c), head.Proposal.ID, version,
		service.ProposalInput{TitleTranslation: &title, CountryTranslation: &country, NetworkTranslation: &network})
	kind := domain.ErrorKind(err)
	switch {
	case err == nil:
		redirect(c, "/proposals/"+head.Proposal.ID+"/settings?saved=1")
		return
	case kind != domain.KindInvalid && kind != domain.KindPreconditionFailed:
		p.fail(c, err)
		return
	}
	view, doc, verr := p.svc.Settings(c.Request.Context(), mustAccess(c), head.Proposal.ID)
	if verr != nil {
		p.fail(c, verr)
		return
	}
	data := p.settingsData(c, head, storedSettingsForm(langOf(c), view.Settings), view.AllowedCurrencies, doc.Version)
	tf := data.Translations
	if tf == nil { // no longer bilingual: nothing to show the typed texts in
		p.fail(c, err)
		return
	}
	typed := map[string]string{}
	if kind == domain.KindInvalid {
		e, _ := domain.AsError(err)
		for _, pr := range p.problems(c, e.Problems) {
			typed[pr.Field] = pr.Message
		}
	}
	for i, v := range []string{title, country, network} {
		tf.Fields[i].Value, tf.Fields[i].Error = v, typed[tf.Fields[i].Name]
	}
	status := http.StatusBadRequest
	if kind == domain.KindPreconditionFailed {
		tf.Stale, status = true, http.StatusConflict // the form now carries the newest version: saving again replaces it
	} else {
		tf.Version = version
	}
	p.render(c, status, "settings", data)
}

func storedSettingsForm(lang string, s service.Settings) settingsForm {
	f := settingsForm{CCMName: s.CCMName, CCMAbbreviation: s.CCMAbbreviation, PrincipalRecipients: strings.Join(s.PrincipalRecipients, "\n"),
		Currency: s.Currency, Approach: s.ApplicationApproach, Pathway: s.Pathway, ReviewWindow: s.ReviewWindow}
	if s.TargetSharePercent != nil {
		f.TargetShare = strconv.Itoa(*s.TargetSharePercent)
	}
	if cur, ok := budget.LookupCurrency(s.Currency); ok && s.AllocationAmount > 0 {
		f.Allocation = decimalMark(lang, cur.Format(s.AllocationAmount))
	}
	return f
}

func settingsFormFrom(c *gin.Context) settingsForm {
	return settingsForm{CCMName: c.PostForm("ccm_name"), CCMAbbreviation: c.PostForm("ccm_abbreviation"),
		PrincipalRecipients: c.PostForm("principal_recipients"), Currency: c.PostForm("currency"), Allocation: c.PostForm("allocation_amount"),
		Approach: c.PostForm("application_approach"), Pathway: c.PostForm("pathway"), ReviewWindow: c.PostForm("review_window"),
		TargetShare: c.PostForm("target_share_percent")}
}

// parse turns the typed form into settings; the allocation is read in the chosen currency's minor units.
func (f settingsForm) parse(lang string) (service.Settings, []domain.Problem) {
	out := service.Settings{CCMName: strings.TrimSpace(f.CCMName), CCMAbbreviation: strings.TrimSpace(f.CCMAbbreviation),
		Currency: f.Currency, ApplicationApproach: f.Approach, Pathway: f.Pathway, ReviewWindow: strings.TrimSpace(f.ReviewWindow),
		PrincipalRecipients: []string{}}
	for _, line := range strings.Split(f.PrincipalRecipients, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out.PrincipalRecipients = append(out.PrincipalRecipients, line)
		}
	}
	var problems []domain.Problem
	if t := strings.TrimSpace(f.TargetShare); t != "" {
		v, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(t, "%")))
		if err != nil {
			problems = append(problems, domain.Problem{Field: "target_share_percent", Message: "must be a whole number from 0 to 100"})
		}
		out.TargetSharePercent = &v
	}
	if strings.TrimSpace(f.Allocation) != "" {
		cur, ok := budget.LookupCurrency(f.Currency)
		if !ok {
			return out, []domain.Problem{{Field: "currency", Message: "choose the currency of the allocation"}}
		}
		v, err := parseMinor(lang, cur, f.Allocation)
		if err != nil {
			problems = append(problems, numberProblem("allocation_amount", err))
		}
		out.AllocationAmount = v
	}
	return out, problems
}
