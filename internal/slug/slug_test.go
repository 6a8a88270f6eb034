package slug

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var longTitle = "Parliament votes to extend the emergency powers for another six months " +
	"despite protests in the capital"

var makeTests = []struct {
	name, in, want string
}{
	{"english punctuation", "U.N. says 'talks' resume — in Geneva", "u-n-says-talks-resume-in-geneva"},
	{"apostrophe joins a word", "Kabul's winter: the city's power cuts", "kabuls-winter-the-citys-power-cuts"},
	{"curly quotes", "“Breaking”: PM’s speech (full text)", "breaking-pms-speech-full-text"},
	{"digits kept", "COVID-19 cases rise 20%", "covid-19-cases-rise-20"},
	{"accents", "Café Müller à Besançon, Đà Nẵng", "cafe-muller-a-besancon-da-nang"},
	{"decomposed accents", "Cafe\u0301 Mu\u0308ller", "cafe-muller"},
	{"nordic and polish", "Ærø og Łódź, Øresund, Þórshöfn", "aero-og-lodz-oresund-thorshofn"},
	{"fold composed ligatures", "Ǽ Ǿ ǣ", "ae-o-ae"},
	{"german sharp s", "Straße STRASSE Großbritannien", "strasse-strasse-grossbritannien"},
	{"capital sharp s", "GROẞE", "grosse"},
	{"fullwidth", "ＡＢＣ　ニュース", "abc-ニュース"},
	{"ligature", "ﬁnal ofﬁce", "final-office"},
	{"russian", "Выборы в Украине: что дальше?", "выборы-в-украине-что-дальше"},
	{"cyrillic short i kept", "ЙОГУРТ и Ёлка", "йогурт-и-ёлка"},
	{"cyrillic decomposed", "И\u0306од", "йод"},
	{"ukrainian", "Їжак і ґанок, Київ", "їжак-і-ґанок-київ"},
	{"greek final sigma", "ΟΔΥΣΣΕΑΣ ΚΑΙ ΕΛΛΑΔΑ", "οδυσσεας-και-ελλαδα"},
	{"persian zwnj", "می\u200cخواهند", "می-خواهند"},
	{"persian headline", "انتخابات ریاست‌جمهوری ایران؛ نتایج اولیه", "انتخابات-ریاست-جمهوری-ایران-نتایج-اولیه"},
	{"persian arabic kaf yeh folded", "كتاب علي پدر", "کتاب-علی-پدر"},
	{"persian alef maksura folded", "مصطفى گفت", "مصطفی-گفت"},
	{"arabic kaf yeh kept", "كتاب علي", "كتاب-علي"},
	{"arabic harakat removed", "السَّلَامُ عَلَيْكُمْ", "السلام-عليكم"},
	{"arabic superscript alef", "هٰذا", "هذا"},
	{"arabic tatweel", "عـــربي", "عربي"},
	{"arabic hamza kept", "أخبار إسرائيل وآسيا، مؤتمر", "أخبار-إسرائيل-وآسيا-مؤتمر"},
	{"arabic decomposed hamza", "ا\u0654خبار", "أخبار"},
	{"arabic question mark", "لماذا؟ الآن", "لماذا-الآن"},
	{"persian digits", "۱۴۰۳ خورشیدی", "1403-خورشیدی"},
	{"arabic digits", "عام ٢٠٢٤", "عام-2024"},
	{"pashto letters", "ټ ډ ړ ږ ښ ګ ڼ ې ۍ", "ټ-ډ-ړ-ږ-ښ-ګ-ڼ-ې-ۍ"},
	{"pashto yeh kept", "دا ښځې دي او ماشومان", "دا-ښځې-دي-او-ماشومان"},
	{"dari", "کابل: بازگشایی مکتب‌ها", "کابل-بازگشایی-مکتب-ها"},
	{"devanagari marks kept", "भारत में चुनाव", "भारत-में-चुनाव"},
	{"thai", "ข่าวล่าสุด วันนี้", "ข่าวล่าสุด-วันนี้"},
	{"chinese", "北京新闻 2024", "北京新闻-2024"},
	{"emoji", "🔥 Hot take 🔥🔥 on AI 🤖", "hot-take-on-ai"},
	{"nbsp and zwj", "a\u00a0b\u200dc", "a-b-c"},
	{"bidi controls", "\u202eabc\u202c def", "abc-def"},
	{"url specials", "a/b?c#d%e&f", "a-b-c-d-e-f"},
	{"only punctuation", "?!… — «»", ""},
	{"only emoji", "🎉🎉", ""},
	{"empty", "", ""},
	{"only harakat", "\u064e\u064f", ""},
	{"stray mark", "\u0301a", "a"},
	{"long title", longTitle, "parliament-votes-to-extend-the-emergency-powers-for-another-six-months-despite"},
	{"exact fit", strings.Repeat("a", 80) + " b", strings.Repeat("a", 80)},
	{"long word", strings.Repeat("x", 90) + " y", strings.Repeat("x", 80)},
	{"long persian", strings.Repeat("خبر ", 30), strings.TrimSuffix(strings.Repeat("خبر-", 20), "-")},
}

func TestMake(t *testing.T) {
	t.Parallel()
	for _, tt := range makeTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Make(tt.in); got != tt.want {
				t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.want != "" && !Valid(tt.want) {
				t.Errorf("Valid(%q) = false", tt.want)
			}
		})
	}
}

func TestValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{"hello-world", true},
		{"выборы-в-украине", true},
		{"می-خواهند", true},
		{"covid-19", true},
		{strings.Repeat("a", 80), true},
		{"", false},
		{"Hello", false},
		{"hello--world", false},
		{"-hello", false},
		{"hello-", false},
		{"café", false},
		{"a/b", false},
		{"a b", false},
		{"%2f", false},
		{"۱۴۰۳", false},
		{"كتاب-پدر", false},
		{strings.Repeat("a", 81), false},
		{"\xff", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := Valid(tt.in); got != tt.want {
				t.Errorf("Valid(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnique(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a", 80)
	tests := []struct {
		name, base string
		taken      []string
		want       string
	}{
		{"free", "news", nil, "news"},
		{"one collision", "news", []string{"news"}, "news-2"},
		{"several collisions", "news", []string{"news", "news-2", "news-3"}, "news-4"},
		{"first free suffix", "news", []string{"news", "news-3"}, "news-2"},
		{"empty base", "", []string{"story"}, "story-2"},
		{"persian", "خبر", []string{"خبر"}, "خبر-2"},
		{"long base shortened", long, []string{long}, strings.Repeat("a", 78) + "-2"},
		{"shortened base-2 is base", strings.Repeat("a", 77) + "-2", []string{strings.Repeat("a", 77) + "-2"}, strings.Repeat("a", 77) + "-3"},
		{"long base at hyphen", strings.Repeat("a", 76) + "-bcd", []string{strings.Repeat("a", 76) + "-bcd"}, strings.Repeat("a", 76) + "-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Unique(tt.base, func(c string) (bool, error) {
				for _, s := range tt.taken {
					if s == c {
						return true, nil
					}
				}
				return false, nil
			})
			if err != nil || got != tt.want {
				t.Fatalf("Unique(%q) = %q, %v; want %q", tt.base, got, err, tt.want)
			}
			if utf8.RuneCountInString(got) > MaxLen || !Valid(got) {
				t.Errorf("Unique(%q) = %q is not a valid slug", tt.base, got)
			}
		})
	}
}

func TestUniqueErrors(t *testing.T) {
	t.Parallel()
	t.Run("taken error", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("db down")
		if _, err := Unique("news", func(string) (bool, error) { return false, boom }); !errors.Is(err, boom) {
			t.Errorf("err = %v, want %v", err, boom)
		}
	})
	t.Run("exhausted", func(t *testing.T) {
		t.Parallel()
		calls := 0
		got, err := Unique(strings.Repeat("z", 80), func(c string) (bool, error) {
			calls++
			if utf8.RuneCountInString(c) > MaxLen {
				t.Fatalf("candidate %q too long", c)
			}
			return true, nil
		})
		if err == nil || got != "" {
			t.Errorf("Unique = %q, %v; want error", got, err)
		}
		if calls != 10000 {
			t.Errorf("taken called %d times, want 10000", calls)
		}
	})
	t.Run("last suffix", func(t *testing.T) {
		t.Parallel()
		got, err := Unique("n", func(c string) (bool, error) { return c != "n-10000", nil })
		if err != nil || got != "n-10000" {
			t.Errorf("Unique = %q, %v; want n-10000", got, err)
		}
	})
}

func FuzzMake(f *testing.F) {
	for _, tt := range makeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Make(in)
		if !utf8.ValidString(got) {
			t.Fatalf("Make(%q) = %q: invalid UTF-8", in, got)
		}
		if n := utf8.RuneCountInString(got); n > MaxLen {
			t.Fatalf("Make(%q) = %q: %d runes", in, got, n)
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Make(%q) = %q: bad hyphens", in, got)
		}
		if strings.ContainsAny(got, "/?#%") || strings.IndexFunc(got, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
		}) >= 0 {
			t.Fatalf("Make(%q) = %q: unsafe character", in, got)
		}
		if again := Make(got); again != got {
			t.Fatalf("Make not idempotent: Make(%q) = %q, Make(%q) = %q", in, got, got, again)
		}
		if got != "" && !Valid(got) {
			t.Fatalf("Valid(Make(%q)) = Valid(%q) = false", in, got)
		}
		// Unique must keep slugs valid whatever the base. (A shortened
		// base-2 can equal base itself, so don't insist on "-2".)
		if got != "" {
			u, err := Unique(got, func(c string) (bool, error) { return c == got, nil })
			if err != nil || u == got || !Valid(u) {
				t.Fatalf("Unique(%q) = %q, %v", got, u, err)
			}
		}
	})
}
