package export

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// The export archive (.zip) is this package's JSON document with the evidence files it lists: the
// document as ArchiveDocument, unchanged, and each file's bytes once under ArchiveFile(its SHA-256). A
// reader checks each file against its name and the document's digest, so the archive cannot say one
// thing in the JSON and carry another.
const (
	// ArchiveDocument is the archive entry holding the export document.
	ArchiveDocument = "proposal.json"
	// ArchiveFilesDir is the folder of the files; a tool that repacks an archive may add it as an entry.
	ArchiveFilesDir = "files/"
	// ArchiveContentType is the archive's media type.
	ArchiveContentType = "application/zip"
)

// ArchiveFile names the entry holding the file with this digest.
func ArchiveFile(sha256 string) string { return ArchiveFilesDir + sha256 }

var digestName = regexp.MustCompile(`^[0-9a-f]{64}$`)

// ArchiveFileDigest reads the digest out of a file entry's name; ok is false for any other name, so that
// no entry can name a path outside the archive's two places.
func ArchiveFileDigest(name string) (sha256 string, ok bool) {
	rest, found := strings.CutPrefix(name, ArchiveFilesDir)
	if !found || !digestName.MatchString(rest) {
		return "", false
	}
	return rest, true
}

// CopyFile copies a stored file of size bytes from r to w and checks that the bytes are the ones its
// SHA-256 names: a file whose stored bytes changed stops the archive or package being written rather
// than reach a reader under the wrong digest. The export archive and the submission package both copy
// evidence through it.
func CopyFile(w io.Writer, r io.Reader, size int64, sha256Hex string) error {
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(r, size+1))
	if err != nil {
		return err
	}
	if n != size || hex.EncodeToString(h.Sum(nil)) != sha256Hex {
		return fmt.Errorf("the stored bytes (%d) do not match the file's size (%d) or SHA-256", n, size)
	}
	return nil
}
