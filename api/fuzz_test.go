package api

import (
	"bytes"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/export"
)

// requestTypes are the body of every endpoint that takes one; FuzzDecode decodes arbitrary bytes into
// each and requires either success or a 4xx-kind error, never a panic or an internal error.
var requestTypes = []func() any{
	func() any { return &createUserRequest{} },
	func() any { return &createSessionRequest{} },
	func() any { return &createProposalRequest{} },
	func() any { return &updateProposalRequest{} },
	func() any { return &addMemberRequest{} },
	func() any { return &sectionRequest{} },
	func() any { return &createCommentRequest{} },
	func() any { return &editCommentRequest{} },
	func() any { return &statusRequest{} },
	func() any { return &budgetRequest{} },
	func() any { return &frameworkRequest{} },
	func() any { return &export.Document{} },
}

func FuzzDecode(f *testing.F) {
	seeds := []string{
		`{"email":"a@b.org","name":"Айгуль","password":"correct horse"}`,
		`{"fields":{"data-gaps":{"en":"x","ru":"у"}}}`,
		`{"currency":"KGS","years":[2027],"lines":[{"amounts":[1]}]}`,
		`{"indicators":[{"code":"KP-1d","baseline":{"value":1}}]}`,
		`{"section":"risks","quote":"\u202e","body":"👍🏽"}`,
		"{\"name\":\"\xff\"}", `[]`, `null`, `{"a":`, `{} {}`,
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i))
	}
	gin.SetMode(gin.ReleaseMode)
	f.Fuzz(func(t *testing.T, body []byte, which uint8) {
		target := requestTypes[int(which)%len(requestTypes)]()
		c, _ := gin.CreateTestContext(httptest.NewRecorder())
		c.Request = httptest.NewRequest("POST", "/", bytes.NewReader(body))
		err := decodeJSON(c, target)
		if err == nil {
			return
		}
		e, ok := domain.AsError(err)
		if !ok || (e.Kind != domain.KindInvalid && e.Kind != domain.KindTooLarge) {
			t.Fatalf("decoding %q into %T gave %v, want a 400-kind error", body, target, err)
		}
	})
}
