package httpkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"iduit/domain"
)

// readable reports whether s can reach the database as text on both engines: PostgreSQL refuses a NUL
// character and invalid UTF-8 in text (SQLSTATE 22021, a 500 if it gets that far) where SQLite stores
// them, so the same request must be refused before either sees it.
func readable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// rejectUnreadableInput is the one check of the text a request carries outside its JSON body: path
// parameters, query strings and, for the pages, form fields (JSON bodies are checked by DecodeJSON).
// A path that is not text names nothing, so it is not found; a query or form value is invalid input.
func (e *Engine) rejectUnreadableInput(c *gin.Context) {
	if err := unreadableInput(c, e.forPages(c)); err != nil {
		e.refuse(c, err)
		return
	}
	c.Next()
}

func unreadableInput(c *gin.Context, form bool) error {
	for _, p := range c.Params {
		if !readable(p.Value) {
			return domain.Errorf(domain.KindNotFound, "the path parameter %s is not valid text (NUL or invalid UTF-8)", p.Key)
		}
	}
	if err := checkValues("query parameter", c.Request.URL.Query()); err != nil {
		return err
	}
	if form && strings.HasPrefix(c.ContentType(), "application/x-www-form-urlencoded") {
		if c.Request.ParseForm() == nil {
			return checkValues("form field", c.Request.PostForm)
		}
	}
	return nil
}

func checkValues(what string, values map[string][]string) error {
	for key, vs := range values {
		if !readable(key) {
			return domain.Invalid("the request is not valid text", domain.Problem{Field: what, Message: "a name contains a NUL character or invalid UTF-8"})
		}
		for _, v := range vs {
			if !readable(v) {
				return domain.Invalid("the request is not valid text", domain.Problem{Field: key, Message: fmt.Sprintf("this %s contains a NUL character or invalid UTF-8", what)})
			}
		}
	}
	return nil
}

// escapedNUL reports whether a JSON text holds the escape \u0000, which decodes to a NUL character. A
// backslash appears only inside strings, and skipping the character after each one keeps "\\u0000"
// (a backslash, then text) apart. It is a byte scan: every autosave's body comes through here.
func escapedNUL(body []byte) bool {
	for i := bytes.IndexByte(body, '\\'); i >= 0 && i+1 < len(body); {
		if body[i+1] == 'u' && bytes.HasPrefix(body[i+2:], []byte("0000")) {
			return true
		}
		next := bytes.IndexByte(body[i+2:], '\\')
		if next < 0 {
			return false
		}
		i += 2 + next
	}
	return false
}

// nulPath names the member whose string holds a NUL, such as "comments[0].quote", so that the refusal
// says where; it is only walked once escapedNUL found one.
func nulPath(body []byte) string {
	type frame struct {
		array   bool
		index   int
		key     string
		wantKey bool
	}
	var stack []frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack {
			switch {
			case f.array:
				fmt.Fprintf(&b, "[%d]", f.index)
			case b.Len() > 0:
				b.WriteString("." + f.key)
			default:
				b.WriteString(f.key)
			}
		}
		return b.String()
	}
	valueDone := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].wantKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				stack = append(stack, frame{array: v == '[', wantKey: v == '{'})
				continue
			}
			stack = stack[:len(stack)-1]
			valueDone()
		case string:
			if n := len(stack); n > 0 && stack[n-1].wantKey {
				stack[n-1].key, stack[n-1].wantKey = v, false
				if strings.IndexByte(v, 0) >= 0 {
					return path()
				}
				continue
			}
			if strings.IndexByte(v, 0) >= 0 {
				return path()
			}
			valueDone()
		default:
			valueDone()
		}
	}
}
