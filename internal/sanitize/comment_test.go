package sanitize

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCommentFormatting(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"paragraphs", "First.\n\nSecond.", "<p>First.</p>\n<p>Second.</p>"},
		{"emphasis", "*really* **good**", "<p><em>really</em> <strong>good</strong></p>"},
		{"bare url", "See https://example.org/a?b=1 now", `<a rel="nofollow ugc noopener" href="https://example.org/a?b=1">https://example.org/a?b=1</a>`},
		{"markdown link", "[report](https://example.org/r)", `<a rel="nofollow ugc noopener" href="https://example.org/r">report</a>`},
		{"quote", "> they said\n\nI disagree", "<blockquote>\n<p>they said</p>\n</blockquote>"},
		{"inline code", "use `sudo` carefully", "<code>sudo</code>"},
		{"html shown as text", "<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"},
		{"heading stays text", "# Not a heading", "<p># Not a heading</p>"},
		{"list stays text", "- one\n- two", "<p>- one\n- two</p>"},
		{"persian", "سلام، خوب است.", "<p>سلام، خوب است.</p>"},
		{"ampersand", "Tom & Jerry &amp; co", "Tom &amp; Jerry &amp;amp; co"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := string(Comment(c.in)); !strings.Contains(got, c.want) {
				t.Errorf("Comment(%q) = %q, want it to contain %q", c.in, got, c.want)
			}
		})
	}
}

// hostile is a corpus of inputs that must all come out inert.
var hostile = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=https://evil.example/x.js></SCRIPT>`,
	`<img src=x onerror=alert(1)>`,
	`<svg/onload=alert(1)>`,
	`<body onload=alert(1)>`,
	`<iframe src="javascript:alert(1)"></iframe>`,
	`[click](javascript:alert(1))`,
	`[click](JaVaScRiPt:alert(1))`,
	`[click](java&#x73;cript:alert(1))`,
	"[click](java\tscript:alert(1))",
	`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	`[x](vbscript:msgbox(1))`,
	`<a href="javascript:alert(1)">x</a>`,
	`<div style="background:url(javascript:alert(1))">x</div>`,
	`<style>body{display:none}</style>`,
	`<<script>script>alert(1)<</script>/script>`,
	`<img src="x" alt="x"onerror="alert(1)">`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
	`<!--<img src=x onerror=alert(1)>-->`,
	`<a href="https://evil.example" onclick="alert(1)">x</a>`,
	`<form action="https://evil.example"><input name=p></form>`,
	`<object data="x.swf"></object><embed src="x.swf">`,
	`<meta http-equiv="refresh" content="0;url=https://evil.example">`,
	"https://еxample.org/login", // Cyrillic "е": a homoglyph link stays a plain, visible link
	"<scr\x00ipt>alert(1)</scr\x00ipt>",
	"\xff\xfe<script>alert(1)</script>",
	`<img src=x:alert(alt) onerror=eval(src) alt=0>`,
	`"><script>alert(document.cookie)</script>`,
	`<base href="https://evil.example/">`,
	`<link rel=stylesheet href=https://evil.example/x.css>`,
	strings.Repeat("<b>", 20000) + strings.Repeat("a", 40000), // over 100 KB
}

func TestCommentHostileInputs(t *testing.T) {
	t.Parallel()
	for _, in := range hostile {
		checkInert(t, in, string(Comment(in)))
	}
}

// checkInert fails if out has any element or attribute beyond the comment
// policy, or a link that is not http(s).
func checkInert(t *testing.T, in, out string) {
	t.Helper()
	allowed := map[string]bool{"p": true, "br": true, "em": true, "strong": true, "blockquote": true, "code": true, "a": true}
	z := html.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowed[tok.Data] {
			t.Fatalf("Comment(%.60q) produced <%s>: %.300q", in, tok.Data, out)
		}
		for _, a := range tok.Attr {
			switch {
			case tok.Data == "a" && a.Key == "rel" && a.Val == "nofollow ugc noopener":
			case tok.Data == "a" && a.Key == "href" && (strings.HasPrefix(a.Val, "https://") || strings.HasPrefix(a.Val, "http://")):
			default:
				t.Fatalf("Comment(%.60q) produced %s=%q on <%s>", in, a.Key, a.Val, tok.Data)
			}
		}
	}
}

func FuzzComment(f *testing.F) {
	for _, s := range hostile[:len(hostile)-1] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkInert(t, in, string(Comment(in)))
	})
}
