package httpkit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// DecodeJSON reads a request body into v strictly: valid UTF-8 with no NUL in any string, well-formed
// JSON, one value, no unknown members, within the body limit. Each failure is a 4xx that says what is wrong.
func DecodeJSON(c *gin.Context, v any) error {
	body, err := readBody(c.Request)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return domain.Errorf(domain.KindTooLarge, "the request body is larger than the limit of %d bytes", tooLarge.Limit)
		}
		return domain.Errorf(domain.KindInvalid, "the request body could not be read")
	}
	return DecodeJSONBytes(body, v)
}

// DecodeJSONBytes is DecodeJSON's strict reading of a JSON document already read, such as an import
// archive's proposal.json.
func DecodeJSONBytes(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return domain.Errorf(domain.KindInvalid, "the request body is empty; send a JSON object")
	}
	if !utf8.Valid(body) {
		return domain.Errorf(domain.KindInvalid, "the request body is not valid UTF-8")
	}
	if escapedNUL(body) {
		return domain.Invalid("a text in the request body holds a NUL character",
			domain.Problem{Field: nulPath(body), Message: "contains the control character U+0000"})
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonProblem(err)
	}
	if dec.More() {
		return domain.Errorf(domain.KindInvalid, "the request body holds more than one JSON value")
	}
	return nil
}

// readBody reads the whole body, in one allocation when the client said how long it is (a save's
// text is read on every autosave; io.ReadAll would grow its buffer from 512 bytes).
func readBody(r *http.Request) ([]byte, error) {
	if r.ContentLength <= 0 || r.ContentLength > DefaultMaxBodyBytes {
		return io.ReadAll(r.Body)
	}
	// net/http ends the body after Content-Length bytes; a body limit below it still fails here, with
	// the MaxBytesError that DecodeJSON reports as 413.
	body := make([]byte, r.ContentLength)
	if _, err := io.ReadFull(r.Body, body); err != nil {
		return nil, err
	}
	return body, nil
}

func jsonProblem(err error) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return domain.Errorf(domain.KindInvalid, "malformed JSON at byte %d: %s", syntax.Offset, syntax.Error())
	case errors.As(err, &typeErr):
		return domain.Invalid("a value has the wrong type",
			domain.Problem{Field: typeErr.Field, Message: fmt.Sprintf("must be %s, not %s", typeErr.Type, typeErr.Value)})
	case errors.Is(err, io.ErrUnexpectedEOF):
		return domain.Errorf(domain.KindInvalid, "malformed JSON: the body ends too early")
	}
	var unknown string
	if _, scanErr := fmt.Sscanf(err.Error(), "json: unknown field %q", &unknown); scanErr == nil {
		return domain.Invalid("the body has a member this endpoint does not know",
			domain.Problem{Field: unknown, Message: "is not a known member"})
	}
	return domain.Errorf(domain.KindInvalid, "malformed JSON: %s", err.Error())
}

// JSONEncode writes v without escaping <, > and & so that text reads as typed; browsers never sniff
// these responses as HTML (X-Content-Type-Options: nosniff).
func JSONEncode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// IfMatchVersion reads the version a guarded write is based on, whatever it writes (a section, a
// document, a proposal's attributes, a restore). Without it a save could silently overwrite someone else's, so it is required (428), and
// "*" is refused for the same reason.
func IfMatchVersion(header string) (int, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return 0, domain.Errorf(domain.KindPreconditionRequired, "send If-Match with the ETag of what you edited, so that no one else's save is overwritten")
	}
	v, err := strconv.Atoi(strings.Trim(header, `"`))
	if err != nil || v < 0 || strings.HasPrefix(header, "W/") {
		return 0, domain.Invalid("If-Match is not an ETag of this server", domain.Problem{Field: "If-Match", Message: `must be the ETag from the last GET or save, such as "3"`})
	}
	return v, nil
}

// GuardedBody reads a version-guarded write: the If-Match it is based on, then its JSON body.
func GuardedBody[T any](c *gin.Context) (int, T, error) {
	var req T
	expected, err := IfMatchVersion(c.GetHeader("If-Match"))
	if err != nil {
		return 0, req, err
	}
	if err := DecodeJSON(c, &req); err != nil {
		return 0, req, err
	}
	return expected, req, nil
}

// jsonRender writes success bodies with the same encoder as problems.
type jsonRender struct{ v any }

func (r jsonRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return JSONEncode(w, r.v)
}

func (r jsonRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
}

// Respond writes v as a JSON body with status.
func Respond(c *gin.Context, status int, v any) { c.Render(status, jsonRender{v}) }
