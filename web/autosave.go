package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/templates"
)

// The autosave script cannot use the JSON API: the API takes only "Authorization: Bearer", and the page's
// session token lives in an HttpOnly cookie that no script can read (so that an injected script could not
// steal it either). The script therefore calls this same-origin endpoint, which authenticates with the
// cookie and requires the page's CSRF token in the X-CSRF-Token header. It reads the same form encoding as
// the no-script save, takes If-Match with the version the field was read at, as the API does (428 without
// it), merges field by field like the form save, and answers 412 with the other person's text when both
// changed the same field. Every refusal is an application/problem+json document written by the API's own
// writer (httpkit.WriteError), with the same type URNs; only its field messages are in the reader's
// language, and a conflict carries the other person's text as extension members.

type autosaveOK struct {
	Version int    `json:"version"`
	SavedAt string `json:"saved_at"`
	// InSync are the fields whose text on the page equals what is now stored; the others changed
	// elsewhere and ChangedElsewhere names them for the reader.
	InSync           []string `json:"in_sync"`
	ChangedElsewhere []string `json:"changed_elsewhere"`
}

type conflictField struct {
	Key    string         `json:"key"`
	Label  string         `json:"label"`
	Texts  []conflictText `json:"texts,omitempty"`
	Theirs string         `json:"theirs,omitempty"`
}

type conflictText struct {
	Lang   string `json:"lang"`
	Name   string `json:"name"`
	Theirs string `json:"theirs"`
}

func (p *Pages) autosave(c *gin.Context) {
	head, sec, err := p.findSection(c)
	if err != nil {
		httpkit.WriteError(c, err)
		return
	}
	base, err := httpkit.IfMatchVersion(c.GetHeader("If-Match"))
	if err != nil {
		httpkit.WriteError(c, err)
		return
	}
	_ = c.Request.ParseForm()
	only := c.Request.PostForm["only"]
	req := saveRequestFrom(c, head.Proposal, sec, only)
	for _, key := range req.Touched {
		req.Bases[key] = base
	}
	res, err := p.mergeAndSave(c.Request.Context(), mustAccess(c), req)
	switch e, _ := domain.AsError(err); {
	case err == nil && len(res.Conflicts) == 0:
		c.Header("ETag", `"`+strconv.Itoa(res.Saved.Version)+`"`)
		c.JSON(http.StatusOK, autosaveOK{Version: res.Saved.Version, SavedAt: formatTime(langOf(c), zoneOf(c), res.Saved.UpdatedAt),
			InSync: res.InSync, ChangedElsewhere: p.labels(c, sec, outOfSync(sec, res.InSync))})
	case err == nil:
		p.autosaveConflict(c, head.Proposal, sec, res)
	case e != nil && e.Kind == domain.KindInvalid:
		// The problem's errors are said in the reader's language and name the field's key, which is
		// what the script finds the box by.
		views := p.fieldProblems(c, viewFields(sec, head.Proposal, nil, 0), e.Problems)
		local := &domain.Error{Kind: domain.KindInvalid, Message: e.Message, Problems: make([]domain.Problem, len(views))}
		for i, v := range views {
			local.Problems[i] = domain.Problem{Field: v.Field, Message: v.Message}
		}
		httpkit.WriteError(c, local)
	default:
		httpkit.WriteError(c, err)
	}
}

// autosaveConflict answers 412 with what the script shows beside the writer's own text: who saved, when,
// and each conflicting field's stored text, as extension members of the problem (current_version is
// the API's name for the version now stored).
func (p *Pages) autosaveConflict(c *gin.Context, prop domain.Proposal, sec *templates.Section, res saveResult) {
	names, err := p.memberNames(c, prop.ID)
	if err != nil {
		httpkit.WriteError(c, err)
		return
	}
	fields := []conflictField{}
	views := viewFields(sec, prop, res.Proposed, res.Current.Version)
	markConflicts(views, res.Conflicts, prop, res.Current.Fields)
	for _, v := range views {
		if !v.Conflict {
			continue
		}
		cf := conflictField{Key: v.Key, Label: textIn(langOf(c), v.Field.Label), Theirs: v.Theirs}
		for _, t := range v.Texts {
			cf.Texts = append(cf.Texts, conflictText{Lang: t.Lang, Name: t.Name, Theirs: t.Theirs})
		}
		fields = append(fields, cf)
	}
	httpkit.WriteError(c, &domain.Error{Kind: domain.KindPreconditionFailed,
		Message: "someone else saved these fields since you read them; nothing was saved",
		Extra: map[string]any{"current_version": res.Current.Version, "by": names[res.Current.UpdatedBy],
			"at": formatTime(langOf(c), zoneOf(c), res.Current.UpdatedAt), "fields": fields}})
}

func outOfSync(sec *templates.Section, inSync []string) []string {
	var out []string
	for _, f := range sec.Fields {
		if !containsString(inSync, f.Key) {
			out = append(out, f.Key)
		}
	}
	return out
}

func (p *Pages) labels(c *gin.Context, sec *templates.Section, keys []string) []string {
	out := []string{}
	for _, k := range keys {
		if f, ok := sec.Field(k); ok {
			out = append(out, textIn(langOf(c), f.Label))
		}
	}
	return out
}
