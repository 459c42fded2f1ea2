package api

import (
	"iduit/domain"
	"iduit/export"
	"iduit/service"
)

// The funding request's structured parts: intervention records, community priorities, country and cycle
// settings and the CCM process evidence. Each is a versioned document (api/documents.go); its members
// are those of the export file's part of the same kind (package export), which is already a public JSON
// format, plus the version, the last change and what is computed.

// settingsRequest is the whole settings document.
type settingsRequest struct {
	export.SettingsBody
	echoedMeta
}

type settingsResponse struct {
	documentMeta
	export.SettingsBody
	// AllowedCurrencies is the proposal template's list, the one the currency is checked against.
	AllowedCurrencies []string `json:"allowed_currencies"`
}

func fromSettingsRequest(req settingsRequest) service.Settings { return req.SettingsBody }

func toSettingsResponse(s service.SettingsView, doc domain.Document) settingsResponse {
	return settingsResponse{documentMeta: toDocumentMeta(doc), SettingsBody: s.Settings, AllowedCurrencies: s.AllowedCurrencies}
}

// interventionsRequest is every intervention record of the proposal; costs are computed, not sent.
type interventionsRequest struct {
	Records []interventionRecordJSON `json:"records"`
	// Currency is accepted so that a client may send back what it read; the settings own it.
	Currency *string `json:"currency"`
	echoedMeta
}

// interventionRecordJSON is a record as sent; cost is accepted so that a client may send back what it read,
// and ignored.
type interventionRecordJSON struct {
	export.InterventionRecord
	Cost *costJSON `json:"cost,omitempty"`
}

type costJSON struct {
	Allocation int64 `json:"allocation"`
	PAAR       int64 `json:"paar"`
	Total      int64 `json:"total"`
}

type interventionsResponse struct {
	documentMeta
	Currency string                   `json:"currency"`
	Records  []interventionRecordJSON `json:"records"`
}

func fromInterventionsRequest(req interventionsRequest) []service.InterventionRecord {
	out := make([]service.InterventionRecord, len(req.Records))
	for i, r := range req.Records {
		out[i] = r.InterventionRecord
	}
	return out
}

func toInterventionsResponse(in service.Interventions, doc domain.Document) interventionsResponse {
	r := interventionsResponse{documentMeta: toDocumentMeta(doc), Currency: in.Currency, Records: make([]interventionRecordJSON, len(in.Records))}
	for i, rec := range in.Records {
		c := costJSON(in.Costs[i])
		r.Records[i] = interventionRecordJSON{InterventionRecord: rec, Cost: &c}
	}
	return r
}

type prioritiesRequest struct {
	export.PrioritiesBody
	echoedMeta
}

type prioritiesResponse struct {
	documentMeta
	export.PrioritiesBody
}

func fromPrioritiesRequest(req prioritiesRequest) []service.Priority { return req.Priorities }

func toPrioritiesResponse(list []service.Priority, doc domain.Document) prioritiesResponse {
	return prioritiesResponse{documentMeta: toDocumentMeta(doc), PrioritiesBody: export.PrioritiesBody{Priorities: list}}
}

type ccmProcessRequest struct {
	export.CCMProcessBody
	echoedMeta
}

type ccmProcessResponse struct {
	documentMeta
	export.CCMProcessBody
}

func fromCCMProcessRequest(req ccmProcessRequest) service.CCMProcess { return req.CCMProcessBody }

func toCCMProcessResponse(c service.CCMProcess, doc domain.Document) ccmProcessResponse {
	return ccmProcessResponse{documentMeta: toDocumentMeta(doc), CCMProcessBody: c}
}
