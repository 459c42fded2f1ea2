package chart

import "iduit/document"

// FromDocument is the bar chart a document's chart describes: the PDF draws it and the Word file gives
// its text alternative from it, so both say the same as the pages.
func FromDocument(c *document.Chart) BarChart {
	bc := BarChart{Title: c.Title, Max: c.Max}
	for _, b := range c.Bars {
		bc.Bars = append(bc.Bars, Bar{Label: b.Label, Value: b.Value, Amount: b.Amount, Percent: b.Percent})
	}
	if c.TargetLabel != "" {
		bc.Target = &Target{Value: c.Target, Label: c.TargetLabel}
	}
	return bc
}
