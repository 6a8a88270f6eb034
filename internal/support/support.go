// Package support holds the ways a reader can give to the newsroom, as
// listed on the Support page: links to payment pages, bank transfer details
// and cryptocurrency addresses, in an order the newsroom chooses.
package support

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"
)

// ErrNotFound is returned when no way to give has the asked-for id.
var ErrNotFound = errors.New("way to give not found")

// Kind is what sort of way to give a Method is.
type Kind string

// The kinds of ways to give.
const (
	Link   Kind = "link"   // an external payment page
	Bank   Kind = "bank"   // bank transfer details
	Crypto Kind = "crypto" // a cryptocurrency address
)

// Kinds lists every kind, in the order the desk offers them.
var Kinds = []Kind{Link, Bank, Crypto}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label names the kind in the desk.
func (k Kind) Label() string {
	switch k {
	case Link:
		return "Payment page"
	case Bank:
		return "Bank transfer"
	case Crypto:
		return "Cryptocurrency"
	}
	return string(k)
}

// Method is one way to give. Which fields count depends on Kind: a link has
// Label, URL and Note; bank details Label, Holder, Account, BIC, Bank,
// Reference and Note; a cryptocurrency Currency, Address, Network and Note.
type Method struct {
	ID       int64
	Kind     Kind
	Position int

	Label string // "Monthly membership", "Bank transfer (euro)"
	URL   string
	Note  string

	Holder    string // account holder
	Account   string // IBAN or account number
	BIC       string // BIC/SWIFT
	Bank      string // bank name
	Reference string // what to write in the transfer's reference

	Currency string // "Bitcoin"
	Address  string
	Network  string // "Lightning", "ERC-20"; optional

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Title is the method's heading on the Support page.
func (m Method) Title() string {
	switch {
	case m.Kind == Crypto:
		return m.Currency
	case m.Label != "":
		return m.Label
	}
	return m.Kind.Label()
}

// Host is the payment page's site, named on its button so readers know
// where they are going before they pay.
func (m Method) Host() string {
	u, err := url.Parse(m.URL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// schemes maps currencies to the URI scheme wallets open ("bitcoin:ADDR",
// BIP 21 and its cousins). Others get the bare address in their QR code,
// which every wallet can read.
var schemes = map[string]string{
	"bitcoin": "bitcoin", "btc": "bitcoin",
	"litecoin": "litecoin", "ltc": "litecoin",
	"ethereum": "ethereum", "eth": "ethereum",
	"monero": "monero", "xmr": "monero",
	"dogecoin": "dogecoin", "doge": "dogecoin",
	"bitcoin cash": "bitcoincash", "bch": "bitcoincash",
}

// URI is what a cryptocurrency address's QR code holds.
func (m Method) URI() string {
	scheme := schemes[strings.ToLower(strings.TrimSpace(m.Currency))]
	if scheme == "" || strings.Contains(m.Address, ":") {
		return m.Address
	}
	return scheme + ":" + m.Address
}

// Move returns the ids of list in their new order once id has moved delta
// places (negative: up), clamped to the ends; ErrNotFound if id is absent.
func Move(list []Method, id int64, delta int) ([]int64, error) {
	ids := make([]int64, len(list))
	at := -1
	for i, m := range list {
		ids[i] = m.ID
		if m.ID == id {
			at = i
		}
	}
	if at < 0 {
		return nil, ErrNotFound
	}
	to := min(max(at+delta, 0), len(ids)-1)
	ids = slices.Delete(ids, at, at+1)
	return slices.Insert(ids, to, id), nil
}
