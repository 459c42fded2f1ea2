package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// threadView is a top-level comment with its replies, as the section page lists them.
type threadView struct {
	service.CommentView
	FieldLabel templates.Text
	Mine       bool
	Replies    []replyView
}

type replyView struct {
	service.CommentView
	Mine bool
}

// threads groups a section's comments into threads, open ones first as the service orders them.
func threads(comments []service.CommentView, sec *templates.Section, user domain.User) (open, resolved []threadView) {
	byID := map[string]int{}
	var all []threadView
	for _, cv := range comments {
		if cv.ParentID != "" {
			continue
		}
		t := threadView{CommentView: cv, Mine: cv.Author.ID == user.ID}
		if f, ok := sec.Field(cv.FieldKey); ok {
			t.FieldLabel = f.Label
		}
		byID[cv.ID] = len(all)
		all = append(all, t)
	}
	for _, cv := range comments {
		if i, ok := byID[cv.ParentID]; ok && cv.ParentID != "" {
			all[i].Replies = append(all[i].Replies, replyView{CommentView: cv, Mine: cv.Author.ID == user.ID})
		}
	}
	for _, t := range all {
		if t.Status == domain.CommentResolved {
			resolved = append(resolved, t)
		} else {
			open = append(open, t)
		}
	}
	return open, resolved
}

// backToComments returns to the section's comments after a comment action.
func backToComments(c *gin.Context, section string) {
	redirect(c, sectionURL(c.Param("id"), section)+"#comments")
}

// addComment adds a comment or, with parent_id, a reply. Invalid input to a new comment (an empty text,
// a quote that is not in the field) shows the section page again with the text kept and the reason at the
// form; a refused reply shows the error page with its text kept.
func (p *Pages) addComment(c *gin.Context) {
	in := service.CommentInput{Section: c.Param("key"), Field: c.PostForm("field"), Quote: c.PostForm("quote"),
		QuoteLang: c.PostForm("quote_lang"), Body: c.PostForm("body"), ParentID: c.PostForm("parent_id")}
	if start, err := strconv.Atoi(c.PostForm("quote_start")); err == nil {
		in.QuoteStart = &start
	}
	if _, err := p.svc.Comment(c.Request.Context(), mustAccess(c), c.Param("id"), in); err != nil {
		if in.ParentID != "" {
			p.failKeepingText(c, err)
			return
		}
		p.sectionRefusing(c, err, &formState{Field: in.Field, Lang: in.QuoteLang, Quote: in.Quote, Body: in.Body}, nil)
		return
	}
	backToComments(c, c.Param("key"))
}

func (p *Pages) editComment(c *gin.Context) {
	v, err := p.svc.EditComment(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("cid"), c.PostForm("body"))
	if err != nil {
		p.failKeepingText(c, err)
		return
	}
	backToComments(c, v.SectionKey)
}

func (p *Pages) deleteComment(c *gin.Context) {
	section := c.PostForm("section")
	if err := p.svc.DeleteComment(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("cid")); err != nil {
		p.fail(c, err)
		return
	}
	if !plainKey(section) {
		redirect(c, "/proposals/"+c.Param("id"))
		return
	}
	backToComments(c, section)
}

// setThreadStatus resolves or reopens a thread.
func (p *Pages) setThreadStatus(status string) gin.HandlerFunc {
	return func(c *gin.Context) {
		v, err := p.svc.SetThreadStatus(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("cid"), status)
		if err != nil {
			p.fail(c, err)
			return
		}
		backToComments(c, v.SectionKey)
	}
}

// plainKey checks that a section key sent back by a form is a template-style key, safe in an address.
func plainKey(key string) bool {
	if key == "" || len(key) > 100 {
		return false
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// failKeepingText shows an error page that hands back the comment text, so a refused comment is not lost.
func (p *Pages) failKeepingText(c *gin.Context, err error) {
	e, ok := domain.AsError(err)
	if !ok || e.Kind != domain.KindInvalid {
		p.fail(c, err)
		return
	}
	data := errorPage{Base: p.base(c, tr(c, "error.invalid.title")), Kind: string(e.Kind), Status: http.StatusBadRequest,
		Problem: p.problems(c, e.Problems), Kept: keptText(c.Request.PostForm)}
	if len(e.Problems) == 0 { // the problems say it field by field; the English summary would only repeat it
		data.Detail = localiseError(langOf(c), e)
	}
	p.render(c, http.StatusBadRequest, "error", data)
}

// threadArgs carries what the thread partial needs besides the thread: templates have no closures.
type threadArgs struct {
	Thread                    threadView
	CSRF, ProposalID, Section string
	Can                       bool
}

type commentArgs struct {
	Comment service.CommentView
	Mine    bool
	Args    threadArgs
}

func newThreadArgs(t threadView, csrf, proposalID, section string, can bool) threadArgs {
	return threadArgs{Thread: t, CSRF: csrf, ProposalID: proposalID, Section: section, Can: can}
}

func newCommentArgs(c service.CommentView, mine bool, args threadArgs) commentArgs {
	return commentArgs{Comment: c, Mine: mine, Args: args}
}
