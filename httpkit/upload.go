package httpkit

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"iduit/domain"
	"iduit/service"
)

// UploadOverhead is what a multipart body carries beside the file: boundaries, headers and the small
// fields. The body limit is the file limit plus this, so the service, which counts the file's own bytes,
// is the one that names the limit.
const UploadOverhead = 64 << 10

// maxUploadField bounds each text field of an upload form (title, kind, section, link, csrf).
const maxUploadField = 4 << 10

// AllowUpload lets route take one file of the service's file limit (with its multipart wrapping), and
// refuses a larger body with the service's own error, which names that limit. A nil service (a router
// built only to list its routes) takes the default limits.
func (e *Engine) AllowUpload(route string, svc *service.Service) {
	if svc == nil {
		e.AllowBody(route, service.DefaultAttachmentLimits.MaxFileBytes+UploadOverhead, nil)
		return
	}
	e.AllowBody(route, svc.AttachmentLimits().MaxFileBytes+UploadOverhead, svc.FileTooLarge())
}

// UploadInput reads a file's description from an upload's fields, for the API and the web form alike. A checkbox
// sends "sensitive=1" (or "on" when it has no value), so either marks the file.
func UploadInput(fields map[string]string) service.AttachmentInput {
	return service.AttachmentInput{Title: fields["title"], Kind: fields["kind"], Section: fields["section"], Link: fields["link"],
		Sensitive: fields["sensitive"] == "1" || fields["sensitive"] == "on" || fields["sensitive"] == "true"}
}

// ReadUpload reads a multipart upload part by part without buffering it: small text fields into a map,
// the part named "file" into a staged temporary file. beforeFile, when set, sees the fields sent before
// the file and may refuse the upload before any of its bytes are read (the web page checks its CSRF token
// there). The API and the web pages share this reader, so both take files the same way.
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
