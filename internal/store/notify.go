package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Nodes that share a PostgreSQL database tell each other what changed with
// NOTIFY on one channel, each LISTENing on a connection of its own. The
// channel is per schema, so installations (and tests) sharing a database
// server do not hear each other. SQLite has one node: both are no-ops.

// Broadcasts reports whether Notify reaches other nodes.
func (s *Store) Broadcasts() bool { return s.engine == Postgres }

// channel names the notification channel of this store's schema.
func (s *Store) channel(ctx context.Context) (string, error) {
	var schema string
	if err := s.readDB.QueryRowContext(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return "", fmt.Errorf("notification channel: %w", err)
	}
	name := "dateline_changes"
	if schema != "public" {
		name += "_" + schema
	}
	if len(name) > 63 { // PostgreSQL's identifier limit
		name = name[:63]
	}
	return name, nil
}

// Notify sends payload (at most 8000 bytes) to every listening node, this
// one included.
func (s *Store) Notify(ctx context.Context, payload string) error {
	if s.engine != Postgres {
		return nil
	}
	ch, err := s.channel(ctx)
	if err != nil {
		return err
	}
	if _, err := s.write.ExecContext(ctx, `SELECT pg_notify($1, $2)`, ch, payload); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	return nil
}

// Listen calls ready once it listens, then fn with each payload, until ctx
// ends or the connection fails; its error says which. Notifications sent
// while no one listened are lost, which ready lets the caller allow for.
func (s *Store) Listen(ctx context.Context, ready func(), fn func(payload string)) error {
	if s.engine != Postgres {
		<-ctx.Done()
		return nil
	}
	ch, err := s.channel(ctx)
	if err != nil {
		return err
	}
	conn, err := s.readDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer conn.Close()
	var listenErr error
	conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		if _, listenErr = pc.Exec(ctx, "LISTEN "+pgx.Identifier{ch}.Sanitize()); listenErr != nil {
			return driver.ErrBadConn
		}
		ready()
		for {
			n, err := pc.WaitForNotification(ctx)
			if err != nil {
				listenErr = err
				// The connection still listens: never hand it back to the pool.
				return driver.ErrBadConn
			}
			fn(n.Payload)
		}
	})
	if ctx.Err() != nil {
		return nil
	}
	return errors.Join(errors.New("listen for changes"), listenErr)
}
