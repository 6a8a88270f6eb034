// Package store implements every domain package's Store interface in SQL,
// one set of queries for SQLite and PostgreSQL.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Engine names the database behind a Store.
type Engine string

// The supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store reads and writes the newsroom's data.
type Store struct {
	engine  Engine
	readDB  *sql.DB // many connections
	writeDB *sql.DB // SQLite: one connection, so writers queue instead of failing busy
	// read and write are the pools, or both the open transaction inside InTx.
	read, write dbtx
	tx          *sql.Tx
	// stmts caches statements prepared on tx, for writers that repeat a
	// statement thousands of times in one transaction (imports).
	stmts map[string]*sql.Stmt
	// lastCommentID is the last comment id ReserveCommentIDs handed out
	// in tx, on SQLite.
	lastCommentID int64
	caches        []*cachedDB // prepared statements to close with the pools
	group         *grouper    // runs GroupTx's shared transactions
	// isUnique reports whether err is a unique-constraint violation.
	isUnique func(error) bool
}

// dbtx is what *sql.DB and *sql.Tx have in common.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func newStore(engine Engine, read, write *sql.DB, isUnique func(error) bool) *Store {
	return &Store{engine: engine, readDB: read, writeDB: write, read: read, write: write, isUnique: isUnique, group: newGrouper()}
}

// Open connects to the database named by url, or to the SQLite file in
// dataDir when url is empty, and checks that it answers. It does not migrate.
func Open(ctx context.Context, url, dataDir string) (*Store, error) {
	var (
		s   *Store
		err error
	)
	if IsPostgresURL(url) {
		s, err = openPostgres(url)
	} else if url != "" {
		return nil, fmt.Errorf("database %q: only postgres:// URLs are supported; leave it empty for the embedded SQLite database", redact(url))
	} else {
		s, err = openSQLite(dataDir)
	}
	if err != nil {
		return nil, err
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.readDB.PingContext(pingCtx); err != nil {
		s.Close()
		return nil, fmt.Errorf("connect to %s database: %w", s.engine, err)
	}
	return s, nil
}

// IsPostgresURL reports whether url names a PostgreSQL database.
func IsPostgresURL(url string) bool {
	return strings.HasPrefix(url, "postgres://") || strings.HasPrefix(url, "postgresql://")
}

// Engine tells which database the store uses.
func (s *Store) Engine() Engine { return s.engine }

// Close closes the connection pools.
func (s *Store) Close() error {
	s.group.close()
	var err error
	for _, c := range s.caches {
		err = errors.Join(err, c.Close())
	}
	err = errors.Join(err, s.readDB.Close())
	if s.writeDB != s.readDB {
		err = errors.Join(err, s.writeDB.Close())
	}
	return err
}

// Ping checks the database answers, for health checks.
func (s *Store) Ping(ctx context.Context) error { return s.readDB.PingContext(ctx) }

// InTx runs fn with a Store whose every read and write goes through one
// transaction, committed only if fn succeeds: multi-step writes such as
// seeding a newsroom either happen whole or not at all. Inside InTx, InTx
// joins the open transaction.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		ts := *s
		ts.read, ts.write, ts.tx = tx, tx, tx
		ts.stmts = map[string]*sql.Stmt{}
		if s.engine == SQLite {
			// The driver would parse every query on every call; pgx
			// keeps its own statement cache.
			ts.read, ts.write = preparedTx{&ts}, preparedTx{&ts}
		}
		return fn(&ts)
	})
}

// txOf returns what runs tx's queries: inside InTx, the Store's own
// runner, which on SQLite prepares each statement once for the whole
// transaction; otherwise tx itself.
func (s *Store) txOf(tx *sql.Tx) dbtx {
	if s.tx == tx {
		return s.write
	}
	return tx
}

// preparedTx runs an open transaction's queries through statements
// prepared once (see prepared): a bulk import repeats a few dozen
// statements hundreds of thousands of times.
type preparedTx struct{ s *Store }

func (p preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return p.s.execWrite(ctx, query, args...)
}

func (p preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.s.tx.QueryContext(ctx, query, args...)
}

func (p preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return p.s.queryRowWrite(ctx, query, args...)
}

// inTx runs fn in one write transaction, or in the one already open.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.tx != nil {
		return fn(s.tx)
	}
	tx, err := s.writeDB.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// prepared returns query prepared on the open transaction, preparing it
// the first time; outside a transaction it returns nil. SQLite otherwise
// parses every statement anew, which dominates a bulk import's time.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	if s.tx == nil || s.stmts == nil {
		return nil, nil
	}
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	// Like cachedDB: several statements in one text run unprepared (a
	// prepared statement would run only the first), and past the bound
	// queries simply run unprepared.
	if len(s.stmts) >= maxCachedStmts || strings.Contains(query, ";") {
		return nil, nil
	}
	st, err := s.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.stmts[query] = st
	return st, nil
}

// execWrite runs a write, through a prepared statement inside a transaction.
func (s *Store) execWrite(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if st != nil {
		return st.ExecContext(ctx, args...)
	}
	if s.tx != nil {
		return s.tx.ExecContext(ctx, query, args...)
	}
	return s.write.ExecContext(ctx, query, args...)
}

// queryRowWrite is execWrite for a statement that returns a row.
func (s *Store) queryRowWrite(ctx context.Context, query string, args ...any) *sql.Row {
	if st, err := s.prepared(ctx, query); err == nil && st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	if s.tx != nil {
		return s.tx.QueryRowContext(ctx, query, args...)
	}
	return s.write.QueryRowContext(ctx, query, args...)
}

// conflict maps a unique violation to the domain's conflict error.
func (s *Store) conflict(err, domainErr error) error {
	if err != nil && s.isUnique(err) {
		return fmt.Errorf("%w: %v", domainErr, err)
	}
	return err
}

// redact hides a password in a database URL before it is shown or logged.
func redact(url string) string {
	at := strings.LastIndex(url, "@")
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	userinfo := url[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return url[:scheme+3] + userinfo[:i] + ":xxxxx" + url[at:]
	}
	return url
}

// Redact hides the password in a database URL.
func Redact(url string) string { return redact(url) }

// utc keeps every stored time in UTC, as both engines compare them as values.
func utc(t time.Time) time.Time { return t.UTC() }

// nullTime turns the zero time into NULL.
func nullTime(t time.Time) sql.NullTime {
	if t.IsZero() {
		return sql.NullTime{}
	}
	return sql.NullTime{Time: t.UTC(), Valid: true}
}

// nullID turns 0 into NULL for optional references.
func nullID(id int64) sql.NullInt64 {
	return sql.NullInt64{Int64: id, Valid: id != 0}
}

// valueRows writes the VALUES list of a multi-row INSERT: rows groups of
// cols placeholders. SQLite gets plain ? placeholders: it looks a numbered
// one's name up by scanning all of a statement's names, which for the
// thousands of arguments of a bulk insert costs more than the insert.
// PostgreSQL gets $1, $2 … as everywhere else.
func (s *Store) valueRows(rows, cols int) string {
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range cols {
			if c > 0 {
				b.WriteString(", ")
			}
			if s.engine == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteString("$" + strconv.Itoa(r*cols+c+1))
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}
