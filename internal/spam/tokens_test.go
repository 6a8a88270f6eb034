package spam

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/comment"
)

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string
	}{
		{"english", "Kabul's schools, re-opened!", []string{"kabul", "s", "schools", "re", "opened"}},
		{"persian", "این گزارش از کابل است.", []string{"این", "گزارش", "از", "کابل", "است"}},
		{"persian zero-width non-joiner", "می‌خواهم", []string{"میخواهم"}},
		{"arabic yeh and kaf as persian", "كتاب علي", []string{"کتاب", "علی"}},
		{"persian and arabic digits", "سال ۱۴۰۳ و ٢٠٢٤", []string{"سال", "1403", "و", "2024"}},
		{"cyrillic", "Привет, МИР!", []string{"привет", "мир"}},
		{"mixed scripts", "Kabul کابل Кабул 2024", []string{"kabul", "کابل", "кабул", "2024"}},
		{"devanagari marks stay in words", "नमस्ते दुनिया", []string{"नमस्ते", "दुनिया"}},
		{"hidden zero-width space", "c\u200bialis", []string{"cialis"}},
		{"invalid utf-8 separates", "ab\xffcd", []string{"ab", "cd"}},
		{"empty", " ,.- ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []link
	}{
		{"scheme, path and case", "See https://Shop.Pills.Example/Buy?x=1.", []link{{"shop.pills.example", "shop.pills.example/buy?x=1"}}},
		{"www without scheme", "go to www.spam.example, now", []link{{"www.spam.example", "www.spam.example"}}},
		{"bare domain in brackets", "(see cheap.example/offer)", []link{{"cheap.example", "cheap.example/offer"}}},
		{"markdown", "[click](http://a.example/p)", []link{{"a.example", "a.example/p"}}},
		{"html href", `<a href="https://b.example:8080/x">`, []link{{"b.example", "b.example:8080/x"}}},
		{"href without quotes", `href=http://c.example/y`, []link{{"c.example", "c.example/y"}}},
		{"email address counts as its domain", "write sales@pills.example", []link{{"pills.example", "sales@pills.example"}}},
		{"numeric address after a scheme", "http://203.0.113.5/x", []link{{"203.0.113.5", "203.0.113.5/x"}}},
		{"unicode host", "https://خبر.example/۱", []link{{"خبر.example", "خبر.example/۱"}}},
		{"numbers are not sites", "pi is 3.14 and v1.2.3", nil},
		{"abbreviations are not sites", "e.g. the U.S. at 9 a.m.", nil},
		{"plain words", "nothing to see here", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := links(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("links(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	c := comment.Comment{
		AuthorName:  "Best SEO",
		AuthorEmail: "Promo@Mail.Pills.Example",
		AuthorURL:   "https://www.Rank-Fast.example/",
		Body:        "Cheap pills at https://a.b.pills.example/buy — cheap! x " + strings.Repeat("z", 41) + " Привет کابل",
	}
	got := Tokens(c)
	want := []string{
		"a", "at", "b", "best", "buy", "cheap", "email:mail.pills.example", "example",
		"host:a.b.pills.example", "host:b.pills.example", "host:pills.example",
		"host:rank-fast.example", "host:www.rank-fast.example",
		"https", "pills", "seo", "привет", "کابل",
	}
	// Single letters are not tokens, so drop the ones the want list has for readability.
	want = slices.DeleteFunc(want, func(s string) bool { return utf8.RuneCountInString(s) < 2 })
	if !slices.Equal(got, want) {
		t.Errorf("Tokens =\n%q\nwant\n%q", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("Buy cheap pills at https://pills.example/x", "Best SEO", "a@b.example", "https://www.c.example/")
	f.Add("این گزارش از کابل است می‌خواهم", "مینا", "x@خبر.example", "http://[::1]:80/")
	f.Add("Привет МИР ΣΊΣΥΦΟΣ İstanbul ǅ", "ß", "@", "://")
	f.Add("ab\xffcd http://\xff.example href=https://x.example", "\u200b", "a@@b..c", "http://%41.example")
	f.Fuzz(func(t *testing.T, body, name, email, website string) {
		c := comment.Comment{Body: body, AuthorName: name, AuthorEmail: email, AuthorURL: website}
		tokens := Tokens(c)
		for i, tok := range tokens {
			if !utf8.ValidString(tok) {
				t.Fatalf("token %q is not valid UTF-8", tok)
			}
			if strings.ToLower(tok) != tok {
				t.Fatalf("token %q is not lower-case", tok)
			}
			if i > 0 && tokens[i-1] >= tok {
				t.Fatalf("tokens not sorted and distinct: %q before %q", tokens[i-1], tok)
			}
			if n := utf8.RuneCountInString(tok); n < minTokenRunes || n > maxHostRunes+len("email:") {
				t.Fatalf("token %q has %d runes", tok, n)
			}
		}
	})
}
