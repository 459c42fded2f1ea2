package pdf

import "iduit/internal/reference"

// The reference document is shared with the other formats' tests (internal/reference): a concept note of
// about thirty pages as an EECA network would draft it. Tests, the golden file and the benchmarks use it.

var (
	sentencesEN = reference.SentencesEN
	sentencesRU = reference.SentencesRU
	chapters    = reference.Chapters
)

func referenceDocument() Document { return reference.Document() }
