package models

import (
	"sync/atomic"

	"gorm.io/gorm"
)

// CountQueries adds one to n for every statement this store sends, so tests can hold read paths to a
// fixed number of queries whatever the data size (no query per row).
func (s *Store) CountQueries(n *atomic.Int64) error {
	s.counter.Store(n)
	count := func(*gorm.DB) { n.Add(1) }
	cb := s.db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("iduit:count_query", count),
		cb.Row().After("gorm:row").Register("iduit:count_row", count),
		cb.Raw().After("gorm:raw").Register("iduit:count_raw", count),
		cb.Create().After("gorm:create").Register("iduit:count_create", count),
		cb.Update().After("gorm:update").Register("iduit:count_update", count),
		cb.Delete().After("gorm:delete").Register("iduit:count_delete", count),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// countDirect counts a statement sent through database/sql rather than GORM, when counting is on.
func (s *Store) countDirect() {
	if n := s.counter.Load(); n != nil {
		n.Add(1)
	}
}
