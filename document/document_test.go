package document

import "testing"

func TestWatermark(t *testing.T) {
	for _, tt := range []struct {
		d    Document
		want string
	}{
		{Document{Language: "en"}, "DRAFT"},
		{Document{Language: "ru"}, "ПРОЕКТ"},
		{Document{Language: "ru-RU"}, "ПРОЕКТ"},
		{Document{}, "DRAFT"},
		{Document{Language: "ru", Final: true}, ""},
		{Document{Language: "en", Final: true}, ""},
	} {
		if got := tt.d.Watermark(); got != tt.want {
			t.Errorf("%q final=%v: %q, want %q", tt.d.Language, tt.d.Final, got, tt.want)
		}
	}
}
