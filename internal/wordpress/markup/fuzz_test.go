package markup

import (
	"bytes"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// FuzzConvert checks that Convert never panics, never lets its own
// markers leak into the Markdown, and never writes a script, frame or
// event handler into it.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"Para\n\nPara\nline", "<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->",
		"<!-- wp:list --><ul><!-- wp:list-item --><li>a</li><!-- /wp:list-item --></ul>",
		`[caption width="1"]<img src="/a.jpg" alt="a"> c[/caption]`, "[embed]https://youtu.be/dQw4w9WgXcQ[/embed]",
		`[gallery ids="1,2"]`, "[x-y a=b]t[/x-y]", "[[gallery]]", "<table><tr><th>a</th></tr><tr><td>b|c</td></tr></table>",
		"<ul><li>a<ul><li>b</li></ul></li></ul>", "<pre>```</pre>", "<em>*</em><strong> </strong>",
		`<img src="javascript:alert(1)" onerror="x">`, "<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>",
		"<!-- wp:embed {\"url\":\"https://vimeo.com/1\"} --><!-- /wp:embed -->", "<!--more-->", "<!-- wp:a {",
		"<blockquote><ul><li><figure><img src=/x alt=y><figcaption>z</figcaption></figure></li></ul></blockquote>",
	} {
		f.Add(s)
	}
	opt := Options{
		URL: func(u string) string { return u },
		Attachment: func(id string) (string, string, string, bool) {
			return "/m/" + id + ".jpg", "alt " + id, "<b>cap</b>", id != "2"
		},
	}
	f.Fuzz(func(t *testing.T, in string) {
		r := Convert(in, opt)
		if strings.Contains(r.Markdown, "\x00") || strings.Contains(r.Teaser, "\x00") {
			t.Fatalf("Convert(%q) leaked a marker: %q", in, r.Markdown)
		}
		checkUnsanitised(t, in, r.Markdown)
		_ = sanitize.Article(r.Markdown)
	})
}

// rawMarkdown renders Markdown as Dateline does but without the HTML
// policy, to see what Convert itself wrote.
var rawMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// checkUnsanitised fails if the Markdown, rendered without the policy,
// has an element or attribute Convert promises never to write.
func checkUnsanitised(t *testing.T, in, md string) {
	t.Helper()
	var buf bytes.Buffer
	if err := rawMarkdown.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	z := html.NewTokenizer(&buf)
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script", "style", "iframe", "object", "embed", "form", "svg", "x-dl-embed", "video", "audio":
			t.Fatalf("Convert(%q) wrote <%s>: %q", in, tok.Data, md)
		}
		for _, a := range tok.Attr {
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "class" || strings.HasPrefix(v, "javascript:") {
				t.Fatalf("Convert(%q) wrote %s=%q: %q", in, a.Key, a.Val, md)
			}
		}
	}
}
