package web

import (
	"crypto/hmac"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/httpkit"
	"iduit/service"
)

// attachmentRow is a file as the list shows it, with its size written for people.
type attachmentRow struct {
	domain.Attachment
	SizeText string
}

type attachmentsPage struct {
	Base
	Head  proposalHead
	Items []attachmentRow
	Kinds []string
	// MaxFile and MaxProposal are the limits as people read them ("25 MB").
	MaxFile, MaxProposal string
	Accepted             string
	// Section is the section the list is narrowed to, if any.
	Section  string
	Form     service.AttachmentInput
	Problems map[string]string
	Error    string
}

func (p *Pages) attachmentsPage(c *gin.Context) {
	// ?section= lists the files of one section and offers it in the form (a section page links here so).
	p.showAttachments(c, http.StatusOK, attachmentsPage{Form: service.AttachmentInput{Kind: domain.AttachmentMinutes, Section: c.Query("section")}})
}

// showAttachments renders the list and the upload form; a refused upload shows it again with what was
// typed and why.
func (p *Pages) showAttachments(c *gin.Context, status int, data attachmentsPage) {
	head, err := p.loadHead(c, "attachments")
	if err != nil {
		p.fail(c, err)
		return
	}
	items, err := p.svc.Attachments(c.Request.Context(), mustAccess(c), head.Proposal.ID, c.Query("section"))
	if err != nil {
		p.fail(c, err)
		return
	}
	data.Section = c.Query("section")
	limits := p.svc.AttachmentLimits()
	data.Base, data.Head, data.Kinds = p.base(c, tr(c, "attachments.title")+" · "+head.Proposal.Title), head, domain.AttachmentKinds()
	for _, a := range items {
		data.Items = append(data.Items, attachmentRow{Attachment: a, SizeText: sizeText(c, a.Size)})
	}
	data.MaxFile, data.MaxProposal, data.Accepted = sizeText(c, limits.MaxFileBytes), sizeText(c, limits.MaxProposalBytes), service.AcceptedFiles
	switch {
	case c.Query("added") != "":
		data.Flash = tr(c, "attachments.added")
	case c.Query("deleted") != "":
		data.Flash = tr(c, "attachments.deleted")
	}
	p.render(c, status, "attachments", data)
}

// uploadAttachment takes the upload form. It is not behind verifyCSRF, which would parse the whole
// multipart body into memory to find the token: the form sends its token first, and the upload is refused
// when the file part arrives without a valid one, before any byte of the file is read.
func (p *Pages) uploadAttachment(c *gin.Context) {
	ctx, acc, id := c.Request.Context(), mustAccess(c), c.Param("id")
	if err := p.svc.CheckAttach(ctx, acc, id); err != nil {
		p.fail(c, err)
		return
	}
	fields, file, err := httpkit.ReadUpload(c.Request, p.svc, p.uploadToken(c))
	if err == nil {
		defer file.Close()
		_, err = p.svc.Attach(ctx, acc, id, httpkit.UploadInput(fields), file)
	}
	if err == nil {
		redirect(c, "/proposals/"+id+"/attachments?added=1")
		return
	}
	e, ok := domain.AsError(err)
	if !ok || err == errCSRF || (e.Kind != domain.KindInvalid && e.Kind != domain.KindTooLarge && e.Kind != domain.KindUnsupportedMediaType) {
		p.fail(c, err)
		return
	}
	data := attachmentsPage{Form: httpkit.UploadInput(fields), Problems: map[string]string{}}
	for _, pr := range p.problems(c, e.Problems) {
		data.Problems[pr.Field] = pr.Message
	}
	if len(e.Problems) == 0 || e.Kind != domain.KindInvalid {
		data.Error = localiseError(langOf(c), e)
	}
	p.showAttachments(c, httpkit.StatusFor(e.Kind), data)
}

// uploadToken checks the form's CSRF token, sent before the file, as verifyCSRF would.
func (p *Pages) uploadToken(c *gin.Context) func(map[string]string) error {
	return func(fields map[string]string) error {
		sess, ok := sessionOf(c)
		sent := fields[csrfField]
		if !ok || sent == "" || c.GetHeader("Sec-Fetch-Site") == "cross-site" || !hmac.Equal([]byte(sent), []byte(p.sign("session", sess.ID))) {
			p.logger(c).Warn("csrf check failed", "route", c.FullPath())
			return errCSRF
		}
		return nil
	}
}

// downloadAttachment sends a file to a signed-in member, as the API does.
func (p *Pages) downloadAttachment(c *gin.Context) {
	a, content, err := p.svc.AttachmentContent(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("aid"))
	if err != nil {
		p.fail(c, err)
		return
	}
	httpkit.ServeAttachment(c.Writer, c.Request, a, content)
}

func (p *Pages) deleteAttachment(c *gin.Context) {
	if err := p.svc.DeleteAttachment(c.Request.Context(), mustAccess(c), c.Param("id"), c.Param("aid")); err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/proposals/"+c.Param("id")+"/attachments?deleted=1")
}

// sizeText writes a size for people: megabytes from one up (one decimal), kilobytes below.
func sizeText(c *gin.Context, n int64) string {
	if n >= 1<<20 {
		return tr(c, "attachments.mb", fmt.Sprintf("%.3g", float64(n)/(1<<20)))
	}
	return tr(c, "attachments.kb", (n+1023)/1024)
}
