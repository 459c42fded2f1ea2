package domain

import (
	"encoding/json"
	"testing"
)

// readTextCases are stored shapes the fast path takes and shapes it must hand to encoding/json.
var readTextCases = []string{
	`"Снижение вреда"`, ` "plain" `, `{"en":"Harm reduction","ru":"Снижение вреда"}`,
	`{ "ru" : "только" , "en":"" }`, `{"en":"a","ru":"b","outdated":"ru"}`, `{}`, `{"en":"a","en":"b"}`,
	`"with \"escape\""`, `"line\nbreak"`, `{"EN":"upper case key"}`, `{"en":null,"ru":"x"}`, `{"fr":"autre"}`,
	`null`, ``, `42`, `["a"]`, `{"en":"a",}`, `{"en":"a"} x`, `"a" "b"`, "\"bad \xff utf-8\"", "\"tab\tinside\"",
	`{"en":"a" "ru":"b"}`, `{"en":"unterminated}`, `{"en":1}`, `{"en":"a","ru":"b"`,
}

func TestReadTextAgreesWithEncodingJSON(t *testing.T) {
	fast := 0
	for _, raw := range readTextCases {
		for _, lang := range []string{"en", "ru"} {
			got, want := ReadText(json.RawMessage(raw), lang), readTextJSON(json.RawMessage(raw), lang)
			if got != want {
				t.Errorf("ReadText(%q, %s) = %+v, encoding/json reads %+v", raw, lang, got, want)
			}
			if _, ok := readPlainText([]byte(raw), lang); ok {
				fast++
			}
		}
	}
	// The fast path must actually serve the stored shapes, or the speed it was written for is gone.
	if fast < 2*7 {
		t.Errorf("the fast path read %d of the plain cases, want at least 14", fast)
	}
}

func FuzzReadText(f *testing.F) {
	for _, raw := range readTextCases {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, lang := range []string{"en", "ru"} {
			if got, want := ReadText(json.RawMessage(raw), lang), readTextJSON(json.RawMessage(raw), lang); got != want {
				t.Fatalf("ReadText(%q, %s) = %+v, encoding/json reads %+v", raw, lang, got, want)
			}
		}
	})
}
