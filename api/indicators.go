package api

import (
	"context"

	"iduit/budget"
	"iduit/domain"
	"iduit/service"
)

type measureJSON struct {
	Value       *int64 `json:"value,omitempty"`
	Numerator   *int64 `json:"numerator,omitempty"`
	Denominator *int64 `json:"denominator,omitempty"`
}

type baselineJSON struct {
	measureJSON
	Year   int    `json:"year"`
	Source string `json:"source"`
}

type targetJSON struct {
	Year int `json:"year"`
	measureJSON
}

type indicatorJSON struct {
	Code     string       `json:"code"`
	Baseline baselineJSON `json:"baseline"`
	Targets  []targetJSON `json:"targets"`
}

// gapJSON is a gap-table row; the computed members are ignored on input so a client can send back what
// it read.
type gapJSON struct {
	Indicator              string  `json:"indicator"`
	Year                   int     `json:"year"`
	Need                   int64   `json:"need"`
	CoveredByOthers        int64   `json:"covered_by_others"`
	ThisRequest            int64   `json:"this_request"`
	Remaining              *int64  `json:"remaining,omitempty"`
	CoveredByOthersPercent *string `json:"covered_by_others_percent,omitempty"`
	ThisRequestPercent     *string `json:"this_request_percent,omitempty"`
	TotalCoveragePercent   *string `json:"total_coverage_percent,omitempty"`
	RemainingPercent       *string `json:"remaining_percent,omitempty"`
}

type frameworkRequest struct {
	Indicators []indicatorJSON `json:"indicators"`
	Gaps       []gapJSON       `json:"gaps"`
	echoedMeta
}

type frameworkResponse struct {
	documentMeta
	Indicators []indicatorJSON `json:"indicators"`
	Gaps       []gapJSON       `json:"gaps"`
}

// frameworkWithGaps is the framework as read: what was entered, and the gap table computed from it.
type frameworkWithGaps struct {
	service.Framework
	gaps []budget.Gap
}

func fromIndicatorJSON(in indicatorJSON) budget.IndicatorEntry {
	e := budget.IndicatorEntry{Code: in.Code, Baseline: budget.Baseline{Value: in.Baseline.Value, Numerator: in.Baseline.Numerator,
		Denominator: in.Baseline.Denominator, Year: in.Baseline.Year, Source: in.Baseline.Source}}
	for _, t := range in.Targets {
		e.Targets = append(e.Targets, budget.Target{Year: t.Year, Value: t.Value, Numerator: t.Numerator, Denominator: t.Denominator})
	}
	return e
}

func toIndicatorJSON(e budget.IndicatorEntry) indicatorJSON {
	out := indicatorJSON{Code: e.Code, Targets: []targetJSON{}, Baseline: baselineJSON{Year: e.Baseline.Year, Source: e.Baseline.Source,
		measureJSON: measureJSON{e.Baseline.Value, e.Baseline.Numerator, e.Baseline.Denominator}}}
	for _, t := range e.Targets {
		out.Targets = append(out.Targets, targetJSON{Year: t.Year, measureJSON: measureJSON{t.Value, t.Numerator, t.Denominator}})
	}
	return out
}

func toGapJSON(g budget.Gap) gapJSON {
	pct := func(t budget.Tenths) *string { s := t.String(); return &s }
	return gapJSON{Indicator: g.Indicator, Year: g.Year, Need: g.Need, CoveredByOthers: g.CoveredByOthers, ThisRequest: g.ThisRequest,
		Remaining: &g.Remaining, CoveredByOthersPercent: pct(g.CoveredByOthersPercent), ThisRequestPercent: pct(g.ThisRequestPercent),
		TotalCoveragePercent: pct(g.TotalCoveragePercent), RemainingPercent: pct(g.RemainingPercent)}
}

func toFrameworkResponse(f frameworkWithGaps, doc domain.Document) frameworkResponse {
	r := frameworkResponse{documentMeta: toDocumentMeta(doc), Indicators: []indicatorJSON{}, Gaps: []gapJSON{}}
	for _, e := range f.Indicators {
		r.Indicators = append(r.Indicators, toIndicatorJSON(e))
	}
	for _, g := range f.gaps {
		r.Gaps = append(r.Gaps, toGapJSON(g))
	}
	return r
}

// readFramework adapts the service's framework read, which returns the gap table beside the framework.
func (h *handlers) readFramework(ctx context.Context, acc service.Access, proposalID string) (frameworkWithGaps, domain.Document, error) {
	f, gaps, doc, err := h.svc.Framework(ctx, acc, proposalID)
	return frameworkWithGaps{Framework: f, gaps: gaps}, doc, err
}

func fromFrameworkRequest(req frameworkRequest) service.Framework {
	var f service.Framework
	for _, in := range req.Indicators {
		f.Indicators = append(f.Indicators, fromIndicatorJSON(in))
	}
	for _, g := range req.Gaps {
		f.Gaps = append(f.Gaps, budget.GapRow{Indicator: g.Indicator, Year: g.Year, Need: g.Need, CoveredByOthers: g.CoveredByOthers, ThisRequest: g.ThisRequest})
	}
	return f
}
