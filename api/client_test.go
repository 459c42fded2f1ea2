package api

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"iduit/internal/apiclient"
	"iduit/internal/testdb"
	"iduit/models"
)

// TestGeneratedClientDrivesTheServer uses the client oapi-codegen generates from docs/openapi.yaml, as an
// outside team would: register, sign in, create a proposal, read a section, save it with If-Match (and be
// refused with a stale one), and download the PDF. A document the generator cannot turn into a working
// client, or one that disagrees with the server, fails here.
func TestGeneratedClientDrivesTheServer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, store *models.Store) {
		srv := httptest.NewServer(newTestAPI(t, store).handler)
		defer srv.Close()
		ctx := context.Background()
		anon, err := apiclient.NewClientWithResponses(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		// Unique per run: the PostgreSQL test database may be reused.
		email := "client." + randomHex(6) + "@example.org"
		user, err := anon.CreateUserWithResponse(ctx, apiclient.CreateUserJSONRequestBody{
			Email: email, Name: "Айгуль", Password: "long and unusual passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		if user.StatusCode() != http.StatusCreated {
			t.Fatalf("create user: %d %s", user.StatusCode(), user.Body)
		}
		session, err := anon.CreateSessionWithResponse(ctx, apiclient.CreateSessionJSONRequestBody{
			Email: email, Password: "long and unusual passphrase"})
		if err != nil {
			t.Fatal(err)
		}
		if session.JSON201 == nil {
			t.Fatalf("sign in: %d %s", session.StatusCode(), session.Body)
		}
		bearer := func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer "+session.JSON201.Token)
			return nil
		}
		c, err := apiclient.NewClientWithResponses(srv.URL, apiclient.WithRequestEditorFn(bearer))
		if err != nil {
			t.Fatal(err)
		}
		created, err := c.CreateProposalWithResponse(ctx, apiclient.CreateProposalJSONRequestBody{
			Template: ptr("gf-concept-note-pwid"), Title: "Снижение вреда в Бишкеке", Country: "Kyrgyzstan", Language: "ru"})
		if err != nil {
			t.Fatal(err)
		}
		if created.JSON201 == nil {
			t.Fatalf("create proposal: %d %s", created.StatusCode(), created.Body)
		}
		id := created.JSON201.Id

		section, err := c.GetSectionWithResponse(ctx, id, "epidemiology")
		if err != nil {
			t.Fatal(err)
		}
		if section.JSON200 == nil {
			t.Fatalf("read section: %d %s", section.StatusCode(), section.Body)
		}
		etag := section.HTTPResponse.Header.Get("ETag")
		var estimate apiclient.FieldValue
		if err := estimate.FromFieldValue1(25000); err != nil {
			t.Fatal(err)
		}
		fields := apiclient.Fields{"pwid-size-estimate": estimate}
		saved, err := c.PutSectionWithResponse(ctx, id, "epidemiology", &apiclient.PutSectionParams{IfMatch: &etag},
			apiclient.PutSectionJSONRequestBody{Fields: fields})
		if err != nil {
			t.Fatal(err)
		}
		if saved.JSON200 == nil || saved.JSON200.Version != section.JSON200.Version+1 {
			t.Fatalf("save with If-Match %s: %d %s", etag, saved.StatusCode(), saved.Body)
		}
		got, err := saved.JSON200.Fields["pwid-size-estimate"].AsFieldValue1()
		if err != nil || got != 25000 {
			t.Fatalf("saved estimate %v (%v)", got, err)
		}
		stale, err := c.PutSectionWithResponse(ctx, id, "epidemiology", &apiclient.PutSectionParams{IfMatch: &etag},
			apiclient.PutSectionJSONRequestBody{Fields: fields})
		if err != nil || stale.StatusCode() != http.StatusPreconditionFailed {
			t.Fatalf("a stale If-Match: %v %d", err, stale.StatusCode())
		}

		pdf, err := c.GetProposalPDFWithResponse(ctx, id, &apiclient.GetProposalPDFParams{})
		if err != nil || pdf.StatusCode() != http.StatusOK || !bytes.HasPrefix(pdf.Body, []byte("%PDF-")) {
			t.Fatalf("PDF: %v %d", err, pdf.StatusCode())
		}
	})
}

func ptr[T any](v T) *T { return &v }
