package spam

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/comment"
)

// Token lengths the filter learns. Single letters say nothing; runs longer
// than any word are hashes, base64 or keyboard mashing, each seen once.
const (
	minTokenRunes = 2
	maxTokenRunes = 40
	maxHostRunes  = 100
)

// Tokens returns the distinct features of a comment that the filter learns
// and scores, sorted: the words of its text and author name, "host:" for
// every site it links to or names as its website, and "email:" for the
// domain of the author's address.
func Tokens(c comment.Comment) []string {
	set := map[string]bool{}
	for _, text := range []string{c.Body, c.AuthorName} {
		for _, w := range words(text) {
			if n := utf8.RuneCountInString(w); n >= minTokenRunes && n <= maxTokenRunes {
				set[w] = true
			}
		}
	}
	for _, l := range links(c.Body) {
		addHost(set, l.host)
	}
	addHost(set, websiteHost(c.AuthorURL))
	if d := emailDomain(c.AuthorEmail); d != "" {
		set["email:"+d] = true
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// addHost adds a host and its parent domains down to two labels, so that a
// spammer's fresh subdomain still carries what was learned about the domain.
func addHost(set map[string]bool, host string) {
	for host != "" && utf8.RuneCountInString(host) <= maxHostRunes {
		set["host:"+host] = true
		_, parent, ok := strings.Cut(host, ".")
		if !ok || !strings.Contains(parent, ".") {
			return
		}
		host = parent
	}
}

// words splits text into lower-case words of letters, digits and combining
// marks, in any script. Invisible format characters (zero-width joiners and
// spaces, bidi marks, soft hyphens) are dropped without breaking the word:
// Persian writes "می‌خواهم" with a zero-width non-joiner that many people
// leave out, and spammers hide words from filters by slipping them in.
func words(text string) []string {
	var out []string
	start, plain := -1, true // the word being read: where it starts, and whether it is text[start:i] as it stands
	end := func(i int) {
		switch {
		case start < 0:
		case plain:
			out = append(out, text[start:i])
		default:
			out = append(out, spell(text[start:i]))
		}
		start, plain = -1, true
	}
	for i, r := range text {
		switch {
		case unicode.Is(unicode.Cf, r):
			if start >= 0 {
				plain = false
			}
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			if fold(r) != r {
				plain = false
			}
		default:
			end(i)
		}
	}
	end(len(text))
	return out
}

// spell writes a word as words keeps it: folded, without format characters.
func spell(word string) string {
	var b strings.Builder
	b.Grow(len(word))
	for _, r := range word {
		if !unicode.Is(unicode.Cf, r) {
			b.WriteRune(fold(r))
		}
	}
	return b.String()
}

// isWordRune reports whether r belongs to a word. Marks count so that
// vowel signs in Devanagari or Arabic harakat do not split words apart.
// Invalid UTF-8 arrives as U+FFFD, a symbol, and so separates words.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// fold lower-cases r and maps the spellings that differ only by keyboard:
// Arabic yeh and kaf, which Persian and Dari writers type as often as the
// Persian letters, and Arabic-Indic digits.
func fold(r rune) rune {
	switch {
	case r == 'ي' || r == 'ى':
		return 'ی'
	case r == 'ك':
		return 'ک'
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return unicode.ToLower(r)
}

// link is a web address found in text: its host, and the address without
// its scheme, both lower-case.
type link struct {
	host, text string
}

// links finds web addresses in text: with http:// or https://, starting
// with www., or bare domain names such as pills.example/offer, which
// spammers write to get past filters that only look for "http". Email
// addresses in the text count as their domain.
func links(text string) []link {
	var out []link
	for _, field := range strings.FieldsFunc(text, isLinkBreak) {
		if l, ok := parseLink(field); ok {
			out = append(out, l)
		}
	}
	return out
}

// isLinkBreak reports whether r ends an address in running text, Markdown
// or HTML.
func isLinkBreak(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("<>\"'()[]{}|\\^`", r) || r == utf8.RuneError
}

// parseLink reads one whitespace-free field as a link, if it is one.
func parseLink(field string) (link, bool) {
	s := strings.ToLower(strings.TrimRight(field, ".,;:!?*"))
	// Inside a longer field, as in href=http://…, the address starts at its scheme.
	if i := schemeIndex(s); i > 0 {
		s = s[i:]
	}
	rest, scheme := strings.CutPrefix(s, "https://")
	if !scheme {
		rest, scheme = strings.CutPrefix(s, "http://")
	}
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndex(host, "@"); i >= 0 {
		host = host[i+1:]
	}
	host = stripPort(host)
	host = strings.TrimSuffix(host, ".")
	if !validHost(host, scheme) {
		return link{}, false
	}
	return link{host: host, text: rest}, true
}

// schemeIndex returns where the first http:// or https:// starts in s, or -1.
func schemeIndex(s string) int {
	i, j := strings.Index(s, "http://"), strings.Index(s, "https://")
	if i < 0 || (j >= 0 && j < i) {
		return j
	}
	return i
}

// stripPort removes ":8080" from a host.
func stripPort(host string) string {
	if i := strings.LastIndex(host, ":"); i >= 0 && strings.Trim(host[i+1:], "0123456789") == "" {
		return host[:i]
	}
	return host
}

// validHost reports whether host looks like a domain name of two or more
// labels. Numeric addresses count only after a scheme: in running text
// "3.14" or "1.2.3" are numbers, not sites.
func validHost(host string, allowIP bool) bool {
	if allowIP && isIPv4(host) {
		return true
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 || utf8.RuneCountInString(host) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || utf8.RuneCountInString(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if r != '-' && !isWordRune(r) {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	return utf8.RuneCountInString(tld) >= 2 && strings.IndexFunc(tld, unicode.IsLetter) >= 0
}

// isIPv4 reports whether host is a dotted IPv4 address.
func isIPv4(host string) bool {
	parts := strings.Split(host, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// websiteHost returns the lower-case host of the website a commenter gave.
func websiteHost(website string) string {
	u, err := url.Parse(strings.TrimSpace(website))
	if err != nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if !validHost(host, true) {
		return ""
	}
	return host
}

// emailDomain returns the lower-case domain of an email address.
func emailDomain(email string) string {
	i := strings.LastIndex(email, "@")
	if i < 0 {
		return ""
	}
	d := strings.TrimSuffix(strings.ToLower(email[i+1:]), ".")
	if !validHost(d, false) {
		return ""
	}
	return d
}
