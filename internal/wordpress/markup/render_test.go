package markup

import (
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/sanitize"
)

// TestRendered checks that the Markdown conventions come out of Dateline's
// own renderer as the story needs them: figures with captions, players,
// tables, links to files.
func TestRendered(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		want     []string
	}{
		{"captioned image", `[caption]<img src="/a.jpg" alt="A crowd"> The crowd, <a href="https://example.org/p">photo</a>[/caption]`,
			[]string{"<figure>", `<img src="/a.jpg" alt="A crowd">`, `<figcaption>The crowd, <a href="https://example.org/p">photo</a></figcaption>`, "</figure>"}},
		{"image block", `<!-- wp:image --><figure class="wp-block-image"><img src="/b.jpg" alt="B"/><figcaption class="wp-element-caption">Cap</figcaption></figure><!-- /wp:image -->`,
			[]string{`<img src="/b.jpg" alt="B">`, "<figcaption>Cap</figcaption>"}},
		{"gallery block", `<!-- wp:gallery --><figure class="wp-block-gallery"><!-- wp:image --><figure class="wp-block-image"><img src="/1.jpg" alt="1"/></figure><!-- /wp:image --><!-- wp:image --><figure class="wp-block-image"><img src="/2.jpg" alt="2"/></figure><!-- /wp:image --></figure><!-- /wp:gallery -->`,
			[]string{`<p><img src="/1.jpg" alt="1"></p>`, `<p><img src="/2.jpg" alt="2"></p>`}},
		{"youtube", "Text\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nMore", []string{`class="video-facade"`, "youtube-nocookie.com/embed/dQw4w9WgXcQ"}},
		{"vimeo shortcode", "[embed]https://vimeo.com/72286537[/embed]", []string{`class="video-facade"`, "player.vimeo.com/video/72286537"}},
		{"uploaded video", `[video mp4="/v/clip.mp4"][/video]`, []string{`<a href="/v/clip.mp4"`, "Video: clip.mp4</a>"}},
		{"table", "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>", []string{"<table>", "<th>A</th>", "<td>1</td>"}},
		{"complex table", `<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>`, []string{`<td rowspan="2">a</td>`}},
		{"hard breaks", "One\nTwo", []string{"<p>One<br>\nTwo</p>"}},
		{"nested list", "<ul><li>A<ul><li>B</li></ul></li></ul>", []string{"<li>A\n<ul>\n<li>B</li>"}},
		{"text that looks like markup", "&lt;b&gt;not bold&lt;/b&gt; *nor this*", []string{"&lt;b&gt;not bold&lt;/b&gt; *nor this*"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			md := Convert(c.in, Options{}).Markdown
			got := string(sanitize.Article(md))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q\n→ Markdown %q\n→ HTML %q\nlacks %q", c.in, md, got, w)
				}
			}
		})
	}
}
