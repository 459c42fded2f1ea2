package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/service"
)

type issueResponse struct {
	Section string `json:"section"`
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type checkResponse struct {
	Ready    bool            `json:"ready"`
	Errors   []issueResponse `json:"errors"`
	Warnings []issueResponse `json:"warnings"`
}

type sectionProgressResponse struct {
	Key            string `json:"key"`
	Number         string `json:"number"`
	State          string `json:"state"`
	RequiredTotal  int    `json:"required_total"`
	RequiredFilled int    `json:"required_filled"`
	FieldsTotal    int    `json:"fields_total"`
	FieldsFilled   int    `json:"fields_filled"`
}

type progressResponse struct {
	Sections    []sectionProgressResponse `json:"sections"`
	Counts      map[string]int            `json:"counts"`
	NextSection *string                   `json:"next_section"`
}

func toIssues(in []service.Issue) []issueResponse {
	out := make([]issueResponse, len(in))
	for i, is := range in {
		out[i] = issueResponse(is)
	}
	return out
}

func (h *handlers) check(c *gin.Context) {
	r, err := h.svc.Check(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, checkResponse{Ready: r.Ready, Errors: toIssues(r.Errors), Warnings: toIssues(r.Warnings)})
}

func (h *handlers) progress(c *gin.Context) {
	p, err := h.svc.Progress(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	resp := progressResponse{Counts: p.Counts, Sections: make([]sectionProgressResponse, len(p.Sections))}
	for i, s := range p.Sections {
		resp.Sections[i] = sectionProgressResponse(s)
	}
	if p.NextSection != "" {
		resp.NextSection = &p.NextSection
	}
	respond(c, http.StatusOK, resp)
}
