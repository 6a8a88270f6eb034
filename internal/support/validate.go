package support

import (
	"fmt"
	"math/big"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what an admin may type, in characters.
const (
	MaxLabel   = 100
	MaxNote    = 300
	MaxURL     = 500
	MaxField   = 100 // holder, bank, reference, currency, network
	MaxAccount = 50
	MaxAddress = 200
)

// Tidy trims the stray spaces a paste brings and drops the fields that do
// not belong to the method's kind, so nothing hidden is stored.
func (m Method) Tidy() Method {
	for _, p := range []*string{&m.Label, &m.URL, &m.Note, &m.Holder, &m.Account, &m.BIC, &m.Bank,
		&m.Reference, &m.Currency, &m.Address, &m.Network} {
		*p = strings.TrimSpace(*p)
	}
	m.BIC = strings.ToUpper(m.BIC)
	switch m.Kind {
	case Link:
		m.Holder, m.Account, m.BIC, m.Bank, m.Reference = "", "", "", "", ""
		m.Currency, m.Address, m.Network = "", "", ""
	case Bank:
		m.URL, m.Currency, m.Address, m.Network = "", "", "", ""
	case Crypto:
		m.Label, m.URL, m.Holder, m.Account, m.BIC, m.Bank, m.Reference = "", "", "", "", "", "", ""
	}
	return m
}

// Validate reports every problem with the method at once, by form field.
func (m Method) Validate() map[string]string {
	p := map[string]string{}
	add := func(field, msg string) {
		if msg != "" {
			p[field] = msg
		}
	}
	length := func(field, what, v string, limit int) {
		if utf8.RuneCountInString(v) > limit {
			add(field, fmt.Sprintf("Keep the %s under %d characters.", what, limit))
		}
	}
	length("note", "note", m.Note, MaxNote)
	switch m.Kind {
	case Link:
		add("label", required(m.Label, "Give the link a label, such as “Become a member”."))
		length("label", "label", m.Label, MaxLabel)
		add("url", urlProblem(m.URL))
	case Bank:
		length("label", "heading", m.Label, MaxLabel)
		add("holder", required(m.Holder, "Give the account holder's name."))
		length("holder", "account holder", m.Holder, MaxField)
		add("account", accountProblem(m.Account))
		add("bic", bicProblem(m.BIC))
		length("bank", "bank name", m.Bank, MaxField)
		length("reference", "reference", m.Reference, MaxField)
	case Crypto:
		add("currency", required(m.Currency, "Name the currency, such as Bitcoin."))
		length("currency", "currency name", m.Currency, MaxField)
		add("address", addressProblem(m.Address))
		length("network", "network", m.Network, MaxField)
	default:
		add("kind", "Choose a payment page, bank transfer or cryptocurrency.")
	}
	return p
}

func required(v, msg string) string {
	if v == "" {
		return msg
	}
	return ""
}

// urlProblem accepts only absolute http and https addresses: a reader
// follows the link to pay, so it must lead to a real web page.
func urlProblem(s string) string {
	if s == "" {
		return "Give the payment page's address, starting with https://."
	}
	if utf8.RuneCountInString(s) > MaxURL {
		return fmt.Sprintf("Keep the address under %d characters.", MaxURL)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return "Give a full web address starting with https://, such as https://example.org/donate."
	}
	return ""
}

// accountProblem checks an IBAN's checksum when the number looks like one
// (two letters, two digits); other account numbers are checked for length
// and characters only, since their formats differ by country.
func accountProblem(s string) string {
	if s == "" {
		return "Give the IBAN or account number."
	}
	if utf8.RuneCountInString(s) > MaxAccount {
		return fmt.Sprintf("Keep the account number under %d characters.", MaxAccount)
	}
	compact := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	if LooksLikeIBAN(compact) {
		if !ValidIBAN(compact) {
			return "This IBAN's check digits do not match: look for a mistyped character."
		}
		return ""
	}
	if strings.ContainsFunc(s, func(r rune) bool { return !isAlnum(r) && r != ' ' && r != '-' && r != '/' && r != '.' }) {
		return "Use only letters, digits, spaces, dashes, dots and slashes in the account number."
	}
	return ""
}

// LooksLikeIBAN reports whether s (without spaces) starts like an IBAN: a
// country code and two check digits, then letters and digits.
func LooksLikeIBAN(s string) bool {
	if len(s) < 5 {
		return false
	}
	return isUpper(s[0]) && isUpper(s[1]) && isDigit(s[2]) && isDigit(s[3])
}

// ValidIBAN checks an IBAN (upper case, no spaces) by ISO 13616's mod-97
// rule: move the first four characters to the end, read letters as
// 10–35, and the number must leave 1 when divided by 97.
func ValidIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	var digits strings.Builder
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			digits.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			fmt.Fprintf(&digits, "%d", c-'A'+10)
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// bicProblem checks a BIC's shape: 8 or 11 letters and digits, the first
// six letters (bank and country). It is optional.
func bicProblem(s string) string {
	if s == "" {
		return ""
	}
	ok := (len(s) == 8 || len(s) == 11)
	for i := 0; ok && i < len(s); i++ {
		ok = isUpper(s[i]) || (i >= 6 && isDigit(s[i]))
	}
	if !ok {
		return "A BIC/SWIFT code has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500."
	}
	return ""
}

// addressProblem keeps addresses to one unbroken run of printable
// characters: a space or line break pasted in would send money nowhere.
func addressProblem(s string) string {
	switch {
	case s == "":
		return "Give the address readers send to."
	case utf8.RuneCountInString(s) > MaxAddress:
		return fmt.Sprintf("Keep the address under %d characters.", MaxAddress)
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }):
		return "An address has no spaces or line breaks: copy it again from the wallet."
	}
	return ""
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(r rune) bool {
	return r < 128 && (isUpper(byte(r)) || isDigit(byte(r)) || (r >= 'a' && r <= 'z'))
}
