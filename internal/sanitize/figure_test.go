package sanitize

import (
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/media"
)

func libraryImage() media.Image {
	return media.Image{ID: 7, Path: "abc-full.jpg", WebPPath: "abc-full.webp", MIME: "image/jpeg", Width: 2000, Height: 1000,
		Alt: "Library alt", Caption: "Boats <at> dawn", Credit: "Photo: A & B",
		Variants: []media.Variant{{Width: 640, Height: 320, Path: "abc-640.jpg", WebPPath: "abc-640.webp"}}}
}

func TestInlineFigures(t *testing.T) {
	t.Parallel()
	img := libraryImage()
	m := &Media{Files: map[string]media.Image{}, Lang: "en", Dir: "ltr"}
	for _, k := range img.Keys() {
		m.Files[k] = img
	}
	cases := []struct {
		name, in string
		m        *Media
		want     []string
		reject   []string
	}{
		{"library image becomes a figure", "Text.\n\n![Fishing \\[boats\\] \"moored\"](/media/abc-full.jpg)\n\nMore.", m, []string{
			`<figure class="inline-image"><picture><source type="image/webp" srcset="/media/abc-640.webp 640w, /media/abc-full.webp 2000w"`,
			`<img src="/media/abc-640.jpg" srcset="/media/abc-640.jpg 640w, /media/abc-full.jpg 2000w" sizes="(min-width: 44rem) 42rem, 100vw" width="2000" height="1000" alt="Fishing [boats] &#34;moored&#34;" loading="lazy" decoding="async">`,
			`<figcaption>Boats &lt;at&gt; dawn <span class="credit" lang="en" dir="ltr">Photo: A &amp; B</span></figcaption></figure>`,
			`<p class="full-size" lang="en" dir="ltr"><a class="full-size-link" href="/media/abc-full.jpg" data-alt="Fishing [boats] &#34;moored&#34;">Click to see full-size image</a></p>`,
			"<p>More.</p>",
		}, nil},
		{"a variant's key finds the image; a title is the caption; no alt takes the library's", `![](/media/abc-640.jpg "Our caption")`, m,
			[]string{`alt="Library alt" loading="lazy"`, "<figcaption>Our caption <span"}, []string{"Boats"}},
		{"unknown key stays a plain image", `![Alt](/media/zzz-full.jpg)`, m,
			[]string{`<p><img src="/media/zzz-full.jpg" alt="Alt"></p>`}, []string{"figure"}},
		{"no library: plain", `![Alt](/media/abc-full.jpg)`, nil,
			[]string{`<img src="/media/abc-full.jpg" alt="Alt">`}, []string{"figure", "full-size"}},
		{"other sites' images are left alone", `![Alt](https://example.org/a.jpg)`, m,
			[]string{`<img src="https://example.org/a.jpg" alt="Alt">`}, []string{"figure"}},
		{"inside a sentence stays inline", "See ![Alt](/media/abc-full.jpg) here", m,
			[]string{`<img src="/media/abc-full.jpg" alt="Alt">`}, []string{"figure"}},
		{"hostile alt is escaped", `![x" onerror="alert(1)<script>](/media/abc-full.jpg)`, m,
			[]string{`alt="x&#34; onerror=&#34;alert(1)&lt;script&gt;"`}, []string{"<script", `" onerror`}},
		{"forged marker without library entry", "DATELINEMEDIA:zzz.jpg:PHNjcmlwdD4:", m,
			[]string{`alt="&lt;script&gt;"`}, []string{"<script"}},
	}
	for _, c := range cases {
		got := string(ArticleWith(c.in, c.m))
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %s\n%s", c.name, w, got)
			}
		}
		for _, r := range c.reject {
			if strings.Contains(got, r) {
				t.Errorf("%s: has %s\n%s", c.name, r, got)
			}
		}
	}
}

func TestRefs(t *testing.T) {
	t.Parallel()
	keys, videos := Refs("![a](/media/k1-full.jpg)\n\nText ![b](/media/inline.jpg) text\n\n![c](/media/v.mp4 \"Cap\")\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nhttps://vimeo.com/76979871\n")
	if strings.Join(keys, ",") != "k1-full.jpg,v.mp4" {
		t.Errorf("keys %v", keys)
	}
	if len(videos) != 2 || videos[0].Key() != "youtube:dQw4w9WgXcQ" || videos[1].Key() != "vimeo:76979871" {
		t.Errorf("videos %v", videos)
	}
}

func TestVideoPosterInFacade(t *testing.T) {
	t.Parallel()
	poster := libraryImage()
	m := &Media{Posters: map[string]media.Image{"youtube:dQw4w9WgXcQ": poster}}
	got := string(ArticleWith("https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://vimeo.com/76979871", m))
	if !strings.Contains(got, `<a class="video-play" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"><img class="video-poster" src="/media/abc-640.jpg" srcset="/media/abc-640.jpg 640w, /media/abc-full.jpg 2000w"`) {
		t.Errorf("YouTube facade without its poster:\n%s", got)
	}
	if strings.Count(got, "video-poster") != 1 {
		t.Errorf("the Vimeo video, without a poster, shows one anyway:\n%s", got)
	}
}

func TestUploadedVideo(t *testing.T) {
	t.Parallel()
	poster := libraryImage()
	v := media.Image{ID: 9, Path: "def.mp4", MIME: "video/mp4", Width: 1920, Height: 1080, SizeBytes: 12 << 20,
		Caption: "Flood waters", Credit: "Video: C", Poster: &poster}
	m := &Media{Files: map[string]media.Image{"def.mp4": v}}
	got := string(ArticleWith("![Flood waters rising in the square](/media/def.mp4)", m))
	for _, want := range []string{
		`<figure class="inline-video"><video controls preload="none" poster="/media/abc-640.jpg" width="1920" height="1080" aria-label="Flood waters rising in the square">`,
		`<source src="/media/def.mp4" type="video/mp4">`,
		`<a href="/media/def.mp4" download>Download the video (MP4, 12.0 MB)</a></video>`,
		`<figcaption>Flood waters <span class="credit">Video: C</span></figcaption></figure>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %s\n%s", want, got)
		}
	}
	v.Poster, v.Width, v.Height = nil, 0, 0
	m.Files["def.mp4"] = v
	got = string(ArticleWith("![Flood](/media/def.mp4)", m))
	if strings.Contains(got, "poster=") || !strings.Contains(got, `width="1280" height="720"`) {
		t.Errorf("video without poster or size:\n%s", got)
	}
}

// TestFigureWithItsOwnCaption: a library image in a figure of the body's
// own HTML with its own caption (an imported WordPress caption with a
// link) shows that caption once, and the library's credit, not the
// library's caption as well.
func TestFigureWithItsOwnCaption(t *testing.T) {
	t.Parallel()
	img := libraryImage()
	m := &Media{Files: map[string]media.Image{}, Lang: "en", Dir: "ltr"}
	for _, k := range img.Keys() {
		m.Files[k] = img
	}
	in := "<figure>\n\n![Boats](/media/abc-full.jpg)\n\n<figcaption>Boats at dawn, by <a href=\"https://example.org/ana\">Ana</a></figcaption>\n</figure>"
	got := string(ArticleWith(in, m))
	for _, w := range []string{`<figure class="inline-image"><picture>`, `<figcaption><span class="credit" lang="en" dir="ltr">Photo: A &amp; B</span></figcaption>`,
		`<figcaption>Boats at dawn, by <a href="https://example.org/ana"`} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %s\n%s", w, got)
		}
	}
	if strings.Contains(got, "Boats &lt;at&gt; dawn") {
		t.Errorf("the library's caption shows as well\n%s", got)
	}
	if n := strings.Count(got, "<figcaption>"); n != 2 {
		t.Errorf("%d figcaptions, want the credit's and the story's\n%s", n, got)
	}
}
