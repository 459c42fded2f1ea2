package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// suggestionContext is how many characters of the text around a suggested change the page shows, so the
// change reads at its place in the field.
const suggestionContext = 60

// suggestionView is an open suggestion as the section page shows it under the text box it is about:
// the words around it, the quote struck through and the replacement inserted.
type suggestionView struct {
	service.SuggestionView
	Before, After string
	Outdated      bool
	Mine          bool
}

// formState keeps what someone typed into the comment or suggestion form when it was refused, so the
// page can show it again beside the reason instead of a dead end.
type formState struct {
	Field, Lang, Quote, Replacement, Body string
	Problems                              []problemView
}

// placeSuggestions puts each open suggestion under the text box of its field and language.
func placeSuggestions(fields []fieldView, items []service.SuggestionView, stored domain.Fields, prop domain.Proposal, user domain.User) {
	for _, g := range items {
		v := suggestionView{SuggestionView: g, Outdated: g.Status == domain.SuggestionOutdated, Mine: g.Author.ID == user.ID}
		if g.Anchor != nil {
			text := []rune(domain.ReadText(stored[g.FieldKey], prop.Language).Side(g.Lang))
			if g.Anchor.End <= len(text) {
				v.Before = string(text[max(g.Anchor.Start-suggestionContext, 0):g.Anchor.Start])
				v.After = string(text[g.Anchor.End:min(g.Anchor.End+suggestionContext, len(text))])
			}
		}
		for i := range fields {
			if fields[i].Key != g.FieldKey {
				continue
			}
			for j := range fields[i].Texts {
				if fields[i].Texts[j].Lang == g.Lang {
					fields[i].Texts[j].Suggestions = append(fields[i].Texts[j].Suggestions, v)
				}
			}
		}
	}
}

// addSuggestion stores a suggestion from the section page's form. A refusal (a quote not in the text, a
// replacement equal to it) shows the same page with what was typed and the reason.
func (p *Pages) addSuggestion(c *gin.Context) {
	form := formState{Field: c.PostForm("field"), Lang: c.PostForm("lang"), Quote: c.PostForm("quote"), Replacement: c.PostForm("replacement"), Body: c.PostForm("comment")}
	in := service.SuggestionInput{Section: c.Param("key"), Field: form.Field, Lang: form.Lang, Quote: form.Quote, Replacement: form.Replacement, Comment: form.Body}
	if start, err := strconv.Atoi(c.PostForm("quote_start")); err == nil {
		in.QuoteStart = &start
	}
	if _, err := p.svc.Suggest(c.Request.Context(), mustAccess(c), c.Param("id"), in); err != nil {
		p.sectionRefusing(c, err, nil, &form)
		return
	}
	redirect(c, sectionURL(c.Param("id"), c.Param("key"))+"#field-"+urlSafe(form.Field))
}

// decideSuggestion serves the accept, reject and withdraw buttons. Accepting sends the section version
// the page showed, as the API's If-Match does.
func (p *Pages) decideSuggestion(action string) gin.HandlerFunc {
	return func(c *gin.Context) {
		acc, ctx, pid, sid := mustAccess(c), c.Request.Context(), c.Param("id"), c.Param("sid")
		var (
			v   service.SuggestionView
			err error
		)
		switch action {
		case "accept":
			version, _ := strconv.Atoi(c.PostForm("version"))
			v, _, err = p.svc.AcceptSuggestion(ctx, acc, pid, sid, version)
		case "reject":
			v, err = p.svc.RejectSuggestion(ctx, acc, pid, sid)
		default:
			v, err = p.svc.WithdrawSuggestion(ctx, acc, pid, sid)
		}
		if err != nil {
			p.fail(c, err)
			return
		}
		redirect(c, sectionURL(pid, v.SectionKey)+"#field-"+v.FieldKey)
	}
}

// sectionRefusing answers a refused comment or suggestion with the section page itself: the reason at
// the form and the typed text kept. Other errors take the error page.
func (p *Pages) sectionRefusing(c *gin.Context, err error, comment, suggestion *formState) {
	e, ok := domain.AsError(err)
	if !ok || e.Kind != domain.KindInvalid {
		p.fail(c, err)
		return
	}
	head, sec, found := p.loadSection(c)
	if !found {
		return
	}
	stored, serr := p.svc.Section(c.Request.Context(), mustAccess(c), head.Proposal.ID, sec.Key)
	if serr != nil {
		p.fail(c, serr)
		return
	}
	data, derr := p.sectionData(c, head, sec, stored, sectionState{fields: stored.Fields, version: stored.Version})
	if derr != nil {
		p.fail(c, derr)
		return
	}
	for _, f := range []*formState{comment, suggestion} {
		if f != nil {
			f.Problems = p.problems(c, e.Problems)
		}
	}
	if comment != nil {
		data.CommentForm = *comment
	}
	if suggestion != nil {
		data.SuggestForm = *suggestion
	}
	p.render(c, http.StatusBadRequest, "section", data)
}

// urlSafe keeps a field key from a form only if it is a template-style key.
func urlSafe(key string) string {
	if plainKey(key) {
		return key
	}
	return ""
}
