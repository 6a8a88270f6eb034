// Package apikey holds the keys that open the read-only Content API. A key's
// secret is shown once, when it is made; only its SHA-256 is kept, so a
// copy of the database opens nothing.
package apikey

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	// ErrNotFound is returned when no key matches.
	ErrNotFound = errors.New("api key not found")
	// ErrRevoked is returned for a key that was revoked.
	ErrRevoked = errors.New("api key revoked")
)

// Key is an API key as the desk lists it; its secret is not in it.
type Key struct {
	ID         int64
	Name       string // who or what uses it: "Mobile app", "Partner: Radio Azadi"
	Prefix     string // the secret's first characters, to tell keys apart
	Hash       string // hex SHA-256 of the secret
	CreatedBy  int64
	CreatedAt  time.Time
	LastUsedAt time.Time // zero if never used
	RevokedAt  time.Time // zero while the key works
}

// Active reports whether the key still opens the API.
func (k Key) Active() bool { return k.RevokedAt.IsZero() }

// tag starts every secret, so one found in a log or a repository is
// recognisable as a Dateline key.
const tag = "dl_"

// PrefixLen is how much of a secret the desk shows.
const PrefixLen = len(tag) + 6

// New makes a secret from 32 random bytes and returns it with its hash.
func New() (secret, hash string) {
	b := make([]byte, 32)
	rand.Read(b) // never fails: crypto/rand panics rather than return weak bytes
	secret = tag + base64.RawURLEncoding.EncodeToString(b)
	return secret, Hash(secret)
}

// Hash is the hex SHA-256 of a secret: a plain hash suffices, as secrets
// are 256 random bits that no one could guess from a dictionary.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// Matches compares a presented secret with a stored hash in constant time.
func Matches(secret, hash string) bool {
	return subtle.ConstantTimeCompare([]byte(Hash(secret)), []byte(hash)) == 1
}

// MaxName bounds a key's name, in characters.
const MaxName = 100

// NameProblem says what is wrong with a key's name, or "".
func NameProblem(name string) string {
	switch n := utf8.RuneCountInString(strings.TrimSpace(name)); {
	case n == 0:
		return "Name the key after who will use it, such as “Mobile app”."
	case n > MaxName:
		return fmt.Sprintf("Keep the name under %d characters.", MaxName)
	}
	return ""
}
