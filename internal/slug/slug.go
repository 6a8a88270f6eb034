// Package slug makes URL slugs from headlines and section, tag and author
// names in any script.
//
// Slugs stay readable in the title's own script: a Persian headline gets a
// Persian slug and a Russian one a Cyrillic slug (browsers show Unicode paths
// decoded), so nothing is transliterated. Only Latin accents are folded away,
// because "cafe" and "café" should not be two different URLs.
package slug

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// MaxLen is the maximum length of a slug, in runes.
const MaxLen = 80

// maxAttempts bounds Unique so a broken taken func cannot loop forever.
const maxAttempts = 10000

// latinFold spells out Latin letters that have no canonical decomposition,
// so NFD alone would leave them untouched.
var latinFold = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'ł': "l", 'þ': "th", 'ħ': "h", 'ŧ': "t", 'ı': "i",
}

// persianLetters are letters used in Persian (and Dari) but not in Arabic.
// Their presence means Arabic Kaf/Yeh in the same string are keyboard or
// font artefacts, and are folded to the Persian forms so that the same title
// typed on different keyboards yields the same slug.
const persianLetters = "پچژگکی"

// keepArabicYeh are letters of Pashto, Uyghur and Sindhi, which also use
// Persian letters but have Arabic Yeh (Pashto "دي"), Alef Maksura or Kaf as
// letters of their own; with any of these present nothing is folded.
const keepArabicYeh = "ټډړږښګڼېۍځڅ" + "ۆۇۈۋڭە" + "ڪٻڄڃڳڻ"

// Make returns the slug for s, or "" if s has no letters or digits.
func Make(s string) string {
	// Lower-case after NFKC (which maps full-width forms, ligatures, Arabic
	// presentation forms... to plain letters). A fresh Caser per call, since
	// Casers are stateful; cases (unlike strings.ToLower) gets Greek final
	// sigma right.
	s = cases.Lower(language.Und).String(norm.NFKC.String(s))

	var b strings.Builder
	b.Grow(len(s))
	// prev says what the last kept base character was, which decides the
	// fate of a following combining mark.
	const (
		prevNone  = iota // start, separator or digit: marks are dropped
		prevLatin        // accents on Latin letters are dropped
		prevOther        // marks on other scripts (Devanagari vowel signs, Cyrillic й in NFD…) are kept
	)
	prev := prevNone
	hyphen := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
		prev = prevNone
	}
	for _, r := range s {
		switch {
		case isApostrophe(r):
			// "Kabul's" reads as one word: kabuls, not kabul-s.
		case isArabicDiacritic(r):
			// Harakat and tatweel are optional in Arabic script; drop them
			// without splitting the word. (NFKC has already composed
			// hamza/madda onto their letters, e.g. أ, so those survive.)
		case unicode.Is(unicode.M, r):
			if prev == prevOther && unicode.In(r, unicode.Mn, unicode.Mc) {
				b.WriteRune(r)
			}
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r):
			// Fold after decomposing: ǽ is æ + acute.
			for _, d := range norm.NFD.String(string(r)) {
				if f, ok := latinFold[d]; ok {
					b.WriteString(f)
				} else if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
			prev = prevLatin
		case unicode.IsLetter(r):
			b.WriteRune(r)
			prev = prevOther
		case unicode.IsDigit(r):
			switch {
			case r >= '٠' && r <= '٩':
				r = '0' + r - '٠'
			case r >= '۰' && r <= '۹':
				r = '0' + r - '۰'
			}
			b.WriteRune(r)
			prev = prevNone
		default:
			hyphen()
		}
	}
	// Dropping characters can unblock canonical compositions between what is
	// left; renormalise so that Make is idempotent.
	out := norm.NFKC.String(strings.Trim(b.String(), "-"))
	// Fold after truncating, so that the decision depends only on letters
	// that are in the slug and Make stays idempotent.
	return foldPersian(truncate(out, MaxLen))
}

var persianFolder = strings.NewReplacer("ك", "ک", "ي", "ی", "ى", "ی")

// foldPersian maps Arabic Kaf, Yeh and Alef Maksura to Persian Keheh and
// Yeh in Persian text. None of these letters compose with any mark left in
// a slug, so the result stays normalised.
func foldPersian(s string) string {
	if !strings.ContainsAny(s, persianLetters) || strings.ContainsAny(s, keepArabicYeh) {
		return s
	}
	return persianFolder.Replace(s)
}

// isApostrophe reports whether r is an apostrophe inside words: ASCII,
// typographic, or the modifier letter used in transliterations.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isArabicDiacritic reports whether r is an Arabic haraka (fathatan…sukun,
// and the other marks up to U+065F), superscript alef or tatweel.
func isArabicDiacritic(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r == 0x0640
}

// truncate cuts slug s to at most n runes, at the last hyphen that fits if
// there is one, and never leaves a trailing hyphen.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := n
	if i := lastIndex(r[:n+1], '-'); i > 0 {
		cut = i // r[n] == '-' is fine too: the word before it fits exactly
	} else {
		// One word longer than n: a hard cut, but not between a letter and
		// its combining marks, unless that is all there is.
		for cut > 1 && unicode.Is(unicode.M, r[cut]) {
			cut--
		}
		if unicode.Is(unicode.M, r[cut]) {
			cut = n
		}
	}
	return strings.TrimRight(string(r[:cut]), "-")
}

func lastIndex(r []rune, c rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == c {
			return i
		}
	}
	return -1
}

// Valid reports whether s is a well-formed slug, exactly as Make would
// produce it. Use it to check slugs typed by editors and URL path segments.
func Valid(s string) bool {
	return s != "" && utf8.ValidString(s) && utf8.RuneCountInString(s) <= MaxLen && Make(s) == s
}

// Unique returns base if it is not taken, otherwise the first of base-2,
// base-3, … that is not, with base shortened so the result stays within
// MaxLen runes. base should come from Make; if it is "", "story" is used.
// Errors from taken are returned as is.
func Unique(base string, taken func(candidate string) (bool, error)) (string, error) {
	if base == "" {
		base = "story"
	}
	for i := 1; i <= maxAttempts; i++ {
		c := truncate(base, MaxLen)
		if i > 1 {
			suffix := "-" + strconv.Itoa(i)
			c = truncate(base, MaxLen-len(suffix)) + suffix
		}
		t, err := taken(c)
		if err != nil {
			return "", err
		}
		if !t {
			return c, nil
		}
	}
	return "", fmt.Errorf("slug: no free slug for %q after %d attempts", base, maxAttempts)
}
