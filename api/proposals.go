package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

type createProposalRequest struct {
	Template string  `json:"template"`
	Title    *string `json:"title"`
	Language *string `json:"language"`
	Country  *string `json:"country"`
	Network  *string `json:"network"`
	proposalTranslationsRequest
	Bilingual          *bool   `json:"bilingual"`
	SubmissionLanguage *string `json:"submission_language"`
}

type updateProposalRequest struct {
	HideReviewerNames *bool   `json:"hide_reviewer_names"`
	Title             *string `json:"title"`
	Language          *string `json:"language"`
	Country           *string `json:"country"`
	Network           *string `json:"network"`
	proposalTranslationsRequest
	Bilingual          *bool   `json:"bilingual"`
	SubmissionLanguage *string `json:"submission_language"`
}

// proposalTranslationsRequest are a bilingual proposal's title, country and network in its other
// language; a member left out leaves the stored text as it is.
type proposalTranslationsRequest struct {
	TitleTranslation   *string `json:"title_translation"`
	CountryTranslation *string `json:"country_translation"`
	NetworkTranslation *string `json:"network_translation"`
}

func (r proposalTranslationsRequest) into(in *service.ProposalInput) {
	in.TitleTranslation, in.CountryTranslation, in.NetworkTranslation = r.TitleTranslation, r.CountryTranslation, r.NetworkTranslation
}

type proposalResponse struct {
	ID                 string                   `json:"id"`
	Template           string                   `json:"template"`
	TemplateVersion    int                      `json:"template_version"`
	Title              string                   `json:"title"`
	Language           string                   `json:"language"`
	Country            string                   `json:"country"`
	Network            string                   `json:"network"`
	TitleTranslation   string                   `json:"title_translation,omitempty"`
	CountryTranslation string                   `json:"country_translation,omitempty"`
	NetworkTranslation string                   `json:"network_translation,omitempty"`
	Bilingual          bool                     `json:"bilingual"`
	SubmissionLanguage string                   `json:"submission_language"`
	HideReviewerNames  bool                     `json:"hide_reviewer_names"`
	Status             string                   `json:"status"`
	Role               domain.Role              `json:"role"`
	CreatedAt          time.Time                `json:"created_at"`
	UpdatedAt          time.Time                `json:"updated_at"`
	Sections           []sectionSummaryResponse `json:"sections,omitempty"`
}

type sectionSummaryResponse struct {
	Key       string    `json:"key"`
	Version   int       `json:"version"`
	UpdatedAt time.Time `json:"updated_at"`
}

// toProposalResponse carries the translations of a bilingual proposal only: a one-language proposal's
// answer is what it always was.
func toProposalResponse(p domain.Proposal) proposalResponse {
	r := proposalResponse{
		ID: p.ID, Template: p.TemplateKey, TemplateVersion: p.TemplateVersion, Title: p.Title,
		Language: p.Language, Country: p.Country, Network: p.Network, Bilingual: p.Bilingual,
		SubmissionLanguage: p.SubmissionLanguage, HideReviewerNames: p.HideReviewerNames, Status: p.Status, Role: p.Role,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
	}
	if p.Bilingual {
		r.TitleTranslation, r.CountryTranslation, r.NetworkTranslation = p.Translation.Title, p.Translation.Country, p.Translation.Network
	}
	return r
}

func (h *handlers) createProposal(c *gin.Context) {
	var req createProposalRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	in := service.ProposalInput{Template: req.Template, Title: req.Title, Language: req.Language, Country: req.Country,
		Network: req.Network, Bilingual: req.Bilingual, SubmissionLanguage: req.SubmissionLanguage}
	req.proposalTranslationsRequest.into(&in)
	p, err := h.svc.CreateProposal(c.Request.Context(), currentUser(c), in)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/proposals/"+p.ID)
	c.Header("ETag", etag(p.Version))
	respond(c, http.StatusCreated, toProposalResponse(p))
}

func (h *handlers) listProposals(c *gin.Context) {
	page, err := pageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	items, total, err := h.svc.Proposals(c.Request.Context(), currentUser(c), page)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, newList(items, total, page, toProposalResponse))
}

// getProposal returns the proposal with a summary of every section in template order: two queries,
// whatever the size of the proposal.
func (h *handlers) getProposal(c *gin.Context) {
	p, sections, err := h.svc.OpenProposal(c.Request.Context(), currentAccess(c), c.Param("id"))
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	resp := toProposalResponse(p)
	resp.Sections = make([]sectionSummaryResponse, len(sections))
	for i, s := range sections {
		resp.Sections[i] = sectionSummaryResponse{Key: s.Key, Version: s.Version, UpdatedAt: s.UpdatedAt}
	}
	respond(c, http.StatusOK, resp)
}

// updateProposal changes the attributes sent, guarded by If-Match like a section save: without it two
// people changing different attributes at once would overwrite each other.
func (h *handlers) updateProposal(c *gin.Context) {
	expected, req, err := guardedBody[updateProposalRequest](c)
	if err != nil {
		writeError(c, err)
		return
	}
	in := service.ProposalInput{Title: req.Title, Language: req.Language, Country: req.Country, Network: req.Network,
		Bilingual: req.Bilingual, SubmissionLanguage: req.SubmissionLanguage, HideReviewerNames: req.HideReviewerNames}
	req.proposalTranslationsRequest.into(&in)
	p, err := h.svc.UpdateProposal(c.Request.Context(), currentAccess(c), c.Param("id"), expected, in)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("ETag", etag(p.Version))
	respond(c, http.StatusOK, toProposalResponse(p))
}

func (h *handlers) deleteProposal(c *gin.Context) {
	if err := h.svc.DeleteProposal(c.Request.Context(), currentAccess(c), c.Param("id")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
