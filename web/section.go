package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// sectionPage is one section: its fields with guidance, counters, comments and the way to the next one.
type sectionPage struct {
	Base
	Head        proposalHead
	Section     *templates.Section
	Index       int
	Prev, Next  *templates.Section
	Fields      []fieldView
	Version     int
	UpdatedAt   time.Time
	UpdatedBy   string
	Threads     []threadView
	Resolved    []threadView
	Problems    []problemView
	Conflict    *conflictInfo
	AutosaveURL string
	// CommentForm and SuggestForm hold a refused form's text and reasons, shown again at the form.
	CommentForm, SuggestForm formState
	// Langs are the languages a quote may come from: both in a bilingual proposal.
	Langs []string
	// CanDecide is whether this reader may accept and reject suggestions.
	CanDecide bool
}

type conflictInfo struct {
	By string
	At time.Time
}

// sectionState is what a render of the section page starts from: stored values, or a refused form's.
type sectionState struct {
	fields   domain.Fields
	version  int
	bases    map[string]int
	problems []domain.Problem
	conflict []string
	current  domain.Section
}

func (p *Pages) sectionPage(c *gin.Context) {
	head, sec, ok := p.loadSection(c)
	if !ok {
		return
	}
	stored, err := p.svc.Section(c.Request.Context(), mustAccess(c), head.Proposal.ID, sec.Key)
	if err != nil {
		p.fail(c, err)
		return
	}
	data, err := p.sectionData(c, head, sec, stored, sectionState{fields: stored.Fields, version: stored.Version})
	if err != nil {
		p.fail(c, err)
		return
	}
	if c.Query("saved") != "" {
		data.Flash = tr(c, "section.saved")
	}
	p.render(c, http.StatusOK, "section", data)
}

// loadSection finds the proposal and the template section named in the address.
func (p *Pages) loadSection(c *gin.Context) (proposalHead, *templates.Section, bool) {
	head, sec, err := p.findSection(c)
	if err != nil {
		p.fail(c, err)
		return head, nil, false
	}
	return head, sec, true
}

// findSection is the proposal and the template section the path names, or why not.
func (p *Pages) findSection(c *gin.Context) (proposalHead, *templates.Section, error) {
	head, err := p.loadHead(c, "sections")
	if err != nil {
		return head, nil, err
	}
	sec, ok := head.Template.Section(c.Param("key"))
	if !ok {
		return head, nil, errNotFound
	}
	return head, sec, nil
}

// saveSection is the form save that works without JavaScript: redirect after success, the same page with
// the typed values and the reasons after invalid input, and both texts side by side after a conflict.
func (p *Pages) saveSection(c *gin.Context) {
	head, sec, ok := p.loadSection(c)
	if !ok {
		return
	}
	req := saveRequestFrom(c, head.Proposal, sec, nil)
	res, err := p.mergeAndSave(c.Request.Context(), mustAccess(c), req)
	state := sectionState{fields: req.Mine, version: req.Version, bases: req.Bases}
	status := http.StatusOK
	switch e, _ := domain.AsError(err); {
	case err == nil && len(res.Conflicts) == 0:
		redirect(c, sectionURL(head.Proposal.ID, sec.Key)+"?saved="+strconv.Itoa(res.Saved.Version))
		return
	case err == nil:
		state = sectionState{fields: res.Proposed, version: res.Current.Version, conflict: res.Conflicts, current: res.Current}
		status = http.StatusConflict
	case e != nil && e.Kind == domain.KindInvalid:
		state.problems, status = e.Problems, http.StatusBadRequest
	default:
		p.fail(c, err)
		return
	}
	stored := state.current
	if stored.Version == 0 {
		stored.Version = state.version
	}
	data, err := p.sectionData(c, head, sec, stored, state)
	if err != nil {
		p.fail(c, err)
		return
	}
	p.render(c, status, "section", data)
}

// saveRequestFrom reads a section form. Each field's base is its own "base.KEY" (kept up to date by the
// autosave script) or the form's version; only names the fields to save, all when empty.
func saveRequestFrom(c *gin.Context, prop domain.Proposal, sec *templates.Section, only []string) saveRequest {
	_ = c.Request.ParseForm()
	form := c.Request.PostForm
	version, _ := strconv.Atoi(form.Get("version"))
	req := saveRequest{Proposal: prop, Section: sec, Mine: fieldsFromForm(sec, prop, form), Version: version, Bases: map[string]int{}}
	for _, f := range sec.Fields {
		req.Bases[f.Key] = version
		if b, err := strconv.Atoi(form.Get("base." + f.Key)); err == nil && b >= 0 {
			req.Bases[f.Key] = b
		}
		if len(only) == 0 || containsString(only, f.Key) {
			req.Touched = append(req.Touched, f.Key)
		}
	}
	return req
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func sectionURL(proposalID, key string) string {
	return "/proposals/" + proposalID + "/sections/" + key
}

// sectionData assembles the page: fields, neighbours, comments and who saved last.
func (p *Pages) sectionData(c *gin.Context, head proposalHead, sec *templates.Section, stored domain.Section, st sectionState) (sectionPage, error) {
	title := sec.Number + " " + textIn(langOf(c), sec.Title)
	data := sectionPage{Base: p.base(c, title), Head: head, Section: sec, Version: st.version,
		UpdatedAt: stored.UpdatedAt, AutosaveURL: sectionURL(head.Proposal.ID, sec.Key) + "/autosave"}
	for i := range head.Template.Sections {
		if head.Template.Sections[i].Key == sec.Key {
			data.Index = i
		}
	}
	if data.Index > 0 {
		data.Prev = &head.Template.Sections[data.Index-1]
	}
	if data.Index+1 < len(head.Template.Sections) {
		data.Next = &head.Template.Sections[data.Index+1]
	}
	data.Fields = viewFields(sec, head.Proposal, st.fields, st.version)
	for i := range data.Fields {
		if b, ok := st.bases[data.Fields[i].Key]; ok {
			data.Fields[i].Base = b
		}
	}
	data.Problems = p.fieldProblems(c, data.Fields, st.problems)
	names, err := p.memberNames(c, head.Proposal.ID)
	if err != nil {
		return data, err
	}
	data.UpdatedBy = names[stored.UpdatedBy]
	if len(st.conflict) > 0 {
		markConflicts(data.Fields, st.conflict, head.Proposal, st.current.Fields)
		data.Conflict = &conflictInfo{By: names[st.current.UpdatedBy], At: st.current.UpdatedAt}
	}
	comments, err := p.svc.Comments(c.Request.Context(), mustAccess(c), head.Proposal.ID, service.CommentFilter{Section: sec.Key})
	if err != nil {
		return data, err
	}
	data.Threads, data.Resolved = threads(comments, sec, mustUser(c))
	open, err := p.svc.Suggestions(c.Request.Context(), mustAccess(c), head.Proposal.ID, sec.Key, "")
	if err != nil {
		return data, err
	}
	var pending []service.SuggestionView
	for _, g := range open {
		if g.Status == domain.SuggestionOpen || g.Status == domain.SuggestionOutdated {
			pending = append(pending, g)
		}
	}
	placeSuggestions(data.Fields, pending, stored.Fields, head.Proposal, mustUser(c))
	data.Langs, data.CanDecide = []string{head.Proposal.Language}, head.Can.EditText
	if head.Proposal.Bilingual {
		data.Langs = []string{"en", "ru"}
	}
	return data, nil
}

// fieldProblems attaches each problem ("fields.KEY", "fields.KEY.ru", "fields.KEY[2].col") to its field.
func (p *Pages) fieldProblems(c *gin.Context, fields []fieldView, problems []domain.Problem) []problemView {
	out := p.problems(c, problems)
	for i := range out {
		key := strings.TrimPrefix(out[i].Field, "fields.")
		if j := strings.IndexAny(key, ".["); j >= 0 {
			key = key[:j]
		}
		for k := range fields {
			if fields[k].Key == key {
				fields[k].Error = out[i].Message
				out[i].Anchor = fields[k].ID
				out[i].Field = key
			}
		}
	}
	return out
}

// memberNames maps user ids to the names this reader may see (hidden reviewers stay hidden).
func (p *Pages) memberNames(c *gin.Context, proposalID string) (map[string]string, error) {
	members, err := p.svc.Members(c.Request.Context(), mustAccess(c), proposalID)
	names := map[string]string{}
	for _, m := range members {
		if m.User.ID != "" {
			names[m.User.ID] = m.User.Name
		}
	}
	return names, err
}

// textIn picks a template text in the page's language, or in English when it has none in that language.
func textIn(lang string, t templates.Text) string {
	if s := t[lang]; s != "" {
		return s
	}
	return t["en"]
}
