package store

import (
	"context"
	"sync"
	"testing"
)

func TestStmtCache(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, "", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	read := st.read.(*cachedDB)
	write := st.write.(*cachedDB)

	// Many readers at once share one statement and all get answers.
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			var n int
			if err := st.read.QueryRowContext(ctx, `SELECT $1 + 1`, i).Scan(&n); err != nil || n != i+1 {
				t.Errorf("SELECT %d + 1 = %d, %v", i, n, err)
			}
		})
	}
	wg.Wait()
	if _, ok := read.stmts[`SELECT $1 + 1`]; !ok {
		t.Error("the repeated query was not kept prepared")
	}

	// Writes through the cache are seen by reads.
	if _, err := st.write.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)`, "k", "v"); err != nil {
		t.Fatal(err)
	}
	var v string
	if err := st.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, "k").Scan(&v); err != nil || v != "v" {
		t.Errorf("read back %q, %v", v, err)
	}

	// Several statements in one text all run, unprepared.
	multi := `INSERT INTO settings (key, value) VALUES ('a', '1'); INSERT INTO settings (key, value) VALUES ('b', '2')`
	if _, err := st.write.ExecContext(ctx, multi); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM settings WHERE key IN ('a', 'b')`).Scan(&n); err != nil || n != 2 {
		t.Errorf("multi-statement text stored %d rows, want 2 (%v)", n, err)
	}
	if _, ok := write.stmts[multi]; ok {
		t.Error("a multi-statement text was prepared")
	}

	// A query that cannot be prepared reports its error and is not kept.
	if _, err := st.read.QueryContext(ctx, `SELECT nope FROM nowhere`); err == nil {
		t.Error("a bad query succeeded")
	}
	if _, ok := read.stmts[`SELECT nope FROM nowhere`]; ok {
		t.Error("a bad query was kept")
	}
}
