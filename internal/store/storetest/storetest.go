// Package storetest opens fresh, migrated stores for tests: SQLite always,
// PostgreSQL when DATELINE_TEST_DATABASE names one.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/testenv"
)

// Run runs fn as subtests on a fresh, migrated SQLite database and, when
// DATELINE_TEST_DATABASE is set, on a fresh PostgreSQL schema (under CI a
// missing PostgreSQL fails the test).
func Run(t *testing.T, fn func(t *testing.T, st *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		fn(t, OpenSQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		fn(t, OpenPostgres(t))
	})
}

// OpenSQLite returns a migrated store on a new SQLite file.
func OpenSQLite(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	migrate(t, st)
	return st
}

// OpenPostgres returns a migrated store in a schema of its own, dropped
// when the test ends.
func OpenPostgres(t testing.TB) *store.Store {
	t.Helper()
	url := testenv.PostgresURL(t)
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := "test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema (is PostgreSQL running? %s): %v", store.Redact(url), err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	st, err := store.Open(context.Background(), url+sep+"search_path="+schema, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	migrate(t, st)
	return st
}

func migrate(t testing.TB, st *store.Store) {
	t.Helper()
	if _, err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
