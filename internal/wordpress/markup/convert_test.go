package markup

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type convertCase struct {
	name, in, want string
	warnings       []string
}

func runCases(t *testing.T, cases []convertCase, opt Options) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := Convert(c.in, opt)
			if diff := cmp.Diff(c.want, got.Markdown); diff != "" {
				t.Errorf("Convert(%q) Markdown (-want +got):\n%s", c.in, diff)
			}
			if diff := cmp.Diff(c.warnings, got.Warnings); diff != "" {
				t.Errorf("Convert(%q) warnings (-want +got):\n%s", c.in, diff)
			}
		})
	}
}

func TestClassic(t *testing.T) {
	t.Parallel()
	runCases(t, []convertCase{
		{name: "autop paragraphs and line breaks", in: "First line\nsecond line.\n\nNew paragraph.",
			want: "First line\\\nsecond line.\n\nNew paragraph."},
		{name: "br before a newline is one break", in: "12 Harbor Street<br />\nPort Arden\n<br>Land", want: "12 Harbor Street\\\nPort Arden\\\n\\\nLand"},
		{name: "explicit paragraphs", in: "<p>One</p>\n<p>Two &amp; three</p>", want: "One\n\nTwo & three"},
		{name: "headings", in: "<h2>Background</h2>\n<h3>Issue #</h3>\nText", want: "## Background\n\n### Issue \\#\n\nText"},
		{name: "emphasis", in: "A <strong>bold</strong> and <em>light</em> and <b>b</b> <i>i</i> word.",
			want: "A **bold** and *light* and **b** *i* word."},
		{name: "spaces move outside emphasis", in: "Say<strong> this </strong>now", want: "Say **this** now"},
		{name: "emphasis that markers cannot express", in: `word<em>"quoted"</em>`, want: `word<em>"quoted"</em>`},
		{name: "nested emphasis once", in: "<em>a <i>b</i> c</em>", want: "*a b c*"},
		{name: "strikethrough", in: "<del>old</del> new", want: "~~old~~ new"},
		{name: "link", in: `See <a href="https://example.org/a b(c)">the report</a>.`, want: "See [the report](https://example.org/a%20b%28c%29)."},
		{name: "javascript link keeps its text", in: `<a href="javascript:alert(1)">click</a>`, want: "click"},
		{name: "mailto link", in: `<a href="mailto:desk@example.org">write</a>`, want: "[write](mailto:desk@example.org)"},
		{name: "unordered list", in: "<ul>\n<li>One</li>\n<li>Two</li>\n</ul>", want: "- One\n- Two"},
		{name: "ordered list with start", in: `<ol start="3"><li>Three</li><li>Four</li></ol>`, want: "3. Three\n4. Four"},
		{name: "nested list", in: "<ul><li>A<ul><li>A1</li><li>A2</li></ul></li><li>B</li></ul>",
			want: "- A\n  - A1\n  - A2\n- B"},
		{name: "list nested the classic editor way", in: "<ol><li>A</li><ul><li>A1</li></ul><li>B</li></ol>",
			want: "1. A\n   - A1\n2. B"},
		{name: "two lists in a row stay two", in: "<ul><li>a</li></ul><ul><li>b</li></ul>", want: "- a\n\n* b"},
		{name: "blockquote with paragraphs", in: "<blockquote>First.\n\nSecond.</blockquote>", want: "> First.\n>\n> Second."},
		{name: "blockquote with cite", in: "<blockquote><p>Words.</p><cite>Someone</cite></blockquote>",
			want: "> Words.\n>\n> — Someone"},
		{name: "image", in: `<img class="alignnone wp-image-5" src="https://news.example.org/wp-content/uploads/2026/08/a-1024x683.jpg" alt="A [crowd]" width="1024" height="683" />`,
			want: `![A \[crowd\]](https://news.example.org/wp-content/uploads/2026/08/a-1024x683.jpg)`},
		{name: "linked image", in: `<a href="https://example.org/full.jpg"><img src="https://example.org/small.jpg" alt="x"></a>`,
			want: "[![x](https://example.org/small.jpg)](https://example.org/full.jpg)"},
		{name: "lazy image", in: `<img src="data:image/gif;base64,R0lGOD" data-src="https://example.org/a.jpg" alt="a">`,
			want: "![a](https://example.org/a.jpg)"},
		{name: "image without source", in: `<img alt="lost">Text`, want: "Text", warnings: []string{"image without a usable source dropped"}},
		{name: "figure with caption", in: `<figure><img src="/a.jpg" alt="A"><figcaption>The <em>caption</em> <a href="https://example.org" onclick="x()">credit</a></figcaption></figure>`,
			want: "<figure>\n\n![A](/a.jpg)\n\n<figcaption>The <em>caption</em> <a href=\"https://example.org\">credit</a></figcaption>\n</figure>"},
		{name: "figure without caption", in: `<figure><img src="/a.jpg" alt="A"></figure>`, want: "![A](/a.jpg)"},
		{name: "simple table", in: "<table><thead><tr><th>Area</th><th align=\"right\">Change</th></tr></thead><tbody><tr><td>North | South</td><td>5%</td></tr><tr><td>East<br>West</td></tr></tbody></table>",
			want: "| Area | Change |\n| --- | ---: |\n| North \\| South | 5% |\n| East<br>West |  |"},
		{name: "table without header kept as HTML", in: `<table style="width:100%"><tr><td class="x">1</td><td>2</td></tr></table>`,
			want: "<table><tbody><tr><td>1</td><td>2</td></tr>\n</tbody>\n</table>"},
		{name: "table with merged cells kept as HTML", in: `<table><tr><th>a</th><th>b</th></tr><tr><td colspan="2" onclick="x">wide</td></tr></table>`,
			want: "<table><tbody><tr><th>a</th><th>b</th></tr>\n<tr><td colspan=\"2\">wide</td></tr>\n</tbody>\n</table>"},
		{name: "inline code", in: "Run <code>go test</code> and <code>a`b</code>.", want: "Run `go test` and ``a`b``."},
		{name: "preformatted", in: "<pre><code class=\"language-go\">x := 1\n\nfmt.Println(x)</code></pre>", want: "```go\nx := 1\n\nfmt.Println(x)\n```"},
		{name: "address alone in pre stays code", in: "<pre>curl\nhttps://example.org/x\n</pre>", want: "```\ncurl\nhttps://example.org/x\n```"},
		{name: "pre keeps its newlines in autop", in: "<pre>a\nb</pre>", want: "```\na\nb\n```"},
		{name: "rule", in: "Above\n<hr />\nBelow", want: "Above\n\n---\n\nBelow"},
		{name: "more tag dropped", in: "Intro.\n\n<!--more-->\n\nRest.", want: "Intro.\n\nRest."},
		{name: "entities", in: "Caf&eacute; &lt;b&gt; &#8220;q&#8221; &amp;copy; 5 &gt; 3", want: "Café \\<b> “q” \\&copy; 5 > 3"},
		{name: "markdown characters are text", in: "*not bold* _nor this_ [nor](this)\n# not a heading\n1. not a list\n- nor this",
			want: "\\*not bold\\* \\_nor this\\_ \\[nor\\](this)\\\n\\# not a heading\\\n1\\. not a list\\\n\\- nor this"},
		{name: "nbsp paragraph dropped", in: "<p>&nbsp;</p>\n<p>Text</p>", want: "Text"},
		{name: "script and style removed", in: "<p style=\"color:red\" onclick=\"x()\">Safe</p><script>alert(1)</script><style>p{}</style>",
			want: "Safe", warnings: []string{"script removed", "style sheet removed"}},
		{name: "youtube line", in: "Watch:\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nThen.", want: "Watch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nThen."},
		{name: "other url alone on a line is a link", in: "https://example.org/story_1", want: "[https://example.org/story\\_1](https://example.org/story_1)"},
		{name: "youtube iframe", in: `<iframe width="560" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"></iframe>`,
			want: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		{name: "other iframe", in: `<iframe src="https://maps.example.com/embed?x=1"></iframe>`,
			want: "[https://maps.example.com/embed?x=1](https://maps.example.com/embed?x=1)", warnings: []string{"iframe from maps.example.com replaced by a link"}},
		{name: "bold from a style", in: `<span style="font-weight: 700">Loud</span> quiet`, want: "**Loud** quiet"},
		{name: "superscript kept", in: "E = mc<sup>2</sup>", want: "E = mc<sup>2</sup>"},
		{name: "definition list kept as HTML", in: "<dl><dt>Term</dt><dd>Meaning</dd></dl>", want: "<dl><dt>Term</dt>\n<dd>Meaning</dd>\n</dl>"},
		{name: "empty list writes nothing", in: "A<ul></ul><table></table>B", want: "A\n\nB"},
		{name: "span around a div", in: "<span><div>Inside</div></span>", want: "Inside"},
	}, Options{})
}

func TestShortcodes(t *testing.T) {
	t.Parallel()
	attachments := map[string][3]string{
		"20": {"https://news.example.org/wp-content/uploads/2026/08/a.jpg", "Alt A", "Caption <em>A</em>"},
		"21": {"https://news.example.org/wp-content/uploads/2026/08/b.jpg", "Alt B", ""},
	}
	opt := Options{Attachment: func(id string) (string, string, string, bool) {
		a, ok := attachments[id]
		return a[0], a[1], a[2], ok
	}}
	runCases(t, []convertCase{
		{name: "caption", in: `[caption id="attachment_7" align="aligncenter" width="1024"]<img class="size-large" src="https://news.example.org/wp-content/uploads/2026/08/x-1024x683.jpg" alt="view" width="1024" height="683" /> A view of Halvik.[/caption]`,
			want: "<figure>\n\n![view](https://news.example.org/wp-content/uploads/2026/08/x-1024x683.jpg)\n\n<figcaption>A view of Halvik.</figcaption>\n</figure>"},
		{name: "caption around a linked image", in: `[caption width="300"]<a href="/full.jpg"><img src="/s.jpg" alt="s"></a> Cap[/caption]`,
			want: "<figure>\n\n[![s](/s.jpg)](/full.jpg)\n\n<figcaption>Cap</figcaption>\n</figure>"},
		{name: "old caption attribute", in: `[caption caption="Old style"]<img src="/s.jpg" alt="s">[/caption]`,
			want: "<figure>\n\n![s](/s.jpg)\n\n<figcaption>Old style</figcaption>\n</figure>"},
		{name: "embed", in: "Before\n\n[embed]https://vimeo.com/72286537[/embed]\n\nAfter", want: "Before\n\nhttps://vimeo.com/72286537\n\nAfter"},
		{name: "embed of a non-video", in: "[embed]https://example.org/post[/embed]", want: "[https://example.org/post](https://example.org/post)"},
		{name: "video", in: `[video width="640" mp4="https://news.example.org/wp-content/uploads/clip.mp4"][/video]`,
			want: "[Video: clip.mp4](https://news.example.org/wp-content/uploads/clip.mp4)"},
		{name: "audio", in: `[audio src="https://news.example.org/a/talk.mp3"]`, want: "[Audio: talk.mp3](https://news.example.org/a/talk.mp3)"},
		{name: "gallery", in: `[gallery columns="3" link="file" ids="20,21"]`,
			want: "<figure>\n\n![Alt A](https://news.example.org/wp-content/uploads/2026/08/a.jpg)\n\n<figcaption>Caption <em>A</em></figcaption>\n</figure>\n\n![Alt B](https://news.example.org/wp-content/uploads/2026/08/b.jpg)"},
		{name: "gallery with a missing image", in: `[gallery ids="21, 99"]`, want: "![Alt B](https://news.example.org/wp-content/uploads/2026/08/b.jpg)",
			warnings: []string{"an image of a [gallery] is not among the attachments and was left out"}},
		{name: "plugin shortcodes", in: "Write to us.\n\n[contact-form-7 id=\"42\" title=\"Contact form\"]\n\n[donation_form id=\"3\"]\n\n[contact-form-7 id=\"43\"]",
			want: "Write to us.", warnings: []string{"shortcode [contact-form-7] removed", "shortcode [donation_form] removed"}},
		{name: "enclosing plugin shortcode keeps its text", in: "[su_note color=\"#f00\"]Important[/su_note]", want: "Important",
			warnings: []string{"shortcode [su_note] removed"}},
		{name: "unclosed inside an enclosing shortcode may close later", in: "[a-b x=\"1\"][c-d]in[/a-b] [c-d]t[/c-d]", want: "in t",
			warnings: []string{"shortcode [a-b] removed", "shortcode [c-d] removed"}},
		{name: "names are case-sensitive", in: "[Caption]", want: "\\[Caption\\]"},
		{name: "jetpack youtube", in: "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ&w=640]", want: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		{name: "jetpack vimeo id", in: "[vimeo 72286537 w=400]", want: "https://vimeo.com/72286537"},
		{name: "brackets that are text", in: "He said [sic] it [Updated 3pm].", want: "He said \\[sic\\] it \\[Updated 3pm\\]."},
		{name: "escaped shortcode", in: "Type [[gallery]] to show images.", want: "Type \\[gallery\\] to show images."},
		{name: "curly quotes in attributes", in: "[gallery ids=\u201d21\u201d]", want: "![Alt B](https://news.example.org/wp-content/uploads/2026/08/b.jpg)"},
	}, opt)
	if r := Convert(`[gallery ids="1"]`, Options{}); r.Markdown != "" || len(r.Warnings) != 1 {
		t.Errorf("gallery without attachments = %+v, want nothing and a warning", r)
	}
}

func TestURLMapping(t *testing.T) {
	t.Parallel()
	var seen []string
	opt := Options{URL: func(u string) string {
		seen = append(seen, u)
		return strings.Replace(u, "https://news.example.org/", "/", 1)
	}}
	in := `<a href="https://news.example.org/2026/08/06/story/">story</a> <img src="https://news.example.org/wp-content/uploads/2026/08/p-300x200.jpg" alt="p">` +
		"\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ"
	got := Convert(in, opt).Markdown
	want := "[story](/2026/08/06/story/) ![p](/wp-content/uploads/2026/08/p-300x200.jpg)\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ"
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
	if len(seen) != 2 || seen[1] != "https://news.example.org/wp-content/uploads/2026/08/p-300x200.jpg" {
		t.Errorf("URL saw %q, want the link and the size-suffixed image as they are", seen)
	}
}

func TestTeaser(t *testing.T) {
	t.Parallel()
	r := Convert("Intro <em>text</em>.\n<!--more-->\nThe rest.\n\n<!--more-->\nEnd.", Options{})
	if r.Teaser != "Intro *text*." || r.Markdown != "Intro *text*.\n\nThe rest.\n\nEnd." {
		t.Errorf("got teaser %q, markdown %q", r.Teaser, r.Markdown)
	}
	if r := Convert("No tag.", Options{}); r.Teaser != "" {
		t.Errorf("teaser without a more tag = %q, want empty", r.Teaser)
	}
}

// TestCaptionsOfLibraryPhotos: a photo that came into the media library
// shows the post's caption in place of the library's own, as WordPress
// shows it; a caption with markup a title cannot hold keeps the figure.
func TestCaptionsOfLibraryPhotos(t *testing.T) {
	t.Parallel()
	opt := Options{URL: func(u string) string {
		if strings.HasSuffix(u, "/2026/08/lib.jpg") {
			return "/media/lib-full.jpg"
		}
		return u
	}}
	runCases(t, []convertCase{
		{name: "caption of a library photo", in: `[caption width="1024"]<img src="https://news.example.org/wp-content/uploads/2026/08/lib.jpg" alt="view" /> A "view" of Halvik.[/caption]`,
			want: `![view](/media/lib-full.jpg "A \"view\" of Halvik.")`},
		{name: "caption with a link around a library photo", in: `[caption width="1024"]<img src="https://news.example.org/wp-content/uploads/2026/08/lib.jpg" alt="view" /> By <a href="https://example.org">Ana</a>[/caption]`,
			want: "<figure>\n\n![view](/media/lib-full.jpg)\n\n<figcaption>By <a href=\"https://example.org\">Ana</a></figcaption>\n</figure>"},
	}, opt)
}
