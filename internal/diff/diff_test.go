package diff

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// sides rebuilds the old and new texts from a diff; every diff must satisfy
// old == sides(old) and new == sides(new).
func sides(lines []Line) (old, new string) {
	var o, n []string
	for _, l := range lines {
		var ob, nb strings.Builder
		for _, s := range l.Spans {
			if s.Op != Insert {
				ob.WriteString(s.Text)
			}
			if s.Op != Delete {
				nb.WriteString(s.Text)
			}
		}
		if l.Op != Insert {
			o = append(o, ob.String())
		}
		if l.Op != Delete {
			n = append(n, nb.String())
		}
	}
	return strings.Join(o, "\n"), strings.Join(n, "\n")
}

// checkInvariants reports any way lines fails to describe old -> new.
func checkInvariants(t *testing.T, old, new string, lines []Line) {
	t.Helper()
	old = strings.ReplaceAll(old, "\r\n", "\n")
	new = strings.ReplaceAll(new, "\r\n", "\n")
	if o, n := sides(lines); o != old || n != new {
		t.Fatalf("sides do not rejoin:\nold %q\ngot %q\nnew %q\ngot %q", old, o, new, n)
	}
	for _, l := range lines {
		for _, s := range l.Spans {
			if s.Op != Equal && s.Op != l.Op {
				t.Fatalf("%v line has %v span: %+v", l.Op, s.Op, l)
			}
		}
		if l.Op == Equal && len(l.Spans) != 1 {
			t.Fatalf("Equal line must have exactly one span: %+v", l)
		}
	}
}

// changed returns the marked (non-Equal) span texts of lines with op.
func changed(lines []Line, op Op) []string {
	var out []string
	for _, l := range lines {
		for _, s := range l.Spans {
			if l.Op == op && s.Op == op {
				out = append(out, s.Text)
			}
		}
	}
	return out
}

func ops(lines []Line) []Op {
	var out []Op
	for _, l := range lines {
		out = append(out, l.Op)
	}
	return out
}

const long = "The city council voted on Tuesday to approve the new budget, which " +
	"includes funding for three new libraries, repairs to the harbour bridge " +
	"and a modest increase in the number of bus routes serving the northern suburbs."

func TestLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		old, new string
		ops      []Op
		del, ins []string // expected marked spans per side; nil means none
	}{
		{
			name: "identical",
			old:  "Headline\n\n" + long,
			new:  "Headline\n\n" + long,
			ops:  []Op{Equal, Equal, Equal},
		},
		{
			name: "one word in long paragraph",
			old:  "Title\n\n" + long,
			new:  "Title\n\n" + strings.Replace(long, "three", "four", 1),
			ops:  []Op{Equal, Equal, Delete, Insert},
			del:  []string{"three"},
			ins:  []string{"four"},
		},
		{
			name: "adjacent words form one phrase",
			old:  "the quick brown fox jumps over the lazy dog",
			new:  "the slow red fox jumps over the lazy dog",
			ops:  []Op{Delete, Insert},
			del:  []string{"quick brown"},
			ins:  []string{"slow red"},
		},
		{
			name: "punctuation only",
			old:  "Hello, world",
			new:  "Hello; world",
			ops:  []Op{Delete, Insert},
			del:  []string{","},
			ins:  []string{";"},
		},
		{
			name: "paragraph added",
			old:  "One.\n\nThree.",
			new:  "One.\n\nTwo.\n\nThree.",
			ops:  []Op{Equal, Equal, Insert, Insert, Equal},
			ins:  []string{"Two.", ""},
		},
		{
			name: "paragraph removed",
			old:  "One.\n\nTwo.\n\nThree.",
			new:  "One.\n\nThree.",
			ops:  []Op{Equal, Equal, Delete, Delete, Equal},
			del:  []string{"Two.", ""},
		},
		{
			name: "reordered paragraphs shown whole, not word-diffed",
			old:  "Alpha bravo charlie.\n\nDelta echo foxtrot.",
			new:  "Delta echo foxtrot.\n\nAlpha bravo charlie.",
			ops:  []Op{Delete, Delete, Equal, Insert, Insert},
			del:  []string{"Alpha bravo charlie.", ""},
			ins:  []string{"", "Alpha bravo charlie."},
		},
		{
			name: "persian one word",
			old:  "شورای شهر روز سه‌شنبه بودجه جدید را تصویب کرد.",
			new:  "شورای شهر روز چهارشنبه بودجه جدید را تصویب کرد.",
			ops:  []Op{Delete, Insert},
			del:  []string{"سه‌شنبه"}, // ZWNJ keeps the word whole
			ins:  []string{"چهارشنبه"},
		},
		{
			name: "cyrillic one word",
			old:  "Городской совет утвердил новый бюджет.",
			new:  "Городской совет отклонил новый бюджет.",
			ops:  []Op{Delete, Insert},
			del:  []string{"утвердил"},
			ins:  []string{"отклонил"},
		},
		{
			name: "cjk one character",
			old:  "市议会周二批准了新预算。",
			new:  "市议会周三批准了新预算。",
			ops:  []Op{Delete, Insert},
			del:  []string{"二"},
			ins:  []string{"三"},
		},
		{
			name: "empty old",
			old:  "",
			new:  "A\n\nB",
			ops:  []Op{Insert, Insert, Insert},
			ins:  []string{"A", "", "B"},
		},
		{
			name: "empty new",
			old:  "A\n\nB",
			new:  "",
			ops:  []Op{Delete, Delete, Delete},
			del:  []string{"A", "", "B"},
		},
		{
			name: "both empty",
		},
		{
			name: "crlf equals lf",
			old:  "One\r\n\r\nTwo\r\n",
			new:  "One\n\nTwo\n",
			ops:  []Op{Equal, Equal, Equal, Equal},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Lines(tt.old, tt.new)
			checkInvariants(t, tt.old, tt.new, got)
			if g := ops(got); !slices.Equal(g, tt.ops) {
				t.Errorf("line ops = %v, want %v\n%+v", g, tt.ops, got)
			}
			if g := changed(got, Delete); !slices.Equal(g, tt.del) {
				t.Errorf("deleted spans = %q, want %q", g, tt.del)
			}
			if g := changed(got, Insert); !slices.Equal(g, tt.ins) {
				t.Errorf("inserted spans = %q, want %q", g, tt.ins)
			}
		})
	}
}

func TestStats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		old, new string
		ins, del int
	}{
		{"identical", long, long, 0, 0},
		{"one word swapped", long, strings.Replace(long, "three", "four", 1), 1, 1},
		{"phrase", "the quick brown fox", "the slow fox", 1, 2},
		{"paragraph added", "A.", "A.\n\nTwo new words.", 3, 0},
		{"punctuation is not a word", "Hello, world", "Hello; world", 0, 0},
		{"cjk counts characters", "新预算", "旧预算", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ins, del := Stats(Lines(tt.old, tt.new))
			if ins != tt.ins || del != tt.del {
				t.Errorf("Stats = +%d -%d, want +%d -%d", ins, del, tt.ins, tt.del)
			}
		})
	}
}

// TestBigInputs checks the size fallbacks: results stay correct when the
// LCS tables would be too large.
func TestBigInputs(t *testing.T) {
	t.Parallel()
	var a, b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&a, "old line %d\n", i)
		fmt.Fprintf(&b, "new line %d\n", i)
	}
	got := Lines(a.String(), b.String()) // 5000x5000 lines: over maxCells
	checkInvariants(t, a.String(), b.String(), got)

	// One huge paragraph with a single edit: prefix/suffix trimming keeps it exact.
	para := strings.Repeat("word ", 200000)
	got = Lines(para+"end", para+"finish")
	checkInvariants(t, para+"end", para+"finish", got)
	if ins, del := Stats(got); ins != 1 || del != 1 {
		t.Errorf("huge paragraph Stats = +%d -%d, want +1 -1", ins, del)
	}
}

func FuzzLines(f *testing.F) {
	f.Add("", "")
	f.Add(long, strings.Replace(long, "three", "four", 1))
	f.Add("a\r\nb\n\nc", "a\nb\r\n\r\nd")
	f.Add("شورای شهر سه‌شنبه", "شورای شهر چهارشنبه")
	f.Add("市议会周二批准", "市议会周三批准")
	f.Add("x, y; z\n\n", "\nx y, z")
	f.Add("\xff\xfe bad utf8", "\xff bad\r utf8")
	f.Fuzz(func(t *testing.T, old, new string) {
		checkInvariants(t, old, new, Lines(old, new))
	})
}

// story generates a ~size-byte text of paragraphs from a fixed vocabulary.
func story(r *rand.Rand, size int) []string {
	vocab := strings.Fields("the council mayor budget city harbour bridge voted " +
		"on Tuesday new library funding said residents police report school " +
		"minister election week year plan court ruling")
	var paras []string
	for n := 0; n < size; {
		words := make([]string, 40+r.IntN(60))
		for i := range words {
			words[i] = vocab[r.IntN(len(vocab))]
		}
		p := strings.Join(words, " ") + "."
		paras = append(paras, p)
		n += len(p) + 2
	}
	return paras
}

func BenchmarkLines50KB(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	paras := story(r, 50_000)
	edited := slices.Clone(paras)
	for i := 0; i < len(edited); i += 7 { // change a word in every 7th paragraph
		w := strings.Fields(edited[i])
		w[r.IntN(len(w))] = "EDITED"
		edited[i] = strings.Join(w, " ")
	}
	edited = slices.Delete(edited, 10, 11)
	edited = slices.Insert(edited, 20, "A brand new paragraph.")
	old, new := strings.Join(paras, "\n\n"), strings.Join(edited, "\n\n")
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for b.Loop() {
		Lines(old, new)
	}
}
