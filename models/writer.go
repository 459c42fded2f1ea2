package models

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"gorm.io/gorm"
)

// groupWriter is SQLite's single writer with group commit. SQLite admits one writer at a time and, with
// synchronous=FULL, each commit waits for an fsync (about 0.5 ms on the machines here), which caps one
// commit per save at ~2,000 saves/s before any work is done. The writer instead takes every write that
// queued up while the previous commit was syncing, runs each under its own SAVEPOINT in one transaction,
// and commits them with one fsync. A write that fails is rolled back to its savepoint alone; nobody is
// told "saved" before the shared COMMIT has returned, so no acknowledged write can be lost.
type groupWriter struct {
	db       *gorm.DB
	stmts    *prepared
	jobs     chan *writeJob
	quit     chan struct{}
	done     chan struct{}
	maxBatch int
	// largest is the biggest batch committed so far, for tests and diagnostics.
	largest atomic.Int64
	// waiting counts the writes queued for the writer and not yet taken into a batch (/metrics).
	waiting atomic.Int64
}

type writeJob struct {
	ctx    context.Context
	fn     func(tx *gorm.DB) error
	err    error // the job's own outcome, kept while the batch commits
	result chan error
}

// errStoreClosed answers writes that arrive after Close.
var errStoreClosed = errors.New("the store is closed")

func newGroupWriter(db *gorm.DB, stmts *prepared) *groupWriter {
	w := &groupWriter{db: db, stmts: stmts, jobs: make(chan *writeJob), quit: make(chan struct{}), done: make(chan struct{}), maxBatch: 64}
	go w.loop()
	return w
}

// submit queues fn and waits for its outcome. A caller that gives up (ctx ends) before its turn is
// skipped; once its batch is committing, it waits for the commit so the answer is never a guess.
func (w *groupWriter) submit(ctx context.Context, fn func(tx *gorm.DB) error) error {
	job := &writeJob{ctx: ctx, fn: fn, result: make(chan error, 1)}
	w.waiting.Add(1)
	select {
	case w.jobs <- job:
	case <-ctx.Done():
		w.waiting.Add(-1)
		return ctx.Err()
	case <-w.quit:
		w.waiting.Add(-1)
		return errStoreClosed
	}
	w.waiting.Add(-1)
	return <-job.result
}

func (w *groupWriter) loop() {
	defer close(w.done)
	for {
		var first *writeJob
		select {
		case first = <-w.jobs:
		case <-w.quit:
			return
		}
		w.commit(gather(first, w.jobs, w.maxBatch))
	}
}

// gather takes first and whatever else is already waiting on jobs, up to max: the batch that one
// commit will carry (the SQLite writer's and PostgreSQL's save batches alike).
func gather[T any](first T, jobs <-chan T, max int) []T {
	batch := []T{first}
	for len(batch) < max {
		select {
		case j := <-jobs:
			batch = append(batch, j)
		default:
			return batch
		}
	}
	return batch
}

func (w *groupWriter) commit(batch []*writeJob) {
	if n := int64(len(batch)); n > w.largest.Load() {
		w.largest.Store(n)
	}
	results := make([]error, len(batch))
	err := w.db.Transaction(func(tx *gorm.DB) error {
		for i, j := range batch {
			if err := j.ctx.Err(); err != nil {
				results[i] = err
				continue
			}
			if err := w.runOne(tx, j); err != nil {
				return err // the transaction itself is broken: everyone fails, nothing was acknowledged
			}
			results[i] = j.err
		}
		return nil
	})
	for i, j := range batch {
		if err != nil && results[i] == nil {
			results[i] = translate(fmt.Errorf("commit: %w", err), "changes")
		}
		j.result <- results[i]
	}
}

// runOne runs a job under a savepoint; its own failure is kept in j.err, and only a failure to roll
// back to the savepoint is returned, since that leaves the shared transaction unusable. Jobs run one
// after another, so they share one savepoint name, and its statements stay prepared.
func (w *groupWriter) runOne(tx *gorm.DB, j *writeJob) error {
	if _, err := w.stmts.exec(tx, "SAVEPOINT job"); err != nil {
		return err
	}
	// Once started, a job is not cancelled: interrupting a statement would make SQLite roll back the whole
	// shared transaction, taking the other callers' writes with it.
	if j.err = j.fn(tx.WithContext(context.WithoutCancel(j.ctx))); j.err != nil {
		if _, err := w.stmts.exec(tx, "ROLLBACK TO SAVEPOINT job"); err != nil {
			return err
		}
	}
	_, err := w.stmts.exec(tx, "RELEASE SAVEPOINT job")
	return err
}

func (w *groupWriter) close() {
	close(w.quit)
	<-w.done
}
