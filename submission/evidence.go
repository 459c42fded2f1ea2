package submission

import (
	"archive/zip"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"iduit/export"
)

// Opener gives the bytes of one evidence file. The server reads them from the database a chunk at a time.
type Opener func(a export.Attachment) (io.Reader, error)

// EvidenceDir is the folder of the package that holds the evidence files.
const EvidenceDir = "evidence/"

// NotIncludedNoBytes says why an evidence file listed in the manifest is not in the package: the package
// was made from an export file (`iduit render`), which lists the files but holds none of their bytes.
const NotIncludedNoBytes = "not included: this package was made from an export file, which lists the evidence files but holds none of their bytes; download the package from the server for them"

// ManifestEvidence is one evidence file: what it is, and where it is in the package.
type ManifestEvidence struct {
	// Name is the file's path in the package (under evidence/); empty when it is not included.
	Name string `json:"name,omitempty"`
	// Filename is the name the file was uploaded with.
	Filename  string `json:"filename"`
	Title     string `json:"title"`
	Kind      string `json:"kind"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
	// Sensitive is set on a file that may hold personal data, included because an owner asked for it.
	Sensitive bool `json:"sensitive,omitempty"`
	Included  bool `json:"included"`
	// Note says why a file is not included.
	Note string `json:"note,omitempty"`
}

// evidenceEntries describes the evidence files in order; with bytes false none is included.
func evidenceEntries(files []export.Attachment, bytes bool) []ManifestEvidence {
	out := make([]ManifestEvidence, len(files))
	width := len(strconv.Itoa(len(files)))
	for i, a := range files {
		out[i] = ManifestEvidence{Filename: a.Filename, Title: a.Title, Kind: a.Kind, MediaType: a.ContentType, Size: a.Size,
			SHA256: a.SHA256, Sensitive: a.Sensitive, Included: bytes}
		if bytes {
			out[i].Name = EvidenceDir + evidenceName(i+1, width, a.Filename)
		} else {
			out[i].Note = NotIncludedNoBytes
		}
	}
	return out
}

// maxEvidenceName bounds the part of an evidence file's name taken from its upload name, in runes.
const maxEvidenceName = 80

// evidenceName is a file's name in the package: its place in the list (which makes it unique, also when
// two files were uploaded under one name), then the upload name reduced to letters, digits, dots, dashes
// and underscores, so that no name can leave the folder, hide as a dot file or trouble an unzip tool.
func evidenceName(n, width int, filename string) string {
	ext := strings.ToLower(path.Ext(filename))
	stem := strings.TrimSuffix(filename, path.Ext(filename))
	if !safeExt(ext) {
		stem, ext = filename, ""
	}
	var b strings.Builder
	dash := false
	for _, r := range stem {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	clean := strings.Trim(b.String(), "-")
	if r := []rune(clean); len(r) > maxEvidenceName {
		clean = strings.TrimRight(string(r[:maxEvidenceName]), "-")
	}
	if clean == "" {
		clean = "file"
	}
	num := strconv.Itoa(n)
	return strings.Repeat("0", max(width, 2)-len(num)) + num + "-" + clean + ext
}

// safeExt is an extension of letters and digits only, short enough to be one.
func safeExt(ext string) bool {
	if len(ext) < 2 || len(ext) > 6 {
		return false
	}
	for _, r := range ext[1:] {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// compressedTypes are the evidence types that are compressed already (or images): stored as they are.
// Text and CSV are deflated.
var compressedTypes = map[string]bool{
	"application/pdf": true, "image/jpeg": true, "image/png": true,
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":       true,
	"application/vnd.oasis.opendocument.text":                                 true,
}

// copyEvidence copies one evidence file into the package and checks that the bytes are the ones the
// manifest names: a file whose stored bytes no longer match their digest stops the package rather
// than reach a CCM under the wrong SHA-256.
func copyEvidence(zw *zip.Writer, e ManifestEvidence, when time.Time, a export.Attachment, open Opener) error {
	method := zip.Deflate
	if compressedTypes[a.ContentType] {
		method = zip.Store
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.Name, Method: method, Modified: when.UTC()})
	if err != nil {
		return err
	}
	r, err := open(a)
	if err != nil {
		return fmt.Errorf("submission: evidence %s: %w", e.Name, err)
	}
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	if err := export.CopyFile(fw, r, a.Size, a.SHA256); err != nil {
		return fmt.Errorf("submission: evidence %s: %w", e.Name, err)
	}
	return nil
}
