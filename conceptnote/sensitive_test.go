package conceptnote

import (
	"fmt"
	"strings"
	"testing"

	"iduit/export"
)

// TestAnnexListLeavesSensitiveFilesOut: even an export that lists a sensitive file (an owner asked for
// include_sensitive=1) does not make the document name it among the annexes; the other files stay.
func TestAnnexListLeavesSensitiveFilesOut(t *testing.T) {
	doc, tpl, cat := fullExport(t)
	doc.Attachments = append(doc.Attachments, export.Attachment{Title: "Raw CLM data with client codes", Filename: "clm.csv", Sensitive: true})
	for _, lang := range []string{"en", "ru"} {
		text := fmt.Sprintf("%+v", Build(doc, tpl, cat, lang))
		if strings.Contains(text, "Raw CLM data") || strings.Contains(text, "clm.csv") {
			t.Errorf("%s: the document names the sensitive file", lang)
		}
		if !strings.Contains(text, "Minutes of the consultation in Osh") {
			t.Errorf("%s: the document lost the other file", lang)
		}
	}
}
