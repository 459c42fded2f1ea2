package budget

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"

	"iduit/domain"
)

// fuzzReader turns fuzzer bytes into choices; once the bytes run out every read is zero.
type fuzzReader struct{ data []byte }

func (r *fuzzReader) byte() byte {
	if len(r.data) == 0 {
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

func (r *fuzzReader) int64() int64 {
	var buf [8]byte
	n := copy(buf[:], r.data)
	r.data = r.data[n:]
	return int64(binary.LittleEndian.Uint64(buf[:]))
}

func (r *fuzzReader) string() string {
	n := int(r.byte()) % 40
	n = min(n, len(r.data))
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func pick(r *fuzzReader, keys []string) string { return keys[int(r.byte())%len(keys)] }

// fuzzBudget builds a budget whose keys are mostly real, so that the fuzzer reaches the arithmetic.
func fuzzBudget(c *Catalogue, currency string, firstYear int, data []byte) Budget {
	modules, interventions, groupings := []string{"", "bogus"}, []string{"", "nsp"}, []string{"", "travel"}
	for _, m := range c.Modules {
		modules = append(modules, m.Key)
		for _, iv := range m.Interventions {
			interventions = append(interventions, iv.Key)
		}
	}
	for _, g := range c.CostGroupings {
		groupings = append(groupings, g.Key)
	}
	r := &fuzzReader{data: data}
	b := Budget{Currency: currency}
	for y := range int(r.byte()) % 6 {
		b.Years = append(b.Years, firstYear+y+int(r.byte()%2)) // mostly consecutive
	}
	for range int(r.byte()) % 64 {
		l := Line{Module: pick(r, modules), Intervention: pick(r, interventions), CostGrouping: pick(r, groupings), Description: domain.TextValue{EN: r.string()}}
		for range int(r.byte()) % 6 {
			l.Amounts = append(l.Amounts, r.int64()>>(r.byte()%64))
		}
		if flags := r.byte(); flags&1 != 0 {
			v := r.int64() >> (r.byte() % 64)
			l.UnitCost = &v
		} else if flags&2 != 0 {
			v := r.int64() >> (r.byte() % 64)
			l.Quantity = &v
		}
		b.Lines = append(b.Lines, l)
	}
	return b
}

// validSeed encodes a valid one-line budget (needle and syringe programs, 2027–2029), so that the fuzzer
// starts from inputs that reach the summary.
func validSeed() []byte {
	seed := []byte{3, 0, 0, 0, 1, 2, 9, 2, 4, 'a', 'b', 'c', 'd', 3}
	for _, amount := range []uint64{100, 200, 0} {
		seed = binary.LittleEndian.AppendUint64(seed, amount)
		seed = append(seed, 0) // no shift
	}
	return append(seed, 0) // neither unit cost nor quantity
}

func TestFuzzSeedIsValid(t *testing.T) {
	c := mustCatalogue(t)
	b := fuzzBudget(c, "USD", 2027, validSeed())
	if err := c.ValidateBudget(b); err != nil || len(b.Lines) != 1 || b.Lines[0].Intervention != "needle-syringe-programs" {
		t.Fatalf("seed decodes to %+v: %v", b, err)
	}
}

func FuzzValidateBudget(f *testing.F) {
	c := mustCatalogue(f)
	f.Add("USD", 2027, validSeed())
	f.Add("KGS", 2027, []byte{})
	f.Add("", 0, []byte{255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255})
	seed := rand.New(rand.NewPCG(1, 2))
	for range 4 {
		data := make([]byte, 256)
		for i := range data {
			data[i] = byte(seed.UintN(256))
		}
		f.Add("EUR", 2028, data)
	}
	f.Fuzz(func(t *testing.T, currency string, firstYear int, data []byte) {
		b := fuzzBudget(c, currency, firstYear, data)
		err := c.ValidateBudget(b)
		_ = c.CrossCheck(b, nil, 1)
		s, serr := c.Summarize(b)
		if (err == nil) != (serr == nil) {
			t.Fatalf("ValidateBudget says %v but Summarize says %v", err, serr)
		}
		if err != nil {
			return
		}
		checkSummaryAddsUp(t, s)
	})
}

// checkSummaryAddsUp holds for every valid budget: each breakdown sums to the total, shares are percentages.
func checkSummaryAddsUp(t *testing.T, s Summary) {
	t.Helper()
	var years, modules, interventions, groupings int64
	for _, y := range s.ByYear {
		years += y.Amount
	}
	for _, m := range s.ByModule {
		modules += m.Amount
	}
	for _, iv := range s.ByIntervention {
		interventions += iv.Amount
	}
	for _, g := range s.ByCostGrouping {
		groupings += g.Amount
	}
	if years != s.Total || modules != s.Total || interventions != s.Total || groupings != s.Total {
		t.Fatalf("breakdowns %d %d %d %d do not add up to %d", years, modules, interventions, groupings, s.Total)
	}
	for _, sh := range []Share{s.CommunityLed, s.HumanRights} {
		if sh.Percent < 0 || sh.Percent > 1000 || sh.Amount < 0 || sh.Amount > s.Total {
			t.Fatalf("share %+v of %d", sh, s.Total)
		}
	}
}
