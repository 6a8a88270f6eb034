package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// SQLiteFile is the database's file name inside the data folder.
const SQLiteFile = "dateline.db"

// openSQLite opens the embedded database in WAL mode with two pools: many
// readers, and a single writer whose transactions take the lock at BEGIN
// (so two writers never deadlock upgrading read locks).
func openSQLite(dataDir string) (*Store, error) {
	if dataDir == "" {
		return nil, errors.New("no data folder given for the SQLite database")
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dataDir, SQLiteFile)
	const pragmas = "_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_time_format=sqlite"
	read, err := sql.Open("sqlite", "file:"+path+"?"+pragmas)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	write, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_txlock=immediate")
	if err != nil {
		read.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	read.SetMaxOpenConns(8)
	s := newStore(SQLite, read, write, sqliteUnique)
	// The driver would parse every query on every call; PostgreSQL's pgx
	// keeps its own statement cache, so only SQLite needs this.
	r, w := newCachedDB(read), newCachedDB(write)
	s.read, s.write, s.caches = r, w, []*cachedDB{r, w}
	return s, nil
}

func sqliteUnique(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	return e.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || e.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
}

// InBulkTx is InTx for a bulk import. On SQLite it first readies the
// writer's connection: a 64 MB page cache, so a transaction of a million
// rows keeps its index pages in memory instead of spilling and re-reading
// them; and statement journals in memory (temp_store), where they would
// otherwise go to a temporary file once past 64 KB — a write system call
// for every page each insert touches. Both are set back afterwards. The
// import stays one transaction, as durable as any other.
func (s *Store) InBulkTx(ctx context.Context, fn func(tx *Store) error) error {
	if s.engine != SQLite || s.tx != nil {
		return s.InTx(ctx, fn)
	}
	// The writer pool has one connection, so these reach the connection
	// the transaction then runs on.
	var cache int64
	if err := s.writeDB.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return fmt.Errorf("bulk write: %w", err)
	}
	if _, err := s.writeDB.ExecContext(ctx, `PRAGMA cache_size = -65536`); err != nil {
		return fmt.Errorf("bulk write: %w", err)
	}
	if _, err := s.writeDB.ExecContext(ctx, `PRAGMA temp_store = MEMORY`); err != nil {
		return fmt.Errorf("bulk write: %w", err)
	}
	err := s.InTx(ctx, fn)
	// Once the transaction is over, committed or not, a failure here
	// changes nothing written: the connection keeps a larger cache.
	s.writeDB.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = `+strconv.FormatInt(cache, 10))
	s.writeDB.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = DEFAULT`)
	return err
}
