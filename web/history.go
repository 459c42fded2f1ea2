package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
	"iduit/templates"
)

// historyPageSize is how many saves one history page lists.
const historyPageSize = 50

type revisionRow struct {
	Number    int
	CreatedAt time.Time
	By        string
}

type historyPage struct {
	Base
	Head       proposalHead
	Section    *templates.Section
	Revisions  []revisionRow
	Current    int
	Prev, Next string
}

// historyPage lists every save of a section, newest first, each with a link to what it changed.
func (p *Pages) historyPage(c *gin.Context) {
	head, sec, ok := p.loadSection(c)
	if !ok {
		return
	}
	offset, _ := strconv.Atoi(c.Query("offset"))
	page := domain.Page{Limit: historyPageSize, Offset: max(offset, 0)}
	revs, total, err := p.svc.Revisions(c.Request.Context(), mustAccess(c), head.Proposal.ID, sec.Key, page)
	if err != nil {
		p.fail(c, err)
		return
	}
	names, err := p.memberNames(c, head.Proposal.ID)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := historyPage{Base: p.base(c, tr(c, "history.title")+" · "+sec.Number+" "+textIn(langOf(c), sec.Title)), Head: head, Section: sec}
	for _, r := range revs {
		data.Revisions = append(data.Revisions, revisionRow{Number: r.Number, CreatedAt: r.CreatedAt, By: names[r.CreatedBy]})
	}
	if len(revs) > 0 && page.Offset == 0 {
		data.Current = revs[0].Number
	}
	base := sectionURL(head.Proposal.ID, sec.Key) + "/history?offset="
	if page.Offset > 0 {
		data.Prev = base + strconv.Itoa(max(page.Offset-historyPageSize, 0))
	}
	if int64(page.Offset+historyPageSize) < total {
		data.Next = base + strconv.Itoa(page.Offset+historyPageSize)
	}
	p.render(c, http.StatusOK, "history", data)
}

// diffView is one changed field in a comparison of two saves.
type diffView struct {
	service.FieldDiff
	Field         *templates.Field
	Before, After string
}

type revisionPage struct {
	Base
	Head     proposalHead
	Section  *templates.Section
	Number   int
	From     int
	Revision domain.Revision
	Diffs    []diffView
	Version  int // the section's current version, which a restore must name
}

// revisionPage shows what one save changed (or the difference from ?from=N) and offers to restore it.
func (p *Pages) revisionPage(c *gin.Context) {
	head, sec, ok := p.loadSection(c)
	if !ok {
		return
	}
	n, err := strconv.Atoi(c.Param("n"))
	if err != nil || n < 1 {
		p.fail(c, errNotFound)
		return
	}
	from := n - 1
	if f, err := strconv.Atoi(c.Query("from")); err == nil && f >= 0 {
		from = f
	}
	acc := mustAccess(c)
	rev, err := p.svc.Revision(c.Request.Context(), acc, head.Proposal.ID, sec.Key, n)
	if err != nil {
		p.fail(c, err)
		return
	}
	diffs, err := p.svc.DiffRevisions(c.Request.Context(), acc, head.Proposal.ID, sec.Key, from, n)
	if err != nil {
		p.fail(c, err)
		return
	}
	current, err := p.svc.Section(c.Request.Context(), acc, head.Proposal.ID, sec.Key)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := revisionPage{Base: p.base(c, tr(c, "revision.title", n)+" · "+sec.Number+" "+textIn(langOf(c), sec.Title)),
		Head: head, Section: sec, Number: n, From: from, Revision: rev, Version: current.Version}
	for _, d := range diffs {
		f, _ := sec.Field(d.Field)
		data.Diffs = append(data.Diffs, diffView{FieldDiff: d, Field: f, Before: summary(f, d.Before), After: summary(f, d.After)})
	}
	p.render(c, http.StatusOK, "revision", data)
}

// restoreRevision brings an old save back as a new one; a save made since the page was opened makes it
// refuse (the restore names the version it saw), so nobody's newer text is silently replaced.
func (p *Pages) restoreRevision(c *gin.Context) {
	n, errN := strconv.Atoi(c.Param("n"))
	version, errV := strconv.Atoi(c.PostForm("version"))
	if errN != nil || errV != nil {
		p.fail(c, domain.Invalid("bad restore form"))
		return
	}
	s, err := p.svc.RestoreRevision(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("key"), n, version)
	if err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, sectionURL(c.Param("id"), s.Key)+"?saved="+strconv.Itoa(s.Version))
}
