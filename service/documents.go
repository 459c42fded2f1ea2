package service

import (
	"context"
	"encoding/json"
	"fmt"

	"iduit/domain"
	"iduit/export"
	"iduit/models"
)

// documentKind is one kind of versioned proposal document (the budget, the performance framework, …):
// a JSON body of type B saved whole in proposal_documents, guarded by its version. What differs between
// kinds is only how a body is checked and what it means; reading, access rules, the version guard and
// the activity entry are the same for all of them and live here, once.
type documentKind[B any] struct {
	// kind is the key in proposal_documents and in exports.
	kind string
	// activity is the activity-log kind a save records.
	activity string
}

// load decodes a proposal's stored document without an access check, for the service's own use (the
// check, totals). A document never saved is B's zero value at version 0.
func (k documentKind[B]) load(ctx context.Context, s *Service, proposalID string) (B, domain.Document, error) {
	var body B
	doc, err := s.store.Document(ctx, proposalID, k.kind)
	if err != nil || doc.Version == 0 {
		return body, doc, err
	}
	if err := json.Unmarshal(doc.Body, &body); err != nil {
		return body, doc, fmt.Errorf("stored %s of proposal %s: %w", k.kind, proposalID, err)
	}
	return body, doc, nil
}

// read is load for a caller who may read the proposal (any member); others get not found.
func (k documentKind[B]) read(ctx context.Context, s *Service, acc Access, proposalID string) (domain.Proposal, B, domain.Document, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionRead)
	if err != nil {
		var zero B
		return p, zero, domain.Document{}, err
	}
	body, doc, err := k.load(ctx, s, p.ID)
	return p, body, doc, err
}

// save replaces the document for a caller who may edit text, while the proposal is not final, if it is
// still at the expected version. check validates the new body for this proposal and returns the body to
// store (it may normalise it); it runs after the access rules, so a viewer learns nothing from a 400.
func (k documentKind[B]) save(ctx context.Context, s *Service, acc Access, proposalID string, expected int,
	check func(p domain.Proposal) (B, error)) (domain.Document, error) {
	p, err := s.Proposal(ctx, acc, proposalID, domain.ActionEditText)
	if err != nil {
		return domain.Document{}, err
	}
	if err := writable(p); err != nil {
		return domain.Document{}, err
	}
	body, err := check(p)
	if err != nil {
		return domain.Document{}, err
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return domain.Document{}, err
	}
	return s.store.SaveDocument(ctx, models.DocumentSave{ProposalID: p.ID, Kind: k.kind, ExpectedVersion: expected,
		Body: raw, UserID: acc.User.ID, Now: s.clock(), Activity: s.activity(p, acc.User, k.activity, k.kind, "")})
}

// decodePart reads an exported document's body as strictly as a request body, naming the part when it
// cannot be read.
func decodePart[B any](part export.Part) (B, error) {
	var body B
	if err := decodeStrict(part.Body, &body); err != nil {
		return body, domain.Invalid(fmt.Sprintf("the %s in the export is not readable", part.Kind),
			domain.Problem{Field: "documents." + part.Kind, Message: err.Error()})
	}
	return body, nil
}

// importedParts are the documents of an export by kind, for validators that need another part (the
// performance framework needs the budget's years).
type importedParts map[string]export.Part

// documentImport validates one kind of document in an export as a save of it would.
type documentImport struct {
	kind  string
	check func(s *Service, p domain.Proposal, parts importedParts) error
}

// documentImports are every document kind a proposal has, in the order they are exported and checked.
var documentImports = []documentImport{
	{models.DocumentBudget, (*Service).checkImportedBudget},
	{models.DocumentIndicators, (*Service).checkImportedFramework},
	{models.DocumentSettings, (*Service).checkImportedSettings},
	{models.DocumentInterventions, (*Service).checkImportedInterventions},
	{models.DocumentPriorities, (*Service).checkImportedPriorities},
	{models.DocumentCCMProcess, (*Service).checkImportedCCMProcess},
}

// checkImportedParts validates every document of an export as a save would, and refuses unknown kinds
// and a kind given twice.
func (s *Service) checkImportedParts(p domain.Proposal, list []export.Part) error {
	parts := importedParts{}
	for _, part := range list {
		if _, twice := parts[part.Kind]; twice || !knownDocumentKind(part.Kind) {
			return domain.Invalid("unknown document", domain.Problem{Field: "documents.kind",
				Message: fmt.Sprintf("%q is not a document kind or is given twice", part.Kind)})
		}
		parts[part.Kind] = part
	}
	for _, d := range documentImports {
		if _, ok := parts[d.kind]; !ok {
			continue
		}
		if err := d.check(s, p, parts); err != nil {
			return err
		}
	}
	return nil
}

func knownDocumentKind(kind string) bool {
	for _, d := range documentImports {
		if d.kind == kind {
			return true
		}
	}
	return false
}
