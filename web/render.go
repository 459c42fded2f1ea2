package web

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/templates"
)

// Base is what every page's layout needs; each page's data embeds it.
type Base struct {
	Lang      string
	Title     string
	User      *domain.User
	CSRF      string
	Path      string // where the language switch returns to
	Flash     string
	RequestID string
	// Unread counts the signed-in person's unread notifications, for the badge in the header.
	Unread int64
}

// base fills the layout's data for this request. title is already translated.
func (p *Pages) base(c *gin.Context, title string) Base {
	b := Base{Lang: langOf(c), Title: title, CSRF: p.csrfToken(c), Path: c.Request.URL.RequestURI(), RequestID: requestID(c)}
	if u, ok := userOf(c); ok {
		b.User = &u
		// One COUNT per page: the badge is worth it, and a failure only hides the badge.
		b.Unread, _ = p.svc.UnreadNotifications(c.Request.Context(), u)
	}
	if c.Request.Method != http.MethodGet {
		b.Path = c.Request.URL.Path // a page re-rendered after a post: its address shows the same page on GET
	}
	return b
}

// parsePages parses the layout and partials with each page file, once per language so that the t
// function is bound to its language at start-up.
func parsePages(fsys fs.FS, lang string, loc *time.Location, static *staticFiles) (map[string]*template.Template, error) {
	shared, err := fs.Glob(fsys, "pages/_*.html")
	if err != nil {
		return nil, err
	}
	if len(shared) == 0 {
		return nil, fmt.Errorf("pages/_layout.html is missing")
	}
	pages, err := fs.Glob(fsys, "pages/[a-z]*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, page := range pages {
		name := strings.TrimSuffix(path.Base(page), ".html")
		t, err := template.New(name).Funcs(funcs(lang, loc, static)).ParseFS(fsys, append([]string{page}, shared...)...)
		if err != nil {
			return nil, err
		}
		if t.Lookup("layout") == nil || t.Lookup("content") == nil {
			return nil, fmt.Errorf("%s: needs the layout and a \"content\" block", page)
		}
		out[name] = t
	}
	for _, required := range pageNames {
		if out[required] == nil {
			return nil, fmt.Errorf("pages/%s.html is missing", required)
		}
	}
	return out, nil
}

// pageNames are the pages the handlers render; a missing one fails the start-up.
var pageNames = []string{"signin", "signup", "proposals", "new", "proposal", "section", "check", "members",
	"history", "revision", "activity", "error", "budget", "indicators", "forgot", "reset", "account",
	"settings", "interventions", "priorities", "ccm-process", "attachments"}

func funcs(lang string, loc *time.Location, static *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) (string, error) { return translate(lang, key, args...) },
		"tx": func(t templates.Text) string {
			if s := t[lang]; s != "" {
				return s
			}
			return t["en"]
		},
		"static":      static.url,
		"words":       domain.CountWords,
		"date":        func(t time.Time) string { return formatTime(lang, loc, t) },
		"paras":       paragraphs,
		"chapter":     func(n int) (string, error) { return chapterName(lang, n) },
		"langname":    func(code string) string { return nativeLanguageNames[code] },
		"add":         func(a, b int) int { return a + b },
		"count":       func(n int, noun string) (string, error) { return count(lang, n, noun) },
		"threadArgs":  newThreadArgs,
		"commentArgs": newCommentArgs,
		"measureArgs": newMeasureArgs,
	}
}

// paragraphs splits guidance on blank lines, so that it reads as paragraphs without trusting any markup.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// formatTime is the one way the pages write a moment: in the person's zone, named so that nobody takes
// it for another ("UTC", "UTC+06").
func formatTime(lang string, loc *time.Location, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	zone := "UTC"
	if loc != time.UTC {
		if name := t.Format("MST"); name != "" && name[0] != '+' && name[0] != '-' {
			zone = name
		} else {
			zone = "UTC" + t.Format("-07:00")
			zone = strings.TrimSuffix(zone, ":00")
		}
	}
	if lang == "ru" {
		return t.Format("02.01.2006 15:04") + " " + zone
	}
	return t.Format("2 Jan 2006 15:04") + " " + zone
}

// render executes a page into memory first, so that a template error becomes the error page instead of
// half a page, then writes it gzipped when the browser accepts it.
func (p *Pages) render(c *gin.Context, status int, name string, data any) {
	lang := langOf(c)
	t := p.viewsFor(c, lang)[name]
	var buf bytes.Buffer
	if t == nil {
		p.fail(c, fmt.Errorf("no page template %q", name))
		return
	}
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		if name == "error" {
			c.String(http.StatusInternalServerError, "internal error; request id %s", requestID(c))
			return
		}
		p.fail(c, fmt.Errorf("render %s: %w", name, err))
		return
	}
	c.Abort()
	writeCompressible(c, status, "text/html; charset=utf-8", buf.Bytes(), nil)
}
