package budget

// Summary is what reviewers read first: where the money goes by year, module, intervention and cost
// grouping, and how much of it reaches community-led and human-rights work. Rows follow catalogue order
// and list only what the budget uses, so the same budget always prints the same table.
type Summary struct {
	Currency       string
	Total          int64
	ByYear         []YearTotal
	ByModule       []ModuleTotal
	ByIntervention []InterventionTotal
	ByCostGrouping []CostGroupingTotal
	// CommunityLed and HumanRights sum the interventions the catalogue flags as such.
	CommunityLed Share
	HumanRights  Share
}

// Share is an amount with its part of the budget total; Percent is 0.0 when the total is zero.
type Share struct {
	Amount  int64
	Percent Tenths
}

// YearTotal is the budget of one grant year.
type YearTotal struct {
	Year   int
	Amount int64
}

// ModuleTotal is the budget of one module.
type ModuleTotal struct {
	Key  string
	Name Text
	Share
}

// InterventionTotal is the budget of one intervention, with the IDUIT chapter it draws on.
type InterventionTotal struct {
	Module       string
	Key          string
	Name         Text
	IDUITChapter int
	Share
}

// CostGroupingTotal is the budget of one cost grouping.
type CostGroupingTotal struct {
	Number int
	Key    string
	Name   Text
	Share
}

// sums accumulates amounts by position in the catalogue; a slot is reported only when a line used it.
type sums struct {
	amount []int64
	used   []bool
}

func newSums(n int) sums { return sums{amount: make([]int64, n), used: make([]bool, n)} }

func (s sums) add(i int, amount int64) {
	s.amount[i] += amount
	s.used[i] = true
}

// Summarize validates a budget and adds it up. Amounts are non-negative and their grand total fits in
// an int64 once validated, so every partial sum fits too and plain addition is exact.
func (c *Catalogue) Summarize(b Budget) (Summary, error) {
	if err := c.ValidateBudget(b); err != nil {
		return Summary{}, err
	}
	years := make([]int64, len(b.Years))
	modules, interventions := newSums(len(c.Modules)), newSums(len(c.flat))
	groupings := newSums(len(c.CostGroupings))
	var total, communityLed, humanRights int64
	for i := range b.Lines {
		l := &b.Lines[i]
		var line int64
		for y, a := range l.Amounts {
			years[y] += a
			line += a
		}
		ref := c.interventions[l.Intervention]
		modules.add(ref.module, line)
		interventions.add(ref.flat, line)
		groupings.add(c.costGroupings[l.CostGrouping], line)
		iv := c.at(ref)
		if iv.CommunityLed {
			communityLed += line
		}
		if iv.HumanRights {
			humanRights += line
		}
		total += line
	}
	s := Summary{
		Currency:     b.Currency,
		Total:        total,
		CommunityLed: share(communityLed, total),
		HumanRights:  share(humanRights, total),
	}
	for y, a := range years {
		s.ByYear = append(s.ByYear, YearTotal{Year: b.Years[y], Amount: a})
	}
	c.fillRows(&s, modules, interventions, groupings)
	return s, nil
}

func (c *Catalogue) fillRows(s *Summary, modules, interventions, groupings sums) {
	for m, mod := range c.Modules {
		if modules.used[m] {
			s.ByModule = append(s.ByModule, ModuleTotal{Key: mod.Key, Name: Labelled(mod.Name, mod.Confidence), Share: share(modules.amount[m], s.Total)})
		}
	}
	for f, ref := range c.flat {
		if interventions.used[f] {
			iv := c.at(ref)
			s.ByIntervention = append(s.ByIntervention, InterventionTotal{
				Module: c.Modules[ref.module].Key, Key: iv.Key, Name: Labelled(iv.Name, iv.Confidence), IDUITChapter: iv.IDUITChapter,
				Share: share(interventions.amount[f], s.Total),
			})
		}
	}
	for g, cg := range c.CostGroupings {
		if groupings.used[g] {
			s.ByCostGrouping = append(s.ByCostGrouping, CostGroupingTotal{
				Number: cg.Number, Key: cg.Key, Name: cg.Name, Share: share(groupings.amount[g], s.Total),
			})
		}
	}
}

// share cannot fail for 0 ≤ part ≤ total, the only way it is called.
func share(part, total int64) Share {
	if total == 0 {
		return Share{Amount: part}
	}
	p, _ := PercentTenths(part, total)
	return Share{Amount: part, Percent: p}
}
