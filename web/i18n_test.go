package web

import "testing"

// TestBrowserLanguageHonoursQualityValues: the browser's order of preference decides, by q-value and not
// by position, and the region's languages whose networks work in Russian get Russian.
func TestBrowserLanguageHonoursQualityValues(t *testing.T) {
	for header, want := range map[string]string{
		"":                             "en",
		"ru":                           "ru",
		"ru-RU,ru;q=0.9,en-US;q=0.8":   "ru",
		"en-GB,en;q=0.9":               "en",
		"en;q=0.3, ru;q=0.9":           "ru",
		"de, ru;q=0.8, en;q=0.5":       "ru",
		"de, fr;q=0.8":                 "en",
		"ky-KG":                        "ru",
		"kk, en;q=0.5":                 "ru",
		"be-BY":                        "ru",
		"fr;q=0.9, en;q=0.8, ru;q=0.7": "en",
		"*":                            "en",
		"xx-invalid-$$$":               "en",
	} {
		if got := browserLanguage(header); got != want {
			t.Errorf("Accept-Language %q: got %s, want %s", header, got, want)
		}
	}
}
