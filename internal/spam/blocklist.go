package spam

import (
	"net/mail"
	"net/netip"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/comment"
)

// Kind is what a blocklist entry is matched against.
type Kind string

// The kinds of blocklist entries.
const (
	Word    Kind = "word"    // a word or phrase, matched whole and regardless of case
	URL     Kind = "url"     // a site (with its subdomains) or a piece of an address
	Email   Kind = "email"   // an address, or @domain for a domain and its subdomains
	Network Kind = "network" // an address range such as 203.0.113.0/24
)

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	switch k {
	case Word, URL, Email, Network:
		return true
	}
	return false
}

// Entry is one line of the blocklist.
type Entry struct {
	ID        int64
	Kind      Kind
	Value     string
	Note      string // why it was added, for other moderators
	CreatedAt time.Time
}

// Limits of a blocklist entry.
const (
	maxValueRunes = 300
	maxNoteRunes  = 500
	// minSubstring keeps an address fragment such as "a" from blocking every link.
	minSubstring = 3
	// Ranges wider than these would hold back whole countries' readers.
	minIPv4Bits = 8
	minIPv6Bits = 16
)

// Normalize checks an entry as a moderator typed it and returns it in the
// form it is stored and matched in: words lower-case and single-spaced,
// addresses lower-case without scheme, ranges with their host bits cleared.
// Equal entries thus look equal, so the store can refuse duplicates.
func (e Entry) Normalize() (Entry, error) {
	e.Value, e.Note = strings.TrimSpace(e.Value), strings.TrimSpace(e.Note)
	v := ValidationError{}
	if !utf8.ValidString(e.Note) || utf8.RuneCountInString(e.Note) > maxNoteRunes {
		v["note"] = "Please keep the note to at most 500 characters of plain text."
	}
	var msg string
	switch {
	case !e.Kind.Valid():
		v["kind"] = "Choose word, url, email or network."
	case e.Value == "":
		msg = "Please enter what to block."
	case !utf8.ValidString(e.Value) || utf8.RuneCountInString(e.Value) > maxValueRunes:
		msg = "Please enter at most 300 characters of plain text."
	default:
		e.Value, msg = normalizers[e.Kind](e.Value)
	}
	if msg != "" {
		v["value"] = msg
	}
	if len(v) > 0 {
		return e, v
	}
	return e, nil
}

// normalizers return an entry's value in stored form, or why it is refused.
var normalizers = map[Kind]func(string) (string, string){
	Word:    normalizeWord,
	URL:     normalizeURL,
	Email:   normalizeEmail,
	Network: normalizeNetwork,
}

func normalizeWord(s string) (string, string) {
	w := words(s)
	if len(w) == 0 {
		return s, "A word entry needs letters or digits."
	}
	return strings.Join(w, " "), ""
}

func normalizeURL(s string) (string, string) {
	s = trimPrefixes(strings.ToLower(s), "https://", "http://")
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return s, "An address has no spaces. Enter a site such as spam.example, or part of an address."
	}
	// A site is blocked with its subdomains, so its "www." or "*." adds
	// nothing, unless without it only a top-level domain is left.
	for _, host := range []string{trimPrefixes(s, "*.", "www."), trimPrefixes(s, "*.")} {
		if host = strings.TrimSuffix(host, "/"); validHost(host, true) {
			return host, ""
		}
	}
	if utf8.RuneCountInString(s) < minSubstring {
		return s, "This is too short to block safely; enter a site such as spam.example, or a longer part of an address."
	}
	return s, ""
}

// trimPrefixes removes the prefixes from s for as long as it starts with one.
func trimPrefixes(s string, prefixes ...string) string {
	for {
		before := s
		for _, p := range prefixes {
			s = strings.TrimPrefix(s, p)
		}
		if s == before {
			return s
		}
	}
}

func normalizeEmail(s string) (string, string) {
	s = strings.ToLower(s)
	const msg = "Enter an email address like name@example.org, or @example.org for a whole domain."
	if domain, ok := strings.CutPrefix(s, "@"); ok {
		if !validHost(domain, false) {
			return s, msg
		}
		return s, ""
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || emailDomain(s) == "" {
		return s, msg
	}
	return s, ""
}

func normalizeNetwork(s string) (string, string) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		a, aerr := netip.ParseAddr(s)
		if aerr != nil {
			return s, "Enter an address range such as 203.0.113.0/24 or 2001:db8::/32, or a single address."
		}
		p = netip.PrefixFrom(a.WithZone(""), a.BitLen())
	}
	// Clients are matched unmapped, so ::ffff:203.0.113.0/120 means 203.0.113.0/24.
	if p.Addr().Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	if (p.Addr().Is4() && p.Bits() < minIPv4Bits) || (p.Addr().Is6() && p.Bits() < minIPv6Bits) {
		return s, "This range covers too much of the internet; enter a narrower one."
	}
	return p.Masked().String(), ""
}

// blocklist is the blocklist compiled for matching.
type blocklist struct {
	phrases  map[string][][]string // by first word: each phrase's words
	hosts    []string              // sites, matched with their subdomains
	pieces   []string              // parts of addresses
	emails   map[string]bool
	domains  []string // email domains, matched with their subdomains
	networks []netip.Prefix
}

// compile prepares entries for matching. Entries are normalized again so
// that rows written by an older version match by today's rules; a row that
// no longer passes is skipped rather than blocking comments by accident.
func compile(entries []Entry) *blocklist {
	b := &blocklist{phrases: map[string][][]string{}, emails: map[string]bool{}}
	for _, e := range entries {
		n, err := e.Normalize()
		if err != nil {
			continue
		}
		b.add(n)
	}
	return b
}

func (b *blocklist) add(e Entry) {
	switch e.Kind {
	case Word:
		w := strings.Split(e.Value, " ")
		b.phrases[w[0]] = append(b.phrases[w[0]], w)
	case URL:
		if validHost(e.Value, true) {
			b.hosts = append(b.hosts, e.Value)
		} else {
			b.pieces = append(b.pieces, e.Value)
		}
	case Email:
		if d, ok := strings.CutPrefix(e.Value, "@"); ok {
			b.domains = append(b.domains, d)
		} else {
			b.emails[e.Value] = true
		}
	case Network:
		b.networks = append(b.networks, netip.MustParsePrefix(e.Value))
	}
}

// match returns the entry that c or its client matches, cheapest checks
// first, and whether there was one.
func (b *blocklist) match(c comment.Comment, client netip.Addr) (string, bool) {
	client = client.Unmap()
	for _, p := range b.networks {
		if client.IsValid() && p.Contains(client.WithZone("")) {
			return p.String(), true
		}
	}
	if v, ok := b.matchEmail(strings.ToLower(c.AuthorEmail)); ok {
		return v, true
	}
	// Finding links and words takes more than the rest: only when there
	// are entries to match them against.
	if len(b.hosts) > 0 || len(b.pieces) > 0 {
		if v, ok := b.matchLinks(c); ok {
			return v, true
		}
	}
	if len(b.phrases) == 0 {
		return "", false
	}
	for _, text := range []string{c.Body, c.AuthorName} {
		if v, ok := b.matchWords(words(text)); ok {
			return v, true
		}
	}
	return "", false
}

func (b *blocklist) matchEmail(email string) (string, bool) {
	if b.emails[email] {
		return email, true
	}
	domain := emailDomain(email)
	for _, d := range b.domains {
		if domain != "" && inDomain(domain, d) {
			return "@" + d, true
		}
	}
	return "", false
}

// matchLinks checks the comment's links and its author's website.
func (b *blocklist) matchLinks(c comment.Comment) (string, bool) {
	list := links(c.Body)
	if site, ok := parseLink(strings.TrimSpace(c.AuthorURL)); ok {
		list = append(list, site)
	}
	for _, l := range list {
		for _, h := range b.hosts {
			if inDomain(l.host, h) {
				return h, true
			}
		}
		for _, p := range b.pieces {
			if strings.Contains(l.text, p) {
				return p, true
			}
		}
	}
	return "", false
}

// matchWords finds a blocked phrase as a run of whole words in text.
func (b *blocklist) matchWords(text []string) (string, bool) {
	for i, w := range text {
		for _, phrase := range b.phrases[w] {
			if len(text)-i >= len(phrase) && slices.Equal(text[i:i+len(phrase)], phrase) {
				return strings.Join(phrase, " "), true
			}
		}
	}
	return "", false
}

// inDomain reports whether host is domain or one of its subdomains.
func inDomain(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}
