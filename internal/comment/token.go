package comment

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Signed values let cached public pages carry what would otherwise need a
// per-visitor session: the time the form was served, and a commenter's
// right to see their own held comment.

// ErrBadToken is returned for tokens that were forged, mangled or expired.
var ErrBadToken = errors.New("bad or expired token")

// Signer signs and checks short tokens with the installation's secret.
type Signer struct{ Key []byte }

func (s Signer) mac(kind, value string) string {
	m := hmac.New(sha256.New, s.Key)
	m.Write([]byte(kind + "\x00" + value))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

func (s Signer) sign(kind, value string) string { return value + "." + s.mac(kind, value) }

func (s Signer) open(kind, token string) (string, error) {
	value, sig, ok := strings.Cut(token, ".")
	if !ok || len(token) > 200 || !hmac.Equal([]byte(sig), []byte(s.mac(kind, value))) {
		return "", ErrBadToken
	}
	return value, nil
}

// FormStamp is put in the comment form when the page is rendered.
func (s Signer) FormStamp(now time.Time) string {
	return s.sign("form", strconv.FormatInt(now.Unix(), 10))
}

// FormAge says how long ago a form stamp was made.
func (s Signer) FormAge(stamp string, now time.Time) (time.Duration, error) {
	v, err := s.open("form", stamp)
	if err != nil {
		return 0, err
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, ErrBadToken
	}
	return now.Sub(time.Unix(sec, 0)), nil
}

// HeldToken lets the commenter who just posted comment id see it while it
// waits for moderation; it goes in the URL they are redirected to.
func (s Signer) HeldToken(id int64) string { return s.sign("held", strconv.FormatInt(id, 10)) }

// HeldID checks a held-comment token and returns the comment's id.
func (s Signer) HeldID(token string) (int64, error) {
	v, err := s.open("held", token)
	if err != nil {
		return 0, err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, ErrBadToken
	}
	return id, nil
}
