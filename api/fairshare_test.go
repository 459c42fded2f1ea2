package api

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"iduit/internal/testdb"
	"iduit/models"
	"iduit/pdf"
	"iduit/service"
)

// heldRenders is a PDF renderer that blocks until released, so a test can keep renders running.
type heldRenders struct{ release chan struct{} }

func (h heldRenders) render(w io.Writer, _ pdf.Document) error {
	<-h.release
	_, err := io.WriteString(w, "%PDF-1.4\n%held\n")
	return err
}

// TestPDFRendersShareFairly: one account keeping more uncached renders going than its share gets 429
// (with Retry-After) for the extra ones, and another account's PDF still gets its turn instead of a 503.
func TestPDFRendersShareFairly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		held := heldRenders{release: make(chan struct{})}
		released := false
		defer func() {
			if !released {
				close(held.release)
			}
		}()
		a := newTestAPIWith(t, store, service.Config{Passwords: cheapPasswords, RenderPDF: held.render,
			Renders: service.WorkLimits{Concurrent: 2, Queue: 2, PerAccount: 2}})
		greedy, other := a.signUp(t, "Greedy"), a.signUp(t, "Other")
		const tries = 5
		var greedyPaths []string
		for range tries {
			greedyPaths = append(greedyPaths, "/api/v1/proposals/"+a.newProposal(t, greedy)+"/pdf")
		}
		otherPath := "/api/v1/proposals/" + a.newProposal(t, other) + "/pdf"

		type answer struct {
			code       int
			retryAfter string
		}
		get := func(path, token string, out chan<- answer) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			rec := httptest.NewRecorder()
			a.handler.ServeHTTP(rec, req)
			out <- answer{rec.Code, rec.Header().Get("Retry-After")}
		}
		greedyAnswers := make(chan answer, tries)
		for _, path := range greedyPaths {
			go get(path, greedy.token, greedyAnswers)
		}
		// Admitted renders block until released, so the first answer is a refusal: from then on the greedy
		// account holds everything the gate lets it hold.
		first := <-greedyAnswers
		if first.code != http.StatusTooManyRequests || first.retryAfter == "" {
			t.Fatalf("the greedy account past its share: %d (Retry-After %q), want 429 with Retry-After", first.code, first.retryAfter)
		}
		otherAnswer := make(chan answer, 1)
		go get(otherPath, other.token, otherAnswer)
		// Whatever the other account got, it got it without any render finishing; a refusal comes at once.
		select {
		case got := <-otherAnswer:
			t.Fatalf("the other account's PDF was refused while the greedy account's renders ran: %d", got.code)
		default:
		}
		close(held.release)
		released = true
		if got := <-otherAnswer; got.code != http.StatusOK {
			t.Fatalf("the other account's PDF: %d, want 200", got.code)
		}
		for range tries - 1 {
			if got := <-greedyAnswers; got.code != http.StatusOK && got.code != http.StatusTooManyRequests {
				t.Errorf("a greedy render answered %d, want 200 or 429", got.code)
			}
		}
	})
}
