package export

import "encoding/json"

// Decoded is an export's structured parts decoded once for every document built from that export: a
// submission package builds the concept note in two languages and the workbook from one export, and
// decoding its 2,000 budget lines for each of the three was a tenth of the package's CPU. The bodies are
// shared, so whoever reads them treats them as read-only. A part that is absent stays nil; one that does
// not decode is nil too, with its error in Errs under its kind.
type Decoded struct {
	Budget        *BudgetBody
	Framework     *FrameworkBody
	Settings      *SettingsBody
	Interventions *InterventionsBody
	Priorities    *PrioritiesBody
	CCMProcess    *CCMProcessBody
	Errs          map[string]error
}

// Decode decodes the structured parts of an export.
func Decode(parts []Part) *Decoded {
	d := &Decoded{}
	for _, p := range parts {
		var err error
		switch p.Kind {
		case "budget":
			d.Budget, err = decodeBody[BudgetBody](p.Body)
		case "indicators":
			d.Framework, err = decodeBody[FrameworkBody](p.Body)
		case "settings":
			d.Settings, err = decodeBody[SettingsBody](p.Body)
		case "interventions":
			d.Interventions, err = decodeBody[InterventionsBody](p.Body)
		case "priorities":
			d.Priorities, err = decodeBody[PrioritiesBody](p.Body)
		case "ccm_process":
			d.CCMProcess, err = decodeBody[CCMProcessBody](p.Body)
		}
		if err != nil {
			if d.Errs == nil {
				d.Errs = map[string]error{}
			}
			d.Errs[p.Kind] = err
		}
	}
	return d
}

func decodeBody[T any](raw json.RawMessage) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, err
	}
	return v, nil
}
