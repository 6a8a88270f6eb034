package article

import (
	"context"
	"strings"
	"time"
	"unicode"
)

// Limits on what a reader's search may ask of the database.
const (
	MaxSearchText  = 200 // characters; a question rarely needs a tenth of it
	maxSearchTerms = 16  // words, each one more index lookup
	maxSearchLimit = 50
)

// SearchQuery is a reader's full-text search over published stories. Zero
// filter fields do not filter.
type SearchQuery struct {
	Text      string
	SectionID int64
	AuthorID  int64
	From      time.Time // published at or after From
	To        time.Time // published before To (exclusive: pass the day after the last one wanted)
	Now       time.Time // only stories visible at Now; the service sets it
	Limit     int
	Offset    int
	// MaxMatches caps how many matches are ranked and counted; zero is
	// MaxSearchMatches.
	MaxMatches int
}

// Cap returns how many matches the query ranks and counts at most.
func (q SearchQuery) Cap() int {
	if q.MaxMatches > 0 {
		return q.MaxMatches
	}
	return MaxSearchMatches
}

// Terms returns the words to search for; see SearchTerms.
func (q SearchQuery) Terms() []string { return SearchTerms(q.Text) }

// MaxSearchMatches is how many matches a search ranks and counts. A query
// matching more (a word in most stories) ranks the MaxSearchMatches added
// last (highest ids, so newest written) and says there are more: ranking and counting every one of
// 70,000 matches took a quarter of a second on SQLite, and nobody reads
// past the first pages of such a search.
const MaxSearchMatches = 2000

// SearchResult is one page of matches, best first, and how many match in
// all, up to the query's Cap; More says there are more than that.
type SearchResult struct {
	Hits  []SearchHit
	Total int
	More  bool
}

// SearchHit is a matching story with its matches marked.
type SearchHit struct {
	Article  Article
	Headline Snippet // the whole headline, matches marked
	Snippet  Snippet // words around the matches in the standfirst or body
}

// Snippet is plain text cut into spans, some of them matches. It is never
// HTML: templates escape each span and wrap matches in <mark>.
type Snippet []Span

// Span is a run of a snippet's text.
type Span struct {
	Text  string
	Match bool
}

// Text returns the snippet without its marks.
func (s Snippet) Text() string {
	var b strings.Builder
	for _, sp := range s {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// HasMatch reports whether any span is a match.
func (s Snippet) HasMatch() bool {
	for _, sp := range s {
		if sp.Match {
			return true
		}
	}
	return false
}

// SearchTerms turns what a reader typed into words: only letters, digits
// and the marks and joiners inside words survive, so no character can
// carry query syntax (quotes, *, -, :, parentheses) to the database. Text
// past MaxSearchText characters and words past the sixteenth are dropped,
// as are repeats.
func SearchTerms(text string) []string {
	text = truncateWords(text, MaxSearchText)
	words := strings.FieldsFunc(text, func(r rune) bool { return !inWord(r) })
	var terms []string
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.Trim(w, "\u200c\u200d") // a joiner only joins inside a word
		key := strings.ToLower(w)
		if w == "" || !hasLetterOrDigit(w) || seen[key] {
			continue
		}
		seen[key] = true
		terms = append(terms, w)
		if len(terms) == maxSearchTerms {
			break
		}
	}
	return terms
}

// truncateWords cuts text to at most n characters, dropping a word the
// cut would split: "canal" must not become a search for "can".
func truncateWords(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	end := n
	for end > 0 && inWord(r[end]) && inWord(r[end-1]) {
		end--
	}
	return string(r[:end])
}

// inWord reports whether r belongs inside a word. The zero-width
// non-joiner is part of Persian spelling (می‌روم), so it stays.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

func hasLetterOrDigit(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// Search returns one page of published stories matching q, best first. A
// query with no words is an empty result, not an error.
func (s *Service) Search(ctx context.Context, q SearchQuery) (SearchResult, error) {
	if len(q.Terms()) == 0 {
		return SearchResult{}, nil
	}
	q.Now = s.now().UTC()
	if q.Limit <= 0 || q.Limit > maxSearchLimit {
		q.Limit = 10
	}
	q.Offset = max(q.Offset, 0)
	return s.store.SearchArticles(ctx, q)
}
