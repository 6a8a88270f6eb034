package markup

import (
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/media"
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

// TestLibraryVideos converts uploaded videos that Options.Video finds in
// the media library (a shortcode, a block with a caption, an element in
// kept HTML) and renders them as the site does, with the library entry:
// each must be the player Dateline shows for a video uploaded at the desk.
// Videos the library lacks stay links, with a warning.
func TestLibraryVideos(t *testing.T) {
	t.Parallel()
	const key = "0123456789abcdef0123.mp4"
	library := func(src, poster string) (string, bool) {
		if strings.HasSuffix(src, "/clip.mp4") {
			return "/media/" + key, true
		}
		return "", false
	}
	lib := &sanitize.Media{Files: map[string]media.Image{key: {Path: key, MIME: "video/mp4", SizeBytes: 3 << 20}}}
	cases := []struct {
		name, in, md string
		html         []string
		warnings     []string
	}{
		{"shortcode", `Before.` + "\n\n" + `[video width="640" height="360" mp4="https://news.example.org/wp-content/uploads/2026/08/clip.mp4"][/video]`,
			"Before.\n\n![](/media/" + key + ")",
			[]string{`<figure class="inline-video"><video controls preload="none"`, `<source src="/media/` + key + `" type="video/mp4">`}, nil},
		{"block with a caption", `<!-- wp:video {"id":9} --><figure class="wp-block-video"><video controls src="/wp-content/uploads/2026/08/clip.mp4"></video><figcaption class="wp-element-caption">The "ferry" at \dawn</figcaption></figure><!-- /wp:video -->`,
			`![](/media/` + key + ` "The \"ferry\" at \\dawn")`,
			[]string{`<source src="/media/` + key + `"`, `<figcaption>The &#34;ferry&#34; at \dawn</figcaption>`}, nil},
		{"block with a linked caption", `<figure class="wp-block-video"><video src="/wp-content/uploads/clip.mp4"></video><figcaption>By <a href="https://example.org">us</a></figcaption></figure>`,
			"<figure>\n\n![](/media/" + key + ")\n\n<figcaption>By <a href=\"https://example.org\">us</a></figcaption>\n</figure>",
			[]string{`<source src="/media/` + key + `"`}, nil},
		{"element with sources", `<video controls><source src="/wp-content/uploads/clip.mp4" type="video/mp4"></video>`,
			"![](/media/" + key + ")", []string{`<video controls preload="none"`}, nil},
		{"not in the library", `[video mp4="https://news.example.org/wp-content/uploads/2026/08/gone.mp4"][/video]`,
			"[Video: gone.mp4](https://news.example.org/wp-content/uploads/2026/08/gone.mp4)",
			[]string{`<a href="https://news.example.org/wp-content/uploads/2026/08/gone.mp4"`},
			[]string{"video gone.mp4 kept as a link: it is not a video file of the media library"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			r := Convert(c.in, Options{Video: library})
			if r.Markdown != c.md {
				t.Errorf("Markdown %q, want %q", r.Markdown, c.md)
			}
			if strings.Join(r.Warnings, "|") != strings.Join(c.warnings, "|") {
				t.Errorf("warnings %q, want %q", r.Warnings, c.warnings)
			}
			got := string(sanitize.ArticleWith(r.Markdown, lib))
			for _, w := range c.html {
				if !strings.Contains(got, w) {
					t.Errorf("HTML lacks %q:\n%s", w, got)
				}
			}
		})
	}
}
