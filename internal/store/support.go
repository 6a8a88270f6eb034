package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/support"
)

const supportSelect = `SELECT id, kind, position, label, url, note, holder, account, bic, bank, reference,
       currency, address, network, created_at, updated_at
  FROM support_methods`

func scanSupport(row rowScanner) (support.Method, error) {
	var m support.Method
	err := row.Scan(&m.ID, &m.Kind, &m.Position, &m.Label, &m.URL, &m.Note, &m.Holder, &m.Account, &m.BIC,
		&m.Bank, &m.Reference, &m.Currency, &m.Address, &m.Network, &m.CreatedAt, &m.UpdatedAt)
	m.CreatedAt, m.UpdatedAt = utc(m.CreatedAt), utc(m.UpdatedAt)
	return m, err
}

// ListSupportMethods returns the ways to give in the newsroom's order.
func (s *Store) ListSupportMethods(ctx context.Context) ([]support.Method, error) {
	rows, err := s.read.QueryContext(ctx, supportSelect+` ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("list ways to give: %w", err)
	}
	var list []support.Method
	err = scanEach(rows, func(r *sql.Rows) error {
		m, err := scanSupport(r)
		list = append(list, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list ways to give: %w", err)
	}
	return list, nil
}

// SupportMethodByID returns one way to give.
func (s *Store) SupportMethodByID(ctx context.Context, id int64) (support.Method, error) {
	m, err := scanSupport(s.read.QueryRowContext(ctx, supportSelect+` WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, support.ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("way to give %d: %w", id, err)
	}
	return m, nil
}

// CreateSupportMethod adds a way to give at the end of the list.
func (s *Store) CreateSupportMethod(ctx context.Context, m support.Method, now time.Time) (int64, error) {
	const q = `INSERT INTO support_methods (kind, position, label, url, note, holder, account, bic, bank,
	    reference, currency, address, network, created_at, updated_at)
	  VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM support_methods), $2, $3, $4, $5, $6, $7, $8,
	    $9, $10, $11, $12, $13, $13)
	  RETURNING id`
	var id int64
	err := s.write.QueryRowContext(ctx, q, string(m.Kind), m.Label, m.URL, m.Note, m.Holder, m.Account, m.BIC,
		m.Bank, m.Reference, m.Currency, m.Address, m.Network, utc(now)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("add way to give: %w", err)
	}
	return id, nil
}

// UpdateSupportMethod saves a way to give's details; its kind and place stay.
func (s *Store) UpdateSupportMethod(ctx context.Context, m support.Method, now time.Time) error {
	const q = `UPDATE support_methods SET label = $1, url = $2, note = $3, holder = $4, account = $5,
	    bic = $6, bank = $7, reference = $8, currency = $9, address = $10, network = $11, updated_at = $12
	  WHERE id = $13`
	res, err := s.write.ExecContext(ctx, q, m.Label, m.URL, m.Note, m.Holder, m.Account, m.BIC, m.Bank,
		m.Reference, m.Currency, m.Address, m.Network, utc(now), m.ID)
	if err != nil {
		return fmt.Errorf("save way to give %d: %w", m.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return support.ErrNotFound
	}
	return nil
}

// DeleteSupportMethod removes a way to give.
func (s *Store) DeleteSupportMethod(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM support_methods WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete way to give %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return support.ErrNotFound
	}
	return nil
}

// MoveSupportMethod moves a way to give delta places (negative: up) and
// renumbers the list 0, 1, 2…, in one transaction.
func (s *Store) MoveSupportMethod(ctx context.Context, id int64, delta int, now time.Time) error {
	return s.InTx(ctx, func(tx *Store) error {
		list, err := tx.ListSupportMethods(ctx)
		if err != nil {
			return err
		}
		order, err := support.Move(list, id, delta)
		if err != nil {
			return err
		}
		const q = `UPDATE support_methods SET position = $1, updated_at = $2 WHERE id = $3 AND position <> $1`
		for pos, mid := range order {
			if _, err := tx.write.ExecContext(ctx, q, pos, utc(now), mid); err != nil {
				return fmt.Errorf("move way to give %d: %w", id, err)
			}
		}
		return nil
	})
}
