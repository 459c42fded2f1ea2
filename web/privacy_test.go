package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestHiddenReviewerStaysHiddenOnPages: with hide_reviewer_names, the pages an editor reads (the section
// with its comments, the activity, the history, the members) never show the reviewer's name or email,
// while the reviewer is a member and after they have left.
func TestHiddenReviewerStaysHiddenOnPages(t *testing.T) {
	eachSite(t, func(t *testing.T, s *testSite) {
		owner := s.visitor()
		ownerEmail := owner.signUp("Aida Owner")
		id := owner.createProposal("Hidden", "en", false)
		editor := addMemberAs(s, owner, id, "Erlan Editor", "editor")
		const name = "Rustam Secretreviewer"
		reviewer := s.visitor()
		reviewerEmail := reviewer.signUp(name)
		owner.get("/proposals/" + id + "/members")
		mustSee(t, owner.post("/proposals/"+id+"/members", url.Values{"email": {reviewerEmail}, "role": {"reviewer"}}), "add the reviewer")
		apiCall(t, s, apiToken(t, s, ownerEmail), http.MethodPatch, "/api/v1/proposals/"+id, `{"hide_reviewer_names": true}`, http.StatusOK)

		sec := "/proposals/" + id + "/sections/epidemiology"
		saveSection(owner, sec, "0", "", "Some text")
		reviewer.get(sec)
		mustSee(t, reviewer.post(sec+"/comments", url.Values{"body": {"Candid remark"}, "field": {"hiv-hcv-epidemiology"}}), "comment")

		pages := []string{sec, sec + "/history", sec + "/history/1", "/proposals/" + id + "/activity", "/proposals/" + id + "/members"}
		check := func(when string) {
			t.Helper()
			for _, path := range pages {
				p := editor.get(path)
				if p.Status != http.StatusOK {
					t.Fatalf("%s: GET %s: %d", when, path, p.Status)
				}
				if strings.Contains(p.Body, "Secretreviewer") || strings.Contains(p.Body, reviewerEmail) {
					t.Errorf("%s: the editor sees the hidden reviewer on %s", when, path)
				}
			}
			if p := editor.get(sec); !strings.Contains(p.Body, "Candid remark") || !strings.Contains(p.Body, "Reviewer ") {
				t.Errorf("%s: the comment is not shown under a pseudonym", when)
			}
		}
		check("while a member")
		leave := leaveForm.FindStringSubmatch(reviewer.get("/proposals/" + id + "/members").Body)
		if leave == nil {
			t.Fatal("the reviewer has no form to leave")
		}
		mustSee(t, reviewer.post(leave[1], url.Values{}), "leave")
		check("after leaving")
		if p := owner.get(sec); !strings.Contains(p.Body, name) {
			t.Error("the owner no longer sees who wrote the comment")
		}
	})
}
