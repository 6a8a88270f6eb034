package spam

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/comment"
)

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind      Kind
		value     string
		want      string // stored value, when valid
		wantField string // field of the ValidationError, when not
	}{
		{Word, "  CIALIS ", "cialis", ""},
		{Word, "Cheap   Pills!", "cheap pills", ""},
		{Word, "قمار", "قمار", ""},
		{Word, "!!!", "", "value"},
		{Word, "", "", "value"},
		{URL, "https://WWW.Pills.Example/", "pills.example", ""},
		{URL, "*.pills.example", "pills.example", ""},
		{URL, "http://https://www.www.pills.example", "pills.example", ""},
		{URL, "www.example", "www.example", ""},
		{URL, "casino", "casino", ""},
		{URL, "bit.example/abc", "bit.example/abc", ""},
		{URL, "ab", "", "value"},
		{URL, "pills .example", "", "value"},
		{URL, "http://", "", "value"},
		{Email, "Bot@Spam.Example", "bot@spam.example", ""},
		{Email, "@Spam.Example", "@spam.example", ""},
		{Email, "bot", "", "value"},
		{Email, "@localhost", "", "value"},
		{Email, "Bot <bot@spam.example>", "", "value"},
		{Network, "203.0.113.77/24", "203.0.113.0/24", ""},
		{Network, "2001:DB8::1/32", "2001:db8::/32", ""},
		{Network, "198.51.100.7", "198.51.100.7/32", ""},
		{Network, "::ffff:203.0.113.0/120", "203.0.113.0/24", ""},
		{Network, "203.0.113.0/33", "", "value"},
		{Network, "0.0.0.0/0", "", "value"},
		{Network, "::/0", "", "value"},
		{Network, "not-a-network", "", "value"},
		{"regex", "v[i1]agra", "", "kind"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+" "+tt.value, func(t *testing.T) {
			t.Parallel()
			got, err := Entry{Kind: tt.kind, Value: tt.value}.Normalize()
			var v ValidationError
			switch {
			case tt.wantField == "" && err != nil:
				t.Fatalf("Normalize: %v", err)
			case tt.wantField == "" && got.Value != tt.want:
				t.Errorf("value = %q, want %q", got.Value, tt.want)
			case tt.wantField != "" && (!errors.As(err, &v) || v[tt.wantField] == ""):
				t.Errorf("Normalize = %q, %v; want a message for %s", got.Value, err, tt.wantField)
			}
		})
	}
}

func TestNormalizeNote(t *testing.T) {
	t.Parallel()
	_, err := Entry{Kind: Word, Value: "casino", Note: strings.Repeat("x", 501)}.Normalize()
	var v ValidationError
	if !errors.As(err, &v) || v["note"] == "" {
		t.Errorf("a 501-character note: err = %v, want a message for the note", err)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"CIALIS", "https://www.x.example/", "@Spam.Example", "::ffff:1.2.3.0/120", "a b\u200bc", "www.www.x.example", "http://http://abc", "*.www.*.x.example//"} {
		f.Add("word", s)
		f.Add("url", s)
	}
	f.Fuzz(func(t *testing.T, kind, value string) {
		e, err := Entry{Kind: Kind(kind), Value: value}.Normalize()
		if err != nil {
			return
		}
		again, err := e.Normalize()
		if err != nil || again.Value != e.Value {
			t.Fatalf("normalizing %q again gives %q, %v; want it unchanged", e.Value, again.Value, err)
		}
	})
}

func TestBlocklistMatch(t *testing.T) {
	t.Parallel()
	list := compile([]Entry{
		{Kind: Word, Value: "cialis"},
		{Kind: Word, Value: "cheap pills"},
		{Kind: Word, Value: "قمار"},
		{Kind: Word, Value: "казино"},
		{Kind: URL, Value: "pills.example"},
		{Kind: URL, Value: "casino"},
		{Kind: URL, Value: "news.example/?ref="},
		{Kind: Email, Value: "bot@mail.example"},
		{Kind: Email, Value: "@spam.example"},
		{Kind: Network, Value: "203.0.113.0/24"},
		{Kind: Network, Value: "2001:db8::/32"},
		{Kind: Network, Value: "not a network"}, // skipped, not fatal
	})
	tests := []struct {
		name   string
		c      comment.Comment
		client string
		want   string // the entry matched, "" for none
	}{
		{"word any case", comment.Comment{Body: "Buy CIALIS now."}, "", "cialis"},
		{"word inside another word", comment.Comment{Body: "Ask a specialist, socialism"}, "", ""},
		{"word in the author's name", comment.Comment{AuthorName: "Cialis Online"}, "", "cialis"},
		{"word hidden by a zero-width space", comment.Comment{Body: "ci\u200balis"}, "", "cialis"},
		{"phrase", comment.Comment{Body: "CHEAP  pills, here"}, "", "cheap pills"},
		{"phrase broken up", comment.Comment{Body: "cheap and good pills"}, "", ""},
		{"persian word", comment.Comment{Body: "بهترین سایت قمار آنلاین"}, "", "قمار"},
		{"persian word inside a longer word", comment.Comment{Body: "قماربازی"}, "", ""},
		{"cyrillic word any case", comment.Comment{Body: "Лучшее КАЗИНО тут"}, "", "казино"},
		{"site", comment.Comment{Body: "see https://pills.example/x"}, "", "pills.example"},
		{"subdomain", comment.Comment{Body: "see http://shop.pills.example"}, "", "pills.example"},
		{"site as website", comment.Comment{AuthorURL: "https://WWW.Pills.Example/"}, "", "pills.example"},
		{"site without scheme", comment.Comment{Body: "visit pills.example today"}, "", "pills.example"},
		{"site that only ends the same", comment.Comment{Body: "https://notpills.example/"}, "", ""},
		{"site under another domain", comment.Comment{Body: "https://pills.example.org/"}, "", ""},
		{"address piece in a host", comment.Comment{Body: "https://best-casino.example"}, "", "casino"},
		{"address piece in a path", comment.Comment{Body: "https://news.example/?ref=abc"}, "", "news.example/?ref="},
		{"address piece in text only", comment.Comment{Body: "the casino reopened"}, "", ""},
		{"email", comment.Comment{AuthorEmail: "BOT@mail.example"}, "", "bot@mail.example"},
		{"other email at that host", comment.Comment{AuthorEmail: "editor@mail.example"}, "", ""},
		{"email domain", comment.Comment{AuthorEmail: "a@spam.example"}, "", "@spam.example"},
		{"email subdomain", comment.Comment{AuthorEmail: "a@mx.spam.example"}, "", "@spam.example"},
		{"email domain that only ends the same", comment.Comment{AuthorEmail: "a@notspam.example"}, "", ""},
		{"ipv4 range", comment.Comment{}, "203.0.113.77", "203.0.113.0/24"},
		{"ipv4 outside", comment.Comment{}, "203.0.114.1", ""},
		{"ipv4-mapped ipv6 client", comment.Comment{}, "::ffff:203.0.113.9", "203.0.113.0/24"},
		{"ipv6 range", comment.Comment{}, "2001:db8:1::5", "2001:db8::/32"},
		{"ipv6 with zone", comment.Comment{}, "2001:db8::5%eth0", "2001:db8::/32"},
		{"ipv6 outside", comment.Comment{}, "2001:db9::5", ""},
		{"ordinary comment", comment.Comment{Body: "Thank you for the report from Herat.", AuthorEmail: "reader@mail.example"}, "192.0.2.1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var client netip.Addr
			if tt.client != "" {
				client = netip.MustParseAddr(tt.client)
			}
			got, ok := list.match(tt.c, client)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("match = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}
