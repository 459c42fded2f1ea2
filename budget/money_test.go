package budget

import (
	"math"
	"math/big"
	"testing"
)

func TestPercentTenthsRoundsHalfUp(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
	}{
		{0, 7, "0.0"},
		{1, 1, "100.0"},
		{1, 3, "33.3"},        // 33.333…
		{2, 3, "66.7"},        // 66.666…
		{1, 2000, "0.1"},      // exactly 0.05: half goes up
		{1, 2001, "0.0"},      // just below 0.05
		{2469, 20000, "12.3"}, // exactly 12.345 would round to 12.3; 12.345 → bp 1235 → 12.4 is the double-rounding trap
		{123, 1000, "12.3"},
		{1235, 10000, "12.4"}, // exactly 12.35
		{12349, 100000, "12.3"},
		{999, 1000, "99.9"},
		{19999, 20000, "100.0"}, // 99.995
		{1999, 2000, "100.0"},   // 99.95 exactly, half up
		{19989, 20000, "99.9"},  // 99.945
		{math.MaxInt64, math.MaxInt64, "100.0"},
		{math.MaxInt64 / 3, math.MaxInt64, "33.3"},
		{math.MaxInt64 / 2, math.MaxInt64, "50.0"}, // a hair under 50%
	}
	for _, tt := range tests {
		got, ok := PercentTenths(tt.num, tt.den)
		if !ok || got.String() != tt.want {
			t.Errorf("PercentTenths(%d, %d) = %s, %v; want %s", tt.num, tt.den, got, ok, tt.want)
		}
		if want := bigPercentTenths(tt.num, tt.den); int64(got) != want {
			t.Errorf("PercentTenths(%d, %d) = %d tenths; big.Int says %d", tt.num, tt.den, got, want)
		}
	}
}

// The 12.345% trap, spelled out: 2469/20000 = 12.345% exactly.
func TestPercentTenthsDoesNotRoundTwice(t *testing.T) {
	got, _ := PercentTenths(2469, 20000)
	if got != 123 {
		t.Fatalf("12.345%% rounds to %s, want 12.3", got)
	}
}

func TestPercentTenthsRejects(t *testing.T) {
	for _, tt := range []struct{ num, den int64 }{{1, 0}, {1, -5}, {-1, 5}, {math.MaxInt64, 1}} {
		if got, ok := PercentTenths(tt.num, tt.den); ok {
			t.Errorf("PercentTenths(%d, %d) = %s; want a refusal", tt.num, tt.den, got)
		}
	}
}

func bigPercentTenths(num, den int64) int64 {
	n := new(big.Int).Mul(big.NewInt(num), big.NewInt(2000))
	n.Add(n, big.NewInt(den))
	n.Quo(n, new(big.Int).Mul(big.NewInt(den), big.NewInt(2))) // floor((2·1000·num + den) / 2den) = half up
	return n.Int64()
}

func TestTenthsString(t *testing.T) {
	for tenths, want := range map[Tenths]string{0: "0.0", 5: "0.5", 10: "1.0", 123: "12.3", 1000: "100.0", -5: "-0.5"} {
		if got := tenths.String(); got != want {
			t.Errorf("Tenths(%d) = %q, want %q", int64(tenths), got, want)
		}
	}
}

func TestCurrencyMinorUnits(t *testing.T) {
	tests := []struct {
		code  string
		minor int64
		text  string
	}{
		{"USD", 123456, "1234.56"},
		{"USD", 5, "0.05"},
		{"USD", 0, "0.00"},
		{"KGS", 100, "1.00"},
		{"XOF", 1500, "1500"},
		{"TND", 1, "0.001"},
		{"TND", 12345, "12.345"},
		{"RUB", math.MaxInt64, "92233720368547758.07"},
	}
	for _, tt := range tests {
		c, ok := LookupCurrency(tt.code)
		if !ok {
			t.Fatalf("%s should be accepted", tt.code)
		}
		if got := c.Format(tt.minor); got != tt.text {
			t.Errorf("%s.Format(%d) = %q, want %q", tt.code, tt.minor, got, tt.text)
		}
		if got, err := c.Parse(tt.text); err != nil || got != tt.minor {
			t.Errorf("%s.Parse(%q) = %d, %v; want %d", tt.code, tt.text, got, err, tt.minor)
		}
	}
	usd, _ := LookupCurrency("USD")
	if got := usd.Format(math.MinInt64); got != "-92233720368547758.08" {
		t.Errorf("Format(MinInt64) = %q", got)
	}
	if got, err := usd.Parse("12.5"); err != nil || got != 1250 {
		t.Errorf("Parse(12.5) = %d, %v; want 1250", got, err)
	}
}

func TestCurrencyParseRejects(t *testing.T) {
	usd, _ := LookupCurrency("USD")
	xof, _ := LookupCurrency("XOF")
	for _, tt := range []struct {
		c Currency
		s string
	}{
		{usd, ""}, {usd, "-1"}, {usd, "+1"}, {usd, "1,000"}, {usd, "1 000"}, {usd, ".5"}, {usd, "5."},
		{usd, "1.234"}, {usd, "1e3"}, {usd, "92233720368547758.08"}, {usd, "١٢"}, {xof, "1.5"},
	} {
		if got, err := tt.c.Parse(tt.s); err == nil {
			t.Errorf("%s.Parse(%q) = %d; want an error", tt.c.Code, tt.s, got)
		}
	}
}

func TestCurrencyList(t *testing.T) {
	want := []string{"USD", "EUR", "KGS", "BYN", "RUB", "KZT", "UAH", "GEL", "MDL", "TJS", "UZS", "AMD", "AZN", "GBP", "CHF"}
	for _, code := range want {
		if c, ok := LookupCurrency(code); !ok || c.Digits != 2 {
			t.Errorf("%s: %+v, %v; want two minor digits", code, c, ok)
		}
	}
	for _, code := range []string{"usd", "XXX", "", "US"} {
		if _, ok := LookupCurrency(code); ok {
			t.Errorf("%q should not be accepted", code)
		}
	}
	list := Currencies()
	for i := 1; i < len(list); i++ {
		if list[i-1].Code >= list[i].Code {
			t.Fatalf("Currencies not sorted: %v", list)
		}
	}
}

func TestCheckedArithmetic(t *testing.T) {
	add := []struct {
		a, b int64
		ok   bool
	}{
		{1, 2, true}, {math.MaxInt64, 0, true}, {math.MaxInt64, 1, false}, {math.MaxInt64 - 1, 1, true},
		{math.MinInt64, -1, false}, {-1, 1, true}, {math.MaxInt64 / 2, math.MaxInt64/2 + 2, false},
	}
	for _, tt := range add {
		if s, ok := addChecked(tt.a, tt.b); ok != tt.ok || (ok && s != tt.a+tt.b) {
			t.Errorf("addChecked(%d, %d) = %d, %v", tt.a, tt.b, s, ok)
		}
	}
	mul := []struct {
		a, b int64
		ok   bool
	}{
		{0, math.MaxInt64, true}, {3, 4, true}, {math.MaxInt64, 2, false}, {1 << 32, 1 << 31, false},
		{1 << 31, 1 << 31, true}, {-1, math.MinInt64, false}, {math.MinInt64, -1, false}, {3037000500, 3037000500, false},
	}
	for _, tt := range mul {
		if p, ok := mulChecked(tt.a, tt.b); ok != tt.ok || (ok && p != tt.a*tt.b) {
			t.Errorf("mulChecked(%d, %d) = %d, %v", tt.a, tt.b, p, ok)
		}
	}
}
