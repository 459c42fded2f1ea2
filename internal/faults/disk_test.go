package faults

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"iduit/models"
)

// smallDisk mounts a tmpfs of the given size, so a test can fill it or make it read-only for real.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI must be able to mount a tmpfs (it runs as root): %v %s", err, out)
		}
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", "-l", dir).Run() })
	return dir
}

func remount(t *testing.T, dir, mode string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v %s", mode, err, out)
	}
}

// TestFullDiskGivesAClearErrorAndKeepsEverything fills a 4 MB disk under an SQLite server: the save that
// does not fit must be a 503 that says why, a proposal created then must not half-exist, and everything
// saved before must still be there and intact.
func TestFullDiskGivesAClearErrorAndKeepsEverything(t *testing.T) {
	dir := smallDisk(t, "4m")
	path := dir + "/full.db"
	srv := startServer(t, "sqlite:"+path)
	api := newAPIClient(t, srv.addr)
	id := api.newProposal(t)
	big := strings.Repeat("Сообщество ЛУИН. ", 5000) // 85,000 characters, ~160 KB of Cyrillic per save
	version, status, body := 0, 0, []byte(nil)
	for version < 100 {
		status, body = api.call(t, "PUT", "/api/v1/proposals/"+id+"/sections/epidemiology",
			map[string]any{"fields": map[string]any{"data-gaps": big + string(rune('a'+version%26))}}, map[string]string{"If-Match": `"` + itoa(version) + `"`})
		if status != http.StatusOK {
			break
		}
		version++
	}
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), "disk is full or read-only") || version == 0 {
		t.Fatalf("after %d saves the disk-full save answered %d %s", version, status, body)
	}
	before := api.count(t)
	if s, b := api.call(t, "POST", "/api/v1/proposals", map[string]string{"template": "gf-concept-note-pwid", "title": "x", "language": "en", "country": "x"}, nil); s == http.StatusCreated {
		t.Logf("a small proposal still fitted (%s)", b)
	} else if after := api.count(t); after != before {
		t.Fatalf("a failed create left %d proposals, had %d", after, before)
	}
	var sec struct{ Version int }
	_, got := api.call(t, "GET", "/api/v1/proposals/"+id+"/sections/epidemiology", nil, nil)
	_ = json.Unmarshal(got, &sec)
	if sec.Version != version {
		t.Fatalf("the section is at version %d, but %d saves were acknowledged", sec.Version, version)
	}
	srv.stop()
	checkIntegrity(t, path)
}

// TestReadOnlyDatabaseIsRefusedClearly starts a server on a database whose disk is mounted read-only:
// it must refuse to start and say why, rather than start and fail request by request.
func TestReadOnlyDatabaseIsRefusedClearly(t *testing.T) {
	dir := smallDisk(t, "16m")
	srv := startServer(t, "sqlite:"+dir+"/ro.db")
	api := newAPIClient(t, srv.addr)
	if s := api.save(t, api.newProposal(t), 0, "первое"); s != http.StatusOK {
		t.Fatalf("first save %d", s)
	}
	srv.stop()
	remount(t, dir, "ro")
	defer remount(t, dir, "rw")
	cmd := exec.Command(binary, "serve")
	cmd.Env = srv.env
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "cannot be written") || !strings.Contains(string(out), "read-only file system") {
		t.Fatalf("serve on a read-only disk: %v\n%s", err, out)
	}
}

func (c *apiClient) count(t *testing.T) int {
	t.Helper()
	_, body := c.call(t, "GET", "/api/v1/proposals", nil, nil)
	var list struct{ Total int }
	_ = json.Unmarshal(body, &list)
	return list.Total
}

func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	store, err := models.Open(context.Background(), "sqlite:"+path, models.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
