package docx

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"iduit/document"
	"iduit/internal/reference"
)

// The .docx is checked with software no one here wrote, as its readers will open it: python-docx
// (headings by style name, tables, comments), pandoc (every answer, in order) and LibreOffice (it
// converts, and the PDF holds the text). Without a tool the test skips locally; in CI (CI=true) a
// missing tool fails the run instead of hiding the test.

func missingTool(t testing.TB, what, install string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found and CI=true: apt-get install %s", what, install)
	}
	t.Skipf("%s not installed (apt-get install %s)", what, install)
}

func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		missingTool(t, name, map[string]string{"pandoc": "pandoc", "soffice": "libreoffice-writer-nogui", "pdftotext": "poppler-utils"}[name])
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// python finds a Python that has python-docx: Debian's python3-docx is for the system Python, which
// may not be the first python3 on the PATH.
func python(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import docx").Run() == nil {
			return p
		}
	}
	missingTool(t, "python3 with python-docx", "python3-docx")
	return ""
}

func writeFile(t testing.TB, d document.Document) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "concept-note.docx")
	if err := os.WriteFile(path, render(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// normalise collapses white space, the one difference allowed between typed and extracted text.
func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }

// answers lists every piece of text a reader must find, in document order: headings, chapters,
// questions, paragraphs, list items, chosen items, and table cells, or (without cells, for text read
// off a page, where a row's cells interleave line by line) each table's last column heading.
func answers(d document.Document, cells bool) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, heading(s))
		out = append(out, s.Chapters...)
		for _, f := range s.Fields {
			out = append(out, f.Label)
			if f.Empty {
				continue
			}
			for _, b := range document.Blocks(f.Text) {
				out = append(out, b.Text)
			}
			out = append(out, f.Items...)
			if f.Table != nil && !cells {
				out = append(out, f.Table.Columns[len(f.Table.Columns)-1])
			}
			if f.Table != nil && cells {
				out = append(out, f.Table.Columns...)
				for _, r := range f.Table.Rows {
					out = append(out, r...)
				}
			}
		}
	}
	return out
}

const readWithPythonDocx = `
import json, sys, docx
from xml.etree import ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = docx.Document(sys.argv[1])
out = {"headings": [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith("Heading")],
       "tables": [], "comments": [],
       "core": {"title": d.core_properties.title, "author": d.core_properties.author, "language": d.core_properties.language}}
for t in d.tables:
    header = t.rows[0]._tr.find(W + "trPr")
    out["tables"].append({"repeats": header is not None and header.find(W + "tblHeader") is not None,
                          "rows": [[c.text for c in r.cells] for r in t.rows]})
for rel in d.part.rels.values():
    if rel.reltype.endswith("/comments"):
        for c in ET.fromstring(rel.target_part.blob).iter(W + "comment"):
            out["comments"].append({"author": c.get(W + "author"), "text": "".join(x.text or "" for x in c.iter(W + "t"))})
json.dump(out, sys.stdout, ensure_ascii=False)
`

func TestPythonDocxReadsHeadingsTablesAndComments(t *testing.T) {
	py := python(t)
	d := commented()
	var got struct {
		Headings [][2]string
		Tables   []struct {
			Repeats bool
			Rows    [][]string
		}
		Comments []struct{ Author, Text string }
		Core     struct{ Title, Author, Language string }
	}
	if err := json.Unmarshal([]byte(tool(t, py, "-c", readWithPythonDocx, writeFile(t, d))), &got); err != nil {
		t.Fatal(err)
	}
	var want [][2]string
	var tables []*document.Table
	for _, s := range d.Sections {
		want = append(want, [2]string{"Heading 1", heading(s)})
		for _, f := range s.Fields {
			want = append(want, [2]string{"Heading 2", f.Label})
			if f.Table != nil {
				tables = append(tables, f.Table)
			}
		}
	}
	if !equal(got.Headings, want) {
		t.Errorf("headings:\n got %q\nwant %q", got.Headings, want)
	}
	if len(got.Tables) != len(tables) {
		t.Fatalf("%d tables, want %d", len(got.Tables), len(tables))
	}
	for i, tbl := range tables {
		g := got.Tables[i]
		if !g.Repeats {
			t.Errorf("table %d: the header row does not repeat on each page", i)
		}
		rows := append([][]string{tbl.Columns}, tbl.Rows...)
		if len(g.Rows) != len(rows) {
			t.Fatalf("table %d: %d rows, want %d", i, len(g.Rows), len(rows))
		}
		for r := range rows {
			if !equal(g.Rows[r], rows[r]) {
				t.Errorf("table %d row %d: got %q, want %q", i, r, g.Rows[r], rows[r])
			}
		}
	}
	var comments []struct{ Author, Text string } // each thread's comment, then its replies
	for _, c := range d.Comments {
		comments = append(comments, struct{ Author, Text string }{c.Author, c.Text})
		for _, r := range c.Replies {
			comments = append(comments, struct{ Author, Text string }{r.Author, r.Text})
		}
	}
	if len(got.Comments) != len(comments) {
		t.Fatalf("%d comments, want %d", len(got.Comments), len(comments))
	}
	for i, c := range comments {
		if got.Comments[i].Author != c.Author || !strings.Contains(got.Comments[i].Text, c.Text) {
			t.Errorf("comment %d: got %+v, want %s: %s", i, got.Comments[i], c.Author, c.Text)
		}
	}
	if got.Core.Title != d.Title || got.Core.Author != d.Network || got.Core.Language != "ru-RU" {
		t.Errorf("properties: %+v", got.Core)
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// inOrder fails unless each of want appears in text after the one before it; text was read with
// norm, and want is read the same way.
func inOrder(t *testing.T, reader, text string, want []string, norm func(string) string) {
	t.Helper()
	at := 0
	for _, w := range want {
		w = norm(w)
		if w == "" {
			continue
		}
		i := strings.Index(text[at:], w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Fatalf("%s: %q is out of order", reader, w)
			}
			t.Fatalf("%s: %q is missing", reader, w)
		}
		at += i + len(w)
	}
}

func TestPandocReadsEveryAnswerInOrder(t *testing.T) {
	d := reference.Document()
	text := normalise(tool(t, "pandoc", "-t", "plain", "--columns=100000", writeFile(t, d)))
	if strings.Contains(text, d.Watermark()) {
		t.Errorf("pandoc reads the watermark %q as text", d.Watermark())
	}
	body := text[strings.Index(text, normalise(d.Sections[len(d.Sections)-1].Title))+1:] // after the contents
	inOrder(t, "pandoc", body, answers(d, true), normalise)
}

// TestLibreOfficeConvertsIt converts the reference file, with the budget's charts, to PDF once (it takes
// seconds) and finds the cover and every answer in it, in order, with the page furniture cropped away,
// and each chart drawn: its title and every bar's label with its figures.
func TestLibreOfficeConvertsIt(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		missingTool(t, "soffice", "libreoffice-writer-nogui")
	}
	d := charted()
	path := writeFile(t, d)
	dir := filepath.Dir(path)
	profile := t.TempDir() // a private profile: parallel runs would otherwise share one and clash
	tool(t, "soffice", "-env:UserInstallation=file://"+profile, "--headless", "--convert-to", "pdf", "--outdir", dir, path)
	pdf := strings.TrimSuffix(path, ".docx") + ".pdf"
	// A4 is 595×842 pt; the header ends above 65 pt and the footer starts below 785 pt.
	// pdftotext joins a word LibreOffice broke after its hyphen ("по-" / "прежнему" → "попрежнему"), so
	// hyphens are left out on both sides.
	norm := func(s string) string { return normalise(strings.ReplaceAll(s, "-", "")) }
	text := norm(tool(t, "pdftotext", "-enc", "UTF-8", "-x", "0", "-y", "65", "-W", "595", "-H", "720", pdf, "-"))
	inOrder(t, "LibreOffice", text, []string{d.TemplateTitle, d.Title, d.Network, d.Country, d.Component, d.Status, "14 марта 2025 г.", "Содержание"}, norm)
	body := text[strings.Index(text, norm(d.Sections[len(d.Sections)-1].Title))+1:]
	inOrder(t, "LibreOffice", body, answers(d, false), norm)
	for _, f := range d.Sections[5].Fields {
		if c := f.Chart; c != nil {
			want := []string{f.Label, joinNonEmpty(". ", c.Title, c.TargetLabel)}
			for _, b := range c.Bars {
				want = append(want, b.Label+" — "+b.Amount+" · "+b.Percent)
			}
			inOrder(t, "LibreOffice's chart", body, append(want, f.Table.Columns[0]), norm)
		}
	}
}

// TestLibreOfficeReadsTheWatermark converts a draft and a final document to LibreOffice's own format in
// one run: the draft's headers (the cover's and the others') hold the word as a text-path shape, as
// LibreOffice's own watermark is; the final document has none.
func TestLibreOfficeReadsTheWatermark(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		missingTool(t, "soffice", "libreoffice-writer-nogui")
	}
	dir := t.TempDir()
	draft, final := reference.Document(), reference.Document()
	final.Final = true
	for name, d := range map[string]document.Document{"draft": draft, "final": final} {
		if err := os.WriteFile(filepath.Join(dir, name+".docx"), render(t, d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tool(t, "soffice", "-env:UserInstallation=file://"+t.TempDir(), "--headless", "--convert-to", "odt", "--outdir", dir,
		filepath.Join(dir, "draft.docx"), filepath.Join(dir, "final.docx"))
	shape := regexp.MustCompile(`<draw:custom-shape [^>]*draw:name="PowerPlusWaterMarkObject\d"[^>]*><text:p[^>]*>([^<]*)</text:p><draw:enhanced-geometry [^>]*draw:text-path="true"`)
	styles := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name+".odt"))
		if err != nil {
			t.Fatal(err)
		}
		return parts(t, data)["styles.xml"] // headers live with the page styles
	}
	marks := shape.FindAllStringSubmatch(styles("draft"), -1)
	if len(marks) != 2 || marks[0][1] != "ПРОЕКТ" || marks[1][1] != "ПРОЕКТ" {
		t.Errorf("LibreOffice read the draft's watermarks as %q, want ПРОЕКТ in both headers", marks)
	}
	if strings.Contains(styles("final"), "PowerPlusWaterMarkObject") {
		t.Error("the final document has a watermark")
	}
}

// readChangesWithPythonDocx lists the tracked changes python-docx's lxml tree holds, in order.
const readChangesWithPythonDocx = `
import json, sys, docx
from docx.oxml.ns import qn
body = docx.Document(sys.argv[1]).element.body
out = []
for el in body.iter(qn("w:ins"), qn("w:del")):
    text = "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
    out.append({"kind": el.tag.split("}")[1], "author": el.get(qn("w:author")), "date": el.get(qn("w:date")), "text": text})
json.dump(out, sys.stdout, ensure_ascii=False)
`

// reviewMacro is a LibreOffice Basic module that saves a Word file three ways: in LibreOffice's own
// format (which lists the tracked changes as LibreOffice read them), as text after Edit > Track Changes >
// Accept All, and as text after Reject All, each from a fresh load, as a person would. It runs inside
// LibreOffice: driving LibreOffice 7.4 over its UNO bridge instead crashed it on loading any file with
// comments, while this, like --convert-to, does not.
const reviewMacro = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Review" script:language="StarBasic">
Sub Decide(inUrl As String, odtUrl As String, acceptedUrl As String, rejectedUrl As String)
  Save(inUrl, odtUrl, &quot;&quot;, &quot;writer8&quot;)
  Save(inUrl, acceptedUrl, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;Text (encoded)&quot;)
  Save(inUrl, rejectedUrl, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;Text (encoded)&quot;)
End Sub
Sub Save(inUrl As String, outUrl As String, command As String, filter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot; : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, load())
  If command &lt;&gt; &quot;&quot; Then
    helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    helper.executeDispatch(doc.CurrentController.Frame, command, &quot;&quot;, 0, Array())
  End If
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot; : store(0).Value = filter
  store(1).Name = &quot;FilterOptions&quot; : store(1).Value = &quot;UTF8&quot;
  doc.storeToURL(outUrl, store())
  doc.close(True)
End Sub
</script:module>
`

// reviewLibrary lists the macro's module in the profile's Standard library.
const reviewLibrary = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
 <library:element library:name="Review"/>
</library:library>
`

// decideWithLibreOffice runs reviewMacro on path in a private profile and returns the tracked changes
// LibreOffice read (kind, author, date from its own format) and the text after accepting and after
// rejecting them all. The profile is made first: LibreOffice writes its default macro library into a
// new profile when it starts, over anything put there before.
func decideWithLibreOffice(t *testing.T, path string) (changes []string, accepted, rejected string) {
	t.Helper()
	if _, err := exec.LookPath("soffice"); err != nil {
		missingTool(t, "soffice", "libreoffice-writer-nogui")
	}
	profile, dir := t.TempDir(), t.TempDir()
	install := "-env:UserInstallation=file://" + profile
	tool(t, "soffice", install, "--headless", "--terminate_after_init")
	basic := filepath.Join(profile, "user", "basic", "Standard")
	for name, body := range map[string]string{"Review.xba": reviewMacro, "script.xlb": reviewLibrary} {
		if err := os.WriteFile(filepath.Join(basic, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	url := func(p string) string { return `"file://` + p + `"` }
	tool(t, "soffice", install, "--headless", "--invisible", "macro:///Standard.Review.Decide("+
		strings.Join([]string{url(path), url(out("read.odt")), url(out("accepted.txt")), url(out("rejected.txt"))}, ",")+")")
	read := func(name string) []byte {
		data, err := os.ReadFile(out(name))
		if err != nil {
			t.Fatalf("LibreOffice did not save %s: %v", name, err)
		}
		return data
	}
	change := regexp.MustCompile(`<text:(insertion|deletion)><office:change-info><dc:creator>([^<]*)</dc:creator><dc:date>([^<]*)</dc:date>`)
	for _, m := range change.FindAllStringSubmatch(parts(t, read("read.odt"))["content.xml"], -1) {
		changes = append(changes, m[1]+" "+m[2]+" "+m[3])
	}
	return changes, strings.TrimPrefix(string(read("accepted.txt")), "\uFEFF"), strings.TrimPrefix(string(read("rejected.txt")), "\uFEFF")
}

// TestToolsAcceptAndRejectSuggestions reads the suggestions as three programs do: python-docx finds each
// as a deletion and an insertion with its author and date; pandoc, accepting all changes, reads the text
// the suggestions make, and rejecting them reads the text as it is; LibreOffice lists them as tracked
// changes by their authors, and its Accept All and Reject All give the same two texts.
func TestToolsAcceptAndRejectSuggestions(t *testing.T) {
	d := suggested()
	// LibreOffice 7.4 aborts on Accept All in any file with a comment on the cover's title (one whose
	// section the document lacks), tracked changes or not: that comment is left out here.
	d.Comments = slices.Delete(d.Comments, 4, 5)
	path := writeFile(t, d)
	label := d.Sections[0].Fields[0].Label
	wantAccepted, wantRejected := document.Blocks(accepted(d)), document.Blocks(d.Sections[0].Fields[0].Text)
	// check finds the field's paragraphs right after its question, in the text a program read.
	check := func(reader, text string, blocks []document.Block) {
		t.Helper()
		text = normalise(text)
		at := strings.Index(text, label+" "+normalise(blocks[0].Text))
		if at < 0 {
			t.Errorf("%s: the field does not start with %q", reader, blocks[0].Text)
			return
		}
		var want []string
		for _, b := range blocks {
			want = append(want, b.Text)
		}
		inOrder(t, reader, text[at:], want, normalise)
	}

	t.Run("python-docx", func(t *testing.T) {
		var got []struct{ Kind, Author, Date, Text string }
		if err := json.Unmarshal([]byte(tool(t, python(t), "-c", readChangesWithPythonDocx, path)), &got); err != nil {
			t.Fatal(err)
		}
		var kinds []string
		for _, c := range got {
			if c.Author == "" || c.Date != "2025-03-17T11:00:00Z" || c.Text == "" {
				t.Errorf("tracked change %+v lacks its author, date or text", c)
			}
			kinds = append(kinds, c.Kind+" "+c.Author)
		}
		want := []string{"del Reviewer 1a2b", "ins Reviewer 1a2b", "del Alex Doe", "del Alex Doe", "ins Alex Doe"}
		if !equal(kinds, want) {
			t.Errorf("python-docx reads the changes as %q, want %q", kinds, want)
		}
	})
	t.Run("pandoc", func(t *testing.T) {
		check("pandoc, accepting", tool(t, "pandoc", "--track-changes=accept", "-t", "plain", "--columns=100000", path), wantAccepted)
		check("pandoc, rejecting", tool(t, "pandoc", "--track-changes=reject", "-t", "plain", "--columns=100000", path), wantRejected)
	})
	t.Run("LibreOffice", func(t *testing.T) {
		changes, acceptedText, rejectedText := decideWithLibreOffice(t, path)
		want := []string{"deletion Reviewer 1a2b 2025-03-17T11:00:00", "insertion Reviewer 1a2b 2025-03-17T11:00:00",
			"deletion Alex Doe 2025-03-17T11:00:00", "deletion Alex Doe 2025-03-17T11:00:00", "insertion Alex Doe 2025-03-17T11:00:00"}
		if !equal(slices.Compact(changes), slices.Compact(want)) {
			t.Errorf("LibreOffice reads the tracked changes as %q, want %q", changes, want)
		}
		check("LibreOffice, accepting all", acceptedText, wantAccepted)
		check("LibreOffice, rejecting all", rejectedText, wantRejected)
	})
}
