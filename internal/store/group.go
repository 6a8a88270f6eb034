package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// maxGroup bounds how many callers share one group transaction.
const maxGroup = 128

// ErrClosed is returned for work handed to a store that was closed.
var ErrClosed = errors.New("the database is closed")

// GroupTx runs fn in a write transaction that the fns of other callers
// may share, and returns once that transaction is committed: fn's writes
// are durable when GroupTx returns nil. One goroutine runs the shared
// transactions one after another; the callers that arrive while one runs
// go together into the next, so under load many small writes (reader
// comments) cost one commit, and each is answered only after it. Each fn
// runs under a savepoint: when it returns an error, its writes alone are
// undone and GroupTx returns that error. fn must read and write through
// tx alone (on SQLite the pool's one write connection is the shared
// transaction's), must not keep tx after it returns, and must not wait for
// other GroupTx callers. fn's context is
// never cancelled while it runs (SQLite would roll back the whole shared
// transaction); a caller who gave up before its turn is skipped.
// Inside InTx, fn joins the open transaction.
func (s *Store) GroupTx(ctx context.Context, fn func(tx *Store) error) error {
	if s.tx != nil {
		return fn(s)
	}
	return s.group.do(ctx, s, fn)
}

// grouper is the goroutine that runs group transactions, started on first use.
type grouper struct {
	start sync.Once
	jobs  chan *groupJob // unbuffered: a job is handed over, or never sent
	quit  chan struct{}
	done  chan struct{}
	stop  sync.Once
}

type groupJob struct {
	ctx  context.Context
	fn   func(tx *Store) error
	err  error
	over chan struct{} // closed when err is final
}

func newGrouper() *grouper {
	return &grouper{jobs: make(chan *groupJob), quit: make(chan struct{}), done: make(chan struct{})}
}

func (g *grouper) do(ctx context.Context, s *Store, fn func(tx *Store) error) error {
	g.start.Do(func() { go g.loop(s) })
	j := &groupJob{ctx: ctx, fn: fn, over: make(chan struct{})}
	select {
	case g.jobs <- j:
	case <-g.quit:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once handed over, the job is waited for: the writer is never stuck
	// for long (busy_timeout), and the caller must learn whether it was
	// committed.
	<-j.over
	return j.err
}

// close stops the goroutine after the transaction it is running.
func (g *grouper) close() {
	g.stop.Do(func() {
		close(g.quit)
		g.start.Do(func() { close(g.done) }) // never started: nothing to wait for
		<-g.done
	})
}

func (g *grouper) loop(s *Store) {
	defer close(g.done)
	batch := make([]*groupJob, 0, maxGroup)
	for {
		select {
		case j := <-g.jobs:
			batch = append(batch[:0], j)
		case <-g.quit:
			return
		}
	more:
		for len(batch) < maxGroup {
			select {
			case j := <-g.jobs:
				batch = append(batch, j)
			default:
				break more
			}
		}
		g.run(s, batch)
		for _, j := range batch {
			close(j.over)
		}
		clear(batch)
	}
}

// run runs a batch of jobs in one transaction. When the transaction itself
// fails (begin, a savepoint, commit), every job not already refused by its
// own fn gets that error; none of their writes were committed.
func (g *grouper) run(s *Store, batch []*groupJob) {
	ctx := context.Background()
	fail := func(err error) {
		for _, j := range batch {
			if j.err == nil {
				j.err = err
			}
		}
	}
	tx, err := s.writeDB.BeginTx(ctx, nil)
	if err != nil {
		fail(fmt.Errorf("begin: %w", err))
		return
	}
	gt := &groupTx{tx: tx}
	if len(s.caches) == 2 {
		gt.cache = s.caches[1] // SQLite's writer statements
	}
	ts := *s
	ts.tx, ts.stmts = tx, nil
	ran := false
	for _, j := range batch {
		if j.err = j.ctx.Err(); j.err != nil {
			continue
		}
		if err := gt.runOne(ts, j); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
		ran = ran || j.err == nil
	}
	if !ran {
		tx.Rollback()
		return
	}
	if err := tx.Commit(); err != nil {
		fail(fmt.Errorf("commit: %w", err))
		return
	}
	// Statements first run unprepared (the one write connection was busy
	// with the transaction) are prepared now, for the next batches.
	for _, q := range gt.missed {
		gt.cache.stmt(ctx, q)
	}
}

// runOne runs one job under a savepoint, with ts's reads and writes in
// the transaction. It returns an error only when the shared transaction
// can no longer be trusted.
func (gt *groupTx) runOne(ts Store, j *groupJob) error {
	own := &groupDB{groupTx: gt, ctx: context.Background()}
	if _, err := own.ExecContext(own.ctx, `SAVEPOINT group_job`); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	db := &groupDB{groupTx: gt, ctx: context.WithoutCancel(j.ctx)}
	ts.read, ts.write = db, db
	if j.err = j.fn(&ts); j.err != nil {
		// After a failed statement SQLite may have rolled back the whole
		// transaction; then the savepoint is gone and this fails too.
		if _, err := own.ExecContext(own.ctx, `ROLLBACK TO SAVEPOINT group_job`); err != nil {
			return fmt.Errorf("roll back to savepoint: %w (after %w)", err, j.err)
		}
	}
	if _, err := own.ExecContext(own.ctx, `RELEASE SAVEPOINT group_job`); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}

// groupTx is one group transaction.
type groupTx struct {
	tx     *sql.Tx
	cache  *cachedDB // nil on PostgreSQL, where pgx caches statements itself
	missed []string  // statements to prepare once the transaction is over
}

// groupDB runs one job's statements in the group transaction: through the
// writer's prepared statements where it has them (SQLite), and under the
// job's context, which is never cancelled.
type groupDB struct {
	*groupTx
	ctx context.Context
}

// stmt returns query's prepared statement bound to the transaction, or nil.
func (d *groupDB) stmt(query string) *sql.Stmt {
	if d.cache == nil {
		return nil
	}
	d.cache.mu.RLock()
	st, ok := d.cache.stmts[query]
	d.cache.mu.RUnlock()
	if !ok {
		d.missed = append(d.missed, query)
		return nil
	}
	return d.tx.StmtContext(d.ctx, st)
}

func (d *groupDB) ExecContext(_ context.Context, query string, args ...any) (sql.Result, error) {
	if st := d.stmt(query); st != nil {
		return st.ExecContext(d.ctx, args...)
	}
	return d.tx.ExecContext(d.ctx, query, args...)
}

func (d *groupDB) QueryContext(_ context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := d.stmt(query); st != nil {
		return st.QueryContext(d.ctx, args...)
	}
	return d.tx.QueryContext(d.ctx, query, args...)
}

func (d *groupDB) QueryRowContext(_ context.Context, query string, args ...any) *sql.Row {
	if st := d.stmt(query); st != nil {
		return st.QueryRowContext(d.ctx, args...)
	}
	return d.tx.QueryRowContext(d.ctx, query, args...)
}
