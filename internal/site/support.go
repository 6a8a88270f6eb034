package site

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/datelinenews/dateline/internal/qr"
	"github.com/datelinenews/dateline/internal/support"
)

// SupportSlug is the static page that lists the ways to give below its text.
const SupportSlug = "support"

// WayToGive is one way to give as the Support page shows it.
type WayToGive struct {
	support.Method
	QR    qr.Code // cryptocurrency addresses only
	HasQR bool
}

// waysToGive lists the ways to give for the Support page, each address
// with its QR code drawn here, so the reader's browser asks no one else.
func (h *Handler) waysToGive(ctx context.Context) ([]WayToGive, error) {
	list, err := h.Content.ListSupportMethods(ctx)
	if err != nil {
		return nil, fmt.Errorf("ways to give: %w", err)
	}
	ways := make([]WayToGive, len(list))
	for i, m := range list {
		ways[i].Method = m
		if m.Kind != support.Crypto {
			continue
		}
		// An address too long for a QR code still shows, as copyable text.
		code, err := qr.Encode(m.URI())
		if err != nil {
			h.Log.WarnContext(ctx, "support address without QR code", slog.Int64("id", m.ID), slog.Any("err", err))
			continue
		}
		ways[i].QR, ways[i].HasQR = code, true
	}
	return ways, nil
}
