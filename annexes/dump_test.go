package annexes

import (
	"bytes"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for _, lang := range []string{"en", "ru"} {
		var buf bytes.Buffer
		if err := Write(&buf, sample(t, 30, 8), catalogue(t), lang); err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/annex-"+lang+".xlsx", buf.Bytes(), 0o644)
	}
}
