package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

func openPostgres(url string) (*Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(url), err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	return newStore(Postgres, db, db, postgresUnique), nil
}

func postgresUnique(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && e.Code == "23505"
}

// migrationLockKey is an arbitrary constant naming Dateline's migration lock.
const migrationLockKey = 0x44_61_74_65_6c // "Datel"

// lockMigrations holds PostgreSQL's advisory lock until tx ends.
func lockMigrations(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLockKey))
	return err
}
