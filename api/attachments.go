package api

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// attachmentsRoute and attachmentsPageRoute are the upload routes (API and page), whose body limit
// follows the service's file limit.
const (
	attachmentsRoute     = "/api/v1/proposals/:id/attachments"
	attachmentsPageRoute = "/proposals/:id/attachments"
)

// uploadOverhead is what a multipart body carries beside the file: boundaries, headers and the small
// fields. The body limit is the file limit plus this, so the service, which counts the file's own bytes,
// is the one that names the limit.
const uploadOverhead = 64 << 10

// maxUploadField bounds each text field of an upload form (title, kind, section, link, csrf).
const maxUploadField = 4 << 10

type attachmentResponse struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	Kind        string         `json:"kind"`
	Section     *string        `json:"section"`
	Link        *string        `json:"link"`
	Sensitive   bool           `json:"sensitive"`
	Filename    string         `json:"filename"`
	ContentType string         `json:"content_type"`
	Size        int64          `json:"size"`
	SHA256      string         `json:"sha256"`
	UploadedBy  personResponse `json:"uploaded_by"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

type attachmentListResponse struct {
	Items []attachmentResponse `json:"items"`
}

type editAttachmentRequest struct {
	Title     *string `json:"title"`
	Kind      *string `json:"kind"`
	Section   *string `json:"section"`
	Link      *string `json:"link"`
	Sensitive *bool   `json:"sensitive"`
}

func toAttachmentResponse(a domain.Attachment) attachmentResponse {
	return attachmentResponse{ID: a.ID, Title: a.Title, Kind: a.Kind, Section: optional(a.SectionKey), Link: optional(a.Link), Sensitive: a.Sensitive,
		Filename: a.Filename, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, UploadedBy: toPerson(a.UploadedBy),
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

// createAttachment checks the caller may add files before reading the body, then streams the file part
// into a temporary file (hashed and sniffed on the way) and stores it.
func (h *handlers) createAttachment(c *gin.Context) {
	ctx, user := c.Request.Context(), currentUser(c)
	if err := h.svc.CheckAttach(ctx, user, c.Param("id")); err != nil {
		writeError(c, err)
		return
	}
	fields, file, err := ReadUpload(c.Request, h.svc, nil)
	if err != nil {
		writeError(c, err)
		return
	}
	defer file.Close()
	in := UploadInput(fields)
	a, err := h.svc.Attach(ctx, user, c.Param("id"), in, file)
	if err != nil {
		writeError(c, err)
		return
	}
	c.Header("Location", "/api/v1/proposals/"+a.ProposalID+"/attachments/"+a.ID)
	respond(c, http.StatusCreated, toAttachmentResponse(a))
}

func (h *handlers) listAttachments(c *gin.Context) {
	items, err := h.svc.Attachments(c.Request.Context(), currentUser(c), c.Param("id"), c.Query("section"))
	if err != nil {
		writeError(c, err)
		return
	}
	out := attachmentListResponse{Items: make([]attachmentResponse, len(items))}
	for i, a := range items {
		out.Items[i] = toAttachmentResponse(a)
	}
	respond(c, http.StatusOK, out)
}

func (h *handlers) getAttachment(c *gin.Context) {
	a, content, err := h.svc.AttachmentContent(c.Request.Context(), currentUser(c), c.Param("id"), c.Param("aid"))
	if err != nil {
		writeError(c, err)
		return
	}
	ServeAttachment(c.Writer, c.Request, a, content)
}

func (h *handlers) editAttachment(c *gin.Context) {
	var req editAttachmentRequest
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	patch := service.AttachmentPatch{Title: req.Title, Kind: req.Kind, Section: req.Section, Link: req.Link, Sensitive: req.Sensitive}
	a, err := h.svc.EditAttachment(c.Request.Context(), currentUser(c), c.Param("id"), c.Param("aid"), patch)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, toAttachmentResponse(a))
}

func (h *handlers) deleteAttachment(c *gin.Context) {
	if err := h.svc.DeleteAttachment(c.Request.Context(), currentUser(c), c.Param("id"), c.Param("aid")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// UploadInput reads a file's description from an upload's fields; the web form shares it. A checkbox
// sends "sensitive=1" (or "on" when it has no value), so either marks the file.
func UploadInput(fields map[string]string) service.AttachmentInput {
	return service.AttachmentInput{Title: fields["title"], Kind: fields["kind"], Section: fields["section"], Link: fields["link"],
		Sensitive: fields["sensitive"] == "1" || fields["sensitive"] == "on" || fields["sensitive"] == "true"}
}

// ReadUpload reads a multipart upload part by part without buffering it: small text fields into a map,
// the part named "file" into a staged temporary file. beforeFile, when set, sees the fields sent before
// the file and may refuse the upload before any of its bytes are read (the web page checks its CSRF token
// there). The web pages share this reader, so both interfaces take files the same way.
func ReadUpload(r *http.Request, svc *service.Service, beforeFile func(fields map[string]string) error) (map[string]string, *service.StagedFile, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, domain.Invalid("send the file as multipart/form-data", *domain.NewProblem("file", domain.ProblemRequired))
	}
	fields := map[string]string{}
	var file *service.StagedFile
	fail := func(err error) (map[string]string, *service.StagedFile, error) {
		if file != nil {
			file.Close()
		}
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, nil, svc.FileTooLarge()
		}
		if _, ok := domain.AsError(err); ok {
			return nil, nil, err
		}
		return nil, nil, &domain.Error{Kind: domain.KindInvalid, Message: "the upload could not be read as multipart/form-data", Code: "attachment.unreadable"}
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(err)
		}
		if err := readPart(part, svc, fields, &file, beforeFile); err != nil {
			return fail(err)
		}
	}
	if file == nil {
		return nil, nil, domain.Invalid("no file in the upload", *domain.NewProblem("file", domain.ProblemRequired))
	}
	return fields, file, nil
}

func readPart(part *multipart.Part, svc *service.Service, fields map[string]string, file **service.StagedFile, beforeFile func(map[string]string) error) error {
	defer part.Close()
	name := part.FormName()
	if name != "file" {
		b, err := io.ReadAll(io.LimitReader(part, maxUploadField+1))
		if err != nil {
			return err
		}
		if len(b) > maxUploadField {
			return domain.Invalid("a field is too long", domain.Problem{Field: name, Message: "is longer than 4 KiB"})
		}
		if p := domain.CheckText(name, string(b), maxUploadField, false); p != nil {
			return domain.Invalid("a field is not valid text", *p)
		}
		fields[name] = strings.TrimSpace(string(b))
		return nil
	}
	if *file != nil {
		return domain.Invalid("one file per upload", domain.Problem{Field: "file", Message: "appears more than once"})
	}
	if beforeFile != nil {
		if err := beforeFile(fields); err != nil {
			return err
		}
	}
	staged, err := svc.StageFile(part, part.FileName())
	if err != nil {
		return err
	}
	*file = staged
	return nil
}
