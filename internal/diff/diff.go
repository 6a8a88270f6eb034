// Package diff renders a readable diff between two revisions of a story's
// text: lines (paragraphs) are compared first, and edited paragraphs are then
// compared word by word so editors see exactly which words changed.
package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Op is what happened to a piece of text.
type Op int

const (
	Equal  Op = iota // in both old and new
	Insert           // only in new
	Delete           // only in old
)

// Span is a run of text with one Op.
type Span struct {
	Op   Op
	Text string
}

// Line is one row of the rendered diff. Equal lines have one Equal span.
// Delete lines hold Equal and Delete spans and rejoin to the old line;
// Insert lines hold Equal and Insert spans and rejoin to the new line.
type Line struct {
	Op    Op
	Spans []Span
}

// maxCells bounds one LCS table (uint16 cells, so at most 8 MB). Beyond it we
// give up on finding a minimal diff rather than risk memory on huge inputs.
const maxCells = 4 << 20

// wordBudget bounds the total LCS work spent on word diffs of one call, so a
// huge, completely rewritten text cannot make Lines run for minutes.
const wordBudget = 16 * maxCells

// Lines compares old and new line by line, then shows each edited line as a
// Delete/Insert pair with word-level spans. Unrelated lines that merely sit
// at the same place are shown whole, since a word diff of them is noise.
func Lines(old, new string) []Line {
	a, b := splitLines(old), splitLines(new)
	lineBudget := maxCells
	ops := diffSeq(a, b, &lineBudget)
	budget := wordBudget

	var out []Line
	i, j := 0, 0
	for k := 0; k < len(ops); {
		if ops[k] == Equal {
			out = append(out, Line{Equal, []Span{{Equal, a[i]}}})
			i, j, k = i+1, j+1, k+1
			continue
		}
		// diffSeq puts each change run's deletes before its inserts.
		nd, ni := 0, 0
		for ; k < len(ops) && ops[k] == Delete; k++ {
			nd++
		}
		for ; k < len(ops) && ops[k] == Insert; k++ {
			ni++
		}
		dels, ins := a[i:i+nd], b[j:j+ni]
		i, j = i+nd, j+ni

		n := min(len(dels), len(ins))
		for p := range n {
			if d, in, ok := words(dels[p], ins[p], &budget); ok {
				out = append(out, Line{Delete, d}, Line{Insert, in})
			} else {
				out = append(out, whole(Delete, dels[p]), whole(Insert, ins[p]))
			}
		}
		for _, s := range dels[n:] {
			out = append(out, whole(Delete, s))
		}
		for _, s := range ins[n:] {
			out = append(out, whole(Insert, s))
		}
	}
	return out
}

// Stats counts inserted and deleted words, for a one-line summary.
func Stats(lines []Line) (inserted, deleted int) {
	for _, l := range lines {
		if l.Op == Equal {
			continue
		}
		for _, s := range l.Spans {
			if s.Op != l.Op {
				continue
			}
			n := 0
			for _, t := range tokenize(s.Text) {
				if isWord(t) {
					n++
				}
			}
			if l.Op == Insert {
				inserted += n
			} else {
				deleted += n
			}
		}
	}
	return inserted, deleted
}

func whole(op Op, s string) Line { return Line{op, []Span{{op, s}}} }

// splitLines normalises Windows line endings so CRLF and LF revisions of the
// same text compare equal. An empty text has no lines at all.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// words diffs two lines word by word. ok is false when the lines share too
// little (under half their words) for a word diff to be readable.
func words(old, new string, budget *int) (oldSpans, newSpans []Span, ok bool) {
	a, b := tokenize(old), tokenize(new)
	ops := diffSeq(a, b, budget)

	// Attach each token to its op; count shared vs total words for the
	// similarity check.
	type tok struct {
		op   Op
		text string
	}
	toks := make([]tok, 0, len(ops))
	i, j, same, total := 0, 0, 0, 0
	for _, op := range ops {
		var t string
		switch op {
		case Equal:
			t = a[i]
			i, j = i+1, j+1
		case Delete:
			t = a[i]
			i++
		case Insert:
			t = b[j]
			j++
		}
		if isWord(t) {
			if op == Equal {
				same, total = same+2, total+2 // once per side
			} else {
				total++
			}
		}
		toks = append(toks, tok{op, t})
	}
	if same == 0 || 2*same < total {
		return nil, nil, false
	}

	// A lone space or comma left Equal between two changes splits the
	// change into fragments ("[quick] [brown]"); fold such separators into
	// the change on both sides so it reads as one phrase ("[quick brown]").
	var merged []tok
	for k := 0; k < len(toks); {
		e := k
		for e < len(toks) && toks[e].op == Equal {
			e++
		}
		if e == k {
			merged = append(merged, toks[k])
			k++
			continue
		}
		sep := true
		for _, t := range toks[k:e] {
			sep = sep && !isWord(t.text)
		}
		if sep && k > 0 && e < len(toks) && changesBothSides(ops, k, e) {
			for _, t := range toks[k:e] {
				merged = append(merged, tok{Delete, t.text}, tok{Insert, t.text})
			}
		} else {
			merged = append(merged, toks[k:e]...)
		}
		k = e
	}

	// Split into the two sides, merging neighbouring tokens with the same op.
	o, n := side{src: old}, side{src: new}
	for _, t := range merged {
		if t.op != Insert {
			o.add(t.op, len(t.text))
		}
		if t.op != Delete {
			n.add(t.op, len(t.text))
		}
	}
	return o.spans, n.spans, true
}

// side builds one side's spans as substrings of its line: tokens come in
// order, so a merged span is just a longer slice. (Concatenating token
// strings instead is quadratic on a long unchanged paragraph.)
type side struct {
	src        string
	pos, start int
	spans      []Span
}

func (s *side) add(op Op, n int) {
	if k := len(s.spans); k > 0 && s.spans[k-1].Op == op {
		s.spans[k-1].Text = s.src[s.start : s.pos+n]
	} else {
		s.start = s.pos
		s.spans = append(s.spans, Span{op, s.src[s.pos : s.pos+n]})
	}
	s.pos += n
}

// changesBothSides reports whether the change runs adjacent to ops[k:e]
// together delete and insert something, i.e. folding the separator in keeps
// it next to a change on each side.
func changesBothSides(ops []Op, k, e int) bool {
	var del, ins bool
	for p := k - 1; p >= 0 && ops[p] != Equal; p-- {
		del, ins = del || ops[p] == Delete, ins || ops[p] == Insert
	}
	for p := e; p < len(ops) && ops[p] != Equal; p++ {
		del, ins = del || ops[p] == Delete, ins || ops[p] == Insert
	}
	return del && ins
}

// Token kinds. Han and kana are written without spaces, so each character
// is its own token; otherwise a one-character edit would mark a whole
// sentence. Punctuation is one token per character so "foo," -> "foo;"
// marks only the punctuation.
const (
	kWord = iota
	kSpace
	kSingle
)

func kind(r rune) int {
	switch {
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return kSingle
	// Marks (Arabic/Persian diacritics, Indic vowel signs) and ZWNJ/ZWJ
	// (used inside Persian words) belong to the word they sit in.
	case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d':
		return kWord
	case unicode.IsSpace(r):
		return kSpace
	}
	return kSingle
}

// tokenize splits s into words, whitespace runs and single characters. It
// slices s by byte offsets, so the tokens rejoin to s exactly, even for
// invalid UTF-8.
func tokenize(s string) []string {
	var toks []string
	start, prev := 0, -1
	for i, r := range s {
		k := kind(r)
		if i > start && (k != prev || k == kSingle) {
			toks = append(toks, s[start:i])
			start = i
		}
		prev = k
	}
	if start < len(s) {
		toks = append(toks, s[start:])
	}
	return toks
}

// isWord reports whether a token counts as a word (for Stats and similarity).
func isWord(t string) bool {
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return kind(r) == kWord || unicode.IsLetter(r) // Han/kana are kSingle letters
}

// diffSeq returns an edit script turning a into b: Equal consumes one
// element of each, Delete one of a, Insert one of b. Within each run of
// changes all deletes come before all inserts.
func diffSeq(a, b []string, budget *int) []Op {
	// Edits are usually local, so trimming the common prefix and suffix
	// keeps the quadratic LCS small (often empty) even for long texts.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	ops := make([]Op, 0, len(a)+len(b)-p-s)
	for range p {
		ops = append(ops, Equal)
	}
	ops = append(ops, lcs(a[p:len(a)-s], b[p:len(b)-s], budget)...)
	for range s {
		ops = append(ops, Equal)
	}

	// Put deletes first in each change run; callers pair them up with the
	// inserts and rely on this order.
	for k := 0; k < len(ops); {
		if ops[k] == Equal {
			k++
			continue
		}
		e, dels := k, 0
		for ; e < len(ops) && ops[e] != Equal; e++ {
			if ops[e] == Delete {
				dels++
			}
		}
		for q := k; q < e; q++ {
			ops[q] = Insert
			if q < k+dels {
				ops[q] = Delete
			}
		}
		k = e
	}
	return ops
}

// lcs is the classic longest-common-subsequence edit script. If the table
// would exceed maxCells or the remaining budget, it returns "all deleted,
// then all inserted", which is correct if not minimal.
func lcs(a, b []string, budget *int) []Op {
	n, m := len(a), len(b)
	ops := make([]Op, 0, n+m)
	w := m + 1
	if n+1 > min(maxCells, *budget)/w { // division: no overflow on huge inputs
		for range n {
			ops = append(ops, Delete)
		}
		for range m {
			ops = append(ops, Insert)
		}
		return ops
	}
	*budget -= (n + 1) * w
	// dp[i*w+j] is the LCS length of a[i:] and b[j:]. uint16 is enough:
	// (n+1)(m+1) <= maxCells forces min(n, m) < 2048.
	dp := make([]uint16, (n+1)*w)
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i*w+j] = dp[(i+1)*w+j+1] + 1
			} else {
				dp[i*w+j] = max(dp[(i+1)*w+j], dp[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, Equal)
			i, j = i+1, j+1
		case j == m || (i < n && dp[(i+1)*w+j] >= dp[i*w+j+1]):
			ops = append(ops, Delete)
			i++
		default:
			ops = append(ops, Insert)
			j++
		}
	}
	return ops
}
