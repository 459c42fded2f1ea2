package models

// LargestSaveBatch tells tests the most saves PostgreSQL's batcher has sent in one batch (0 on SQLite).
func LargestSaveBatch(s *Store) int64 {
	if s.saves == nil {
		return 0
	}
	return s.saves.largest.Load()
}

// BetweenContentReads makes ReadProposalContents call f after its first read, until the test ends.
func BetweenContentReads(t interface{ Cleanup(func()) }, f func()) {
	betweenContentReads = f
	t.Cleanup(func() { betweenContentReads = nil })
}
