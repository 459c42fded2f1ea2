package api

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/templates"
)

// templateSummary is a catalogue entry: enough to choose a template without downloading all its guidance.
type templateSummary struct {
	Key          string         `json:"key"`
	Version      int            `json:"version"`
	Title        templates.Text `json:"title"`
	Description  templates.Text `json:"description"`
	SectionCount int            `json:"section_count"`
	// Default marks the template a proposal starts from when none is named.
	Default      bool   `json:"default"`
	SupersededBy string `json:"superseded_by,omitempty"`
}

// listTemplates lists the newest version of each template, the default first and superseded ones last.
func (h *handlers) listTemplates(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	list := h.svc.Templates().List()
	out := make([]templateSummary, len(list))
	for i, t := range list {
		out[i] = templateSummary{Key: t.Key, Version: t.Version, Title: t.Title.In(lang), Description: t.Description.In(lang), SectionCount: len(t.Sections),
			Default: t.Key == templates.DefaultKey, SupersededBy: t.SupersededBy}
	}
	respond(c, http.StatusOK, gin.H{"items": out})
}

// getTemplate serves the newest version of a template, or ?version=N for the one a proposal pinned.
func (h *handlers) getTemplate(c *gin.Context) {
	lang, err := languageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	var tpl *templates.Template
	var ok bool
	if v := c.Query("version"); v != "" {
		n, convErr := parsePositive("version", v)
		if convErr != nil {
			writeError(c, convErr)
			return
		}
		tpl, ok = h.svc.Templates().Get(c.Param("key"), n)
	} else {
		tpl, ok = h.svc.Templates().Latest(c.Param("key"))
	}
	if !ok {
		writeError(c, domain.Errorf(domain.KindNotFound, "no template %q", c.Param("key")))
		return
	}
	respond(c, http.StatusOK, tpl.In(lang))
}

// languageFrom reads ?lang=; empty means every language.
func languageFrom(c *gin.Context) (string, error) {
	lang := c.Query("lang")
	if lang != "" && !slices.Contains(templates.Languages, lang) {
		return "", domain.Invalid("unsupported language", domain.Problem{Field: "lang", Message: "must be en or ru"})
	}
	return lang, nil
}
