package yamldata

import (
	"strings"
	"testing"
)

type term struct {
	Key string `yaml:"key"`
	En  string `yaml:"en"`
}

func TestDecode(t *testing.T) {
	var ok term
	if err := Decode([]byte("key: pwud\nen: people who use drugs\n"), &ok); err != nil || ok.En != "people who use drugs" {
		t.Fatalf("Decode = %+v, %v", ok, err)
	}
	for _, tt := range []struct{ name, data, want string }{
		{"unknown key", "key: pwud\neng: typo\n", "field eng not found"},
		{"second document", "key: pwud\n---\nkey: other\n", "a second YAML document"},
		{"not YAML", "key: [unclosed\n", "yaml"},
	} {
		var v term
		if err := Decode([]byte(tt.data), &v); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Decode = %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
}
