package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
)

// maxCachedStmts bounds the cache. Query texts differ by shape only (the
// values are arguments), so a few hundred cover every query; past the
// bound, queries simply run unprepared.
const maxCachedStmts = 1000

// cachedDB runs each query text through one prepared statement, kept for
// the life of the pool; database/sql prepares it on each connection the
// first time it runs there. The SQLite driver otherwise parses and plans
// the SQL on every call, which cost about a third of the CPU time of an
// article page and of a comment post (see bench/README.md).
type cachedDB struct {
	db    *sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

func newCachedDB(db *sql.DB) *cachedDB {
	return &cachedDB{db: db, stmts: map[string]*sql.Stmt{}}
}

// stmt returns the prepared statement for query, or nil to run it as it
// is: text with several statements (a prepared statement would run only
// the first), a full cache, or a failed prepare, whose error the plain
// call then reports as before.
func (c *cachedDB) stmt(ctx context.Context, query string) *sql.Stmt {
	c.mu.RLock()
	st, ok := c.stmts[query]
	full := len(c.stmts) >= maxCachedStmts
	c.mu.RUnlock()
	if ok || full || strings.Contains(query, ";") {
		return st
	}
	// Prepared without the lock held: preparing waits for a connection,
	// and others must not wait for that to use the statements they have.
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if have, ok := c.stmts[query]; ok {
		st.Close()
		return have
	}
	c.stmts[query] = st
	return st
}

func (c *cachedDB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return c.db.ExecContext(ctx, query, args...)
}

func (c *cachedDB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return c.db.QueryContext(ctx, query, args...)
}

func (c *cachedDB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return c.db.QueryRowContext(ctx, query, args...)
}

// Close closes the statements; the pool itself is closed by its owner.
func (c *cachedDB) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	for q, st := range c.stmts {
		err = errors.Join(err, st.Close())
		delete(c.stmts, q)
	}
	return err
}
