package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// saveDocumentForm is the part every versioned-document page's no-JavaScript save shares: save when
// attempt says the form may go to the service, redirect to the page with ?saved=1 after success, and
// otherwise say how to show the typed form again. The status is 400 with the problems to show (the
// form's own, or the service's when it refused the document), or 409 when someone else saved first.
// done is true when the request is already answered (redirected, or failed with an error page).
func (p *Pages) saveDocumentForm(c *gin.Context, head proposalHead, page string, attempt bool, problems []domain.Problem, save func() error) (status int, shown []domain.Problem, done bool) {
	var err error
	if attempt {
		if err = save(); err == nil {
			redirect(c, "/proposals/"+head.Proposal.ID+"/"+page+"?saved=1")
			return 0, nil, true
		}
	}
	e, _ := domain.AsError(err)
	switch {
	case err == nil:
		return http.StatusBadRequest, problems, false
	case e != nil && e.Kind == domain.KindInvalid:
		return http.StatusBadRequest, e.Problems, false
	case e != nil && e.Kind == domain.KindPreconditionFailed:
		return http.StatusConflict, problems, false
	default:
		p.fail(c, err)
		return 0, nil, true
	}
}

// placeRowProblems shows each problem whose field names a row of a repeated form beside that row: path
// reads "records[3].rationale" as row 3, member rationale; the member's reason goes into the row's
// errors (rowErrors gives them, nil for a row the form does not have), the summary links anchor+row and
// starts with the row's name. It returns the indexes of the problems whose field names no row.
func placeRowProblems(views []problemView, problems []domain.Problem, path *regexp.Regexp, anchor string,
	rowErrors func(row int) map[string]string, rowName func(n int) string) (others []int) {
	for i, pr := range problems {
		m := path.FindStringSubmatch(pr.Field)
		if m == nil {
			others = append(others, i)
			continue
		}
		row, _ := strconv.Atoi(m[1])
		if errs := rowErrors(row); errs != nil {
			errs[m[2]] = views[i].Message
			views[i].Anchor = anchor + m[1]
			views[i].Message = rowName(row+1) + ": " + views[i].Message
		}
	}
	return others
}

// baseOf lets the shared document steps reach the layout data every page embeds.
func (b *Base) baseOf() *Base { return b }

// showDocument answers a versioned-document page's GET: the proposal's head, the view data that view
// builds from the stored document, and the saved notice when a save redirected here. saved is the
// notice already translated, so that its message key stays literal where the page names it.
func showDocument[T any, PT interface {
	*T
	baseOf() *Base
}](p *Pages, c *gin.Context, page, saved string, view func(head proposalHead) (T, error)) {
	head, err := p.loadHead(c, page)
	if err != nil {
		p.fail(c, err)
		return
	}
	data, err := view(head)
	if err != nil {
		p.fail(c, err)
		return
	}
	if c.Query("saved") != "" {
		PT(&data).baseOf().Flash = saved
	}
	p.render(c, http.StatusOK, page, data)
}

// newTexts is a repeated row's texts with every member and language the form shows, all empty, so that
// the page has an input for each: member → language → text.
func newTexts(members, langs []string) map[string]map[string]string {
	texts := map[string]map[string]string{}
	for _, f := range members {
		texts[f] = map[string]string{}
		for _, l := range langs {
			texts[f][l] = ""
		}
	}
	return texts
}

// readTexts fills a row's texts from the stored members, each read in the proposal's language or both.
func readTexts(texts map[string]map[string]string, head proposalHead, langs []string, raws map[string]json.RawMessage) {
	for f, raw := range raws {
		v := domain.ReadText(raw, head.Proposal.Language)
		for _, l := range langs {
			texts[f][l] = v.Side(l)
		}
	}
}

// postedTexts fills a row's texts from the inputs named at+member+"."+language.
func postedTexts(c *gin.Context, texts map[string]map[string]string, at string, members, langs []string) {
	for _, f := range members {
		for _, l := range langs {
			texts[f][l] = c.PostForm(at + f + "." + l)
		}
	}
}

// textsBlank says whether every text of a row is blank, one half of telling an empty row.
func textsBlank(texts map[string]map[string]string) bool {
	for _, byLang := range texts {
		for _, s := range byLang {
			if strings.TrimSpace(s) != "" {
				return false
			}
		}
	}
	return true
}
