// Package chart lays out horizontal bar charts as a device-independent model — rectangles, lines and
// text in abstract units — and renders that model as SVG for the pages; package pdf draws the same
// model as vectors. It is fed plain numbers and already-formatted strings (the caller owns money and
// languages), and imports nothing of the project.
//
// The charts are made to be read without colour: every bar carries its label, amount and percentage
// as text, and a target is a labelled dashed line, not a hue.
package chart

import (
	"strings"
	"unicode/utf8"
)

// BarChart is one chart: bars drawn left to right against a common scale.
type BarChart struct {
	// Title names the chart; it is the SVG's <title> and starts the text alternative.
	Title string
	// Bars are drawn top to bottom in this order.
	Bars []Bar
	// Max is the value a full-width bar stands for; 0 takes the largest value (or the target).
	Max int64
	// Target, when set, is drawn as a dashed vertical line across every bar with its label on top.
	Target *Target
}

// Bar is one bar: Value sets its length; the strings are printed on it as given.
type Bar struct {
	// Label names the bar; it is printed above it.
	Label string
	// Value is the bar's length in the chart's units (minor units of money, counts, tenths of a percent).
	Value int64
	// Amount is the value as the reader reads it, such as "12 345,00 USD"; may be empty.
	Amount string
	// Percent is the share as the reader reads it, such as "12,3 %"; may be empty.
	Percent string
}

// Target is a reference value, such as a share the owner aims for.
type Target struct {
	// Value is in the same units as the bars' values.
	Value int64
	// Label is printed at the top of the line, such as "Target: 30 %".
	Label string
}

// Text is the bar's printed figures: amount and percentage.
func (b Bar) Text() string {
	switch {
	case b.Amount == "":
		return b.Percent
	case b.Percent == "":
		return b.Amount
	}
	return b.Amount + " · " + b.Percent
}

// Alternative is the chart in words, for readers who cannot see it: the title, then every bar's label
// and figures, then the target.
func (c BarChart) Alternative() string {
	var b strings.Builder
	b.WriteString(c.Title)
	for i, bar := range c.Bars {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(bar.Label)
		if t := bar.Text(); t != "" {
			b.WriteString(" — " + t)
		}
	}
	if c.Target != nil && c.Target.Label != "" {
		b.WriteString(". " + c.Target.Label)
	}
	return b.String()
}

// Measure returns the width of s set at size, in layout units. Renderers that know their fonts pass
// their own; EstimateWidth serves those that do not (a browser picks its font).
type Measure func(s string, size float64) float64

// EstimateWidth is a generous guess at a sans-serif text's width: wide enough for digits and
// Cyrillic capitals, so that text measured with it does not run over the bar it was placed on.
func EstimateWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * 0.6 * size
}
