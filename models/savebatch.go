package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// saveBatcher sends PostgreSQL's save statements in batches. A save is one statement (see
// saveSectionSteps), but each statement on its own is a round trip and a commit, and on a machine shared
// with its clients PostgreSQL's per-transaction cost, not the rows written, was what capped saves:
// pgbench ran four saves pipelined in one transaction at 1.6 times the rate of single ones. So a few
// loops each take the saves that queued up while they were busy and send them as one pipeline, which
// PostgreSQL runs as one implicit transaction: one round trip and one commit for the lot.
//
// Every statement still decides for itself (it reports "not saved" rather than failing), so batching
// changes no answer. Nobody is told "saved" before the batch's commit has returned. Statements take
// their proposal's row lock, so a batch is sent in proposal order and two batches never wait on each
// other in a cycle; should PostgreSQL refuse a batch all the same (a deadlock with some other
// transaction, say), nothing of it was committed, and each save is sent again on its own.
type saveBatcher struct {
	db       *sql.DB
	jobs     chan *saveJob
	quit     chan struct{}
	loops    sync.WaitGroup
	maxBatch int
	// largest is the biggest batch committed so far, for tests and diagnostics.
	largest atomic.Int64
	// waiting counts the saves queued and not yet taken into a batch (/metrics).
	waiting atomic.Int64
}

// saveJob is one save statement waiting for its batch. order is the proposal id and section key, the
// order in which row locks are taken.
type saveJob struct {
	ctx       context.Context
	statement string
	args      []any
	order     string
	out       saveOutcome
	result    chan saveOutcome
}

// saveOutcome is what a save statement reports: whether it saved, whether the proposal was open to
// saving, and who saved.
type saveOutcome struct {
	saved, open bool
	userID      string
	err         error
}

// saveLoops is how many batches may be in flight at once. Fewer loops make bigger batches: with 16
// clients here, 1, 2, 4 and 8 loops averaged 7.6, 4.0, 2.6 and 1.5 saves a batch, and 4 or 8 were
// clearly slower. One loop was as fast as two, but two keep saves moving while one batch waits on a
// proposal's lock, and let PostgreSQL use two cores.
const saveLoops = 2

// batchTimeout bounds one batch: its callers have already given up waiting by then.
const batchTimeout = 30 * time.Second

func newSaveBatcher(db *sql.DB) *saveBatcher {
	b := &saveBatcher{db: db, jobs: make(chan *saveJob), quit: make(chan struct{}), maxBatch: 32}
	for range saveLoops {
		b.loops.Add(1)
		go b.loop()
	}
	return b
}

// submit queues one save statement and waits for its outcome. A caller that gives up before its batch
// is sent is skipped; once sent, it waits for the commit so the answer is never a guess.
func (b *saveBatcher) submit(ctx context.Context, statement, order string, args []any) saveOutcome {
	job := &saveJob{ctx: ctx, statement: statement, args: args, order: order, result: make(chan saveOutcome, 1)}
	b.waiting.Add(1)
	select {
	case b.jobs <- job:
	case <-ctx.Done():
		b.waiting.Add(-1)
		return saveOutcome{err: ctx.Err()}
	case <-b.quit:
		b.waiting.Add(-1)
		return saveOutcome{err: errStoreClosed}
	}
	b.waiting.Add(-1)
	return <-job.result
}

func (b *saveBatcher) loop() {
	defer b.loops.Done()
	for {
		select {
		case first := <-b.jobs:
			b.run(gather(first, b.jobs, b.maxBatch))
		case <-b.quit:
			return
		}
	}
}

// run sends a batch and answers every job in it.
func (b *saveBatcher) run(batch []*saveJob) {
	live := batch[:0]
	for _, j := range batch {
		if err := j.ctx.Err(); err != nil {
			j.result <- saveOutcome{err: err}
			continue
		}
		live = append(live, j)
	}
	if len(live) == 0 {
		return
	}
	slices.SortFunc(live, func(x, y *saveJob) int { return strings.Compare(x.order, y.order) })
	if n := int64(len(live)); n > b.largest.Load() {
		b.largest.Store(n)
	}
	err := b.send(live)
	var refused *pgconn.PgError
	if err != nil && len(live) > 1 && errors.As(err, &refused) {
		// PostgreSQL rolled the whole batch back: nothing in it was committed, so each save can be sent
		// again on its own and get its own answer.
		for _, j := range live {
			if err := b.send([]*saveJob{j}); err != nil {
				j.out = saveOutcome{err: err}
			}
			j.result <- j.out
		}
		return
	}
	for _, j := range live {
		if err != nil {
			j.out = saveOutcome{err: err}
		}
		j.result <- j.out
	}
}

// send runs the jobs' statements as one pipeline, which PostgreSQL runs as one implicit transaction,
// and keeps each statement's outcome in its job. It returns only after the commit, or the failure.
func (b *saveBatcher) send(jobs []*saveJob) error {
	// A caller going away must not cancel a batch that carries other people's saves.
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	conn, err := b.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(driverConn any) error {
		pc, ok := driverConn.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("save batches need the pgx driver, not %T", driverConn)
		}
		var batch pgx.Batch
		for _, j := range jobs {
			batch.Queue(j.statement, j.args...)
		}
		results := pc.Conn().SendBatch(ctx, &batch)
		for _, j := range jobs {
			var saved, open int64
			var user sql.NullString
			if err := results.QueryRow().Scan(&saved, &open, &user); err != nil {
				results.Close()
				return err
			}
			j.out = saveOutcome{saved: saved == 1, open: open == 1, userID: user.String}
		}
		return results.Close()
	})
}

func (b *saveBatcher) close() {
	close(b.quit)
	b.loops.Wait()
}
