package models

import (
	"context"
	"database/sql"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// prepared keeps the SQLite writer's hot statements prepared on the database rather than on one
// transaction. GORM caches a statement it first prepared inside a transaction as bound to that
// transaction, and database/sql then prepares it again in every later one: SQLite's parser was 11% of
// an in-process save's CPU, all of it inside the single writer. A statement prepared on the *sql.DB is
// prepared once per connection and reused by every transaction on that connection.
type prepared struct {
	db *sql.DB
	m  sync.Map // query → *sql.Stmt
	// counter is the store's (see CountQueries): statements sent here bypass GORM's callbacks.
	counter *atomic.Pointer[atomic.Int64]
}

func (p *prepared) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := p.m.Load(query); ok {
		return s.(*sql.Stmt), nil
	}
	s, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := p.m.LoadOrStore(query, s); loaded {
		s.Close()
		return prev.(*sql.Stmt), nil
	}
	return s, nil
}

// inTx returns query's statement bound to tx's transaction, or false when there is no statement cache
// (PostgreSQL) or tx is not a plain database/sql transaction: the caller then goes through GORM.
func (p *prepared) inTx(tx *gorm.DB, query string) (*sql.Stmt, bool, error) {
	if p == nil {
		return nil, false, nil
	}
	var sqlTx *sql.Tx
	switch c := tx.Statement.ConnPool.(type) {
	case *sql.Tx:
		sqlTx = c
	case *gorm.PreparedStmtTX:
		sqlTx, _ = c.Tx.(*sql.Tx)
	}
	if sqlTx == nil {
		return nil, false, nil
	}
	if n := p.counter.Load(); n != nil {
		n.Add(1)
	}
	ctx := tx.Statement.Context
	s, err := p.stmt(ctx, query)
	if err != nil {
		return nil, true, err
	}
	return sqlTx.StmtContext(ctx, s), true, nil
}

// exec runs query in tx's transaction and reports the rows it changed.
func (p *prepared) exec(tx *gorm.DB, query string, args ...any) (int64, error) {
	s, ok, err := p.inTx(tx, query)
	if err != nil {
		return 0, err
	}
	if !ok {
		res := tx.Exec(query, args...)
		return res.RowsAffected, res.Error
	}
	res, err := s.ExecContext(tx.Statement.Context, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// queryRow runs a one-row query in tx's transaction and scans it into dest.
func (p *prepared) queryRow(tx *gorm.DB, query string, args []any, dest ...any) error {
	s, ok, err := p.inTx(tx, query)
	if err != nil {
		return err
	}
	if !ok {
		return tx.Raw(query, args...).Row().Scan(dest...)
	}
	return s.QueryRowContext(tx.Statement.Context, args...).Scan(dest...)
}

func (p *prepared) close() {
	p.m.Range(func(_, s any) bool {
		s.(*sql.Stmt).Close()
		return true
	})
}
