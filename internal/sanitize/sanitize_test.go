package sanitize

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/datelinenews/dateline/internal/media"
)

func TestArticle(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in     string
		want, reject []string
	}{
		{"paragraphs and emphasis", "Hello **world**.\n\nSecond.", []string{"<p>Hello <strong>world</strong>.</p>", "<p>Second.</p>"}, nil},
		{"heading and quote", "## Aftermath\n\n> We will rebuild.", []string{"<h2", "Aftermath</h2>", "<blockquote>"}, nil},
		{"script dropped", "Text <script>alert(1)</script>", []string{"Text"}, []string{"<script", "alert(1)"}},
		{"event handler dropped", `<img src="/a.jpg" alt="x" onerror="alert(1)">`, []string{`<img src="/a.jpg" alt="x"`}, []string{"onerror"}},
		{"javascript link dropped", "[click](javascript:alert(1))", []string{"click"}, []string{"javascript:"}},
		{"figure kept", `<figure><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>`, []string{"<figure>", "<figcaption>Cap</figcaption>"}, nil},
		{"rtl kept", `<p dir="rtl" lang="fa-AF">سلام</p>`, []string{`dir="rtl"`, `lang="fa-AF"`}, nil},
		{"style dropped", `<p style="color:red">x</p><style>p{}</style>`, []string{"<p>x</p>"}, []string{"style"}},
		{"iframe dropped", `<iframe src="https://example.com"></iframe>`, nil, []string{"iframe"}},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", []string{"<table>", "<td>1</td>"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := string(Article(c.in))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("Article(%q) = %q, want it to contain %q", c.in, got, w)
				}
			}
			for _, r := range c.reject {
				if strings.Contains(got, r) {
					t.Errorf("Article(%q) = %q, must not contain %q", c.in, got, r)
				}
			}
		})
	}
}

func TestPlain(t *testing.T) {
	t.Parallel()
	got := Plain("A **bold** [link](/x) <b>tag</b>")
	if strings.ContainsAny(got, "<>*[]") {
		t.Errorf("Plain left markup: %q", got)
	}
	if !strings.Contains(got, "bold") || !strings.Contains(got, "link") {
		t.Errorf("Plain lost words: %q", got)
	}
}

// FuzzArticle checks the invariant that matters: whatever the input, no
// script, frame, event handler or javascript: URL reaches the page.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{"<script>x</script>", `<a href="javascript:x">y</a>`, `<img src=x onerror=alert(1)>`,
		"# h\n\n*a*", `<svg onload=alert(1)>`, "[a](java\tscript:alert(1))", `<iframe srcdoc="<script>">`, "javascript: as text",
		"![a\\\"><script>](/media/abc-full.jpg \"t<script>\")", "![v](/media/def.mp4)\n\nhttps://youtu.be/dQw4w9WgXcQ"} {
		f.Add(s)
	}
	// Bodies are also rendered with library images, a video file and a poster.
	img := libraryImage()
	video := media.Image{Path: "def.mp4", MIME: "video/mp4", Caption: `"><script>`, Poster: &img}
	lib := &Media{Files: map[string]media.Image{"abc-full.jpg": img, "def.mp4": video},
		Posters: map[string]media.Image{"youtube:dQw4w9WgXcQ": img}, Lang: "en", Dir: "ltr"}
	f.Fuzz(func(t *testing.T, in string) {
		out := string(Article(in)) + string(ArticleWith(in, lib))
		z := html.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "style", "svg", "object", "embed", "form":
				t.Fatalf("Article(%q) let <%s> through: %q", in, tok.Data, out)
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
					t.Fatalf("Article(%q) let %s=%q through: %q", in, a.Key, a.Val, out)
				}
			}
		}
	})
}
