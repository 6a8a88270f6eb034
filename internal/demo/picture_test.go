package demo

import (
	"bytes"
	"fmt"
	"image"
	"strings"
	"testing"
)

func TestPictureAllScenesAndPalettes(t *testing.T) {
	sizes := []image.Point{{640, 360}, {1280, 720}}
	if testing.Short() {
		sizes = sizes[:1]
	}
	for _, scene := range Scenes {
		for pal := range NumPalettes {
			for _, sz := range sizes {
				t.Run(fmt.Sprintf("%s/%d/%dx%d", scene, pal, sz.X, sz.Y), func(t *testing.T) {
					img := Picture(scene, pal, sz.X, sz.Y)
					if got, want := img.Bounds(), image.Rect(0, 0, sz.X, sz.Y); got != want {
						t.Fatalf("bounds = %v, want %v", got, want)
					}
					if n := distinctColours(img); n < 500 {
						t.Errorf("only %d distinct colours; the picture looks flat", n)
					}
				})
			}
		}
	}
}

func TestPictureOddSizesAndInputs(t *testing.T) {
	for _, tc := range []struct {
		scene     string
		pal, w, h int
	}{
		{"city", 0, 1, 1},
		{"crowd", 3, 7, 300},
		{"sea", 2, 300, 7},
		{"market", 5, 400, 400},
		{"no-such-scene", 0, 64, 36},
		{"fields", -1, 64, 36},
		{"mountains", 99, 64, 36},
	} {
		img := Picture(tc.scene, tc.pal, tc.w, tc.h)
		if got, want := img.Bounds(), image.Rect(0, 0, tc.w, tc.h); got != want {
			t.Errorf("Picture(%q, %d, %d, %d) bounds = %v, want %v", tc.scene, tc.pal, tc.w, tc.h, got, want)
		}
	}
	for _, sz := range [][2]int{{0, 0}, {0, 10}, {-5, 10}} {
		if b := Picture("city", 0, sz[0], sz[1]).Bounds(); !b.Empty() {
			t.Errorf("Picture with size %v: bounds %v, want empty", sz, b)
		}
	}
}

func TestPictureDeterministic(t *testing.T) {
	for _, scene := range Scenes {
		a, b := encode(t, Picture(scene, 2, 640, 360)), encode(t, Picture(scene, 2, 640, 360))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", scene)
		}
	}
}

func TestPicturesDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, scene := range Scenes {
		for pal := range NumPalettes {
			key := string(encode(t, Picture(scene, pal, 160, 90)))
			name := fmt.Sprintf("%s/%d", scene, pal)
			if other, ok := seen[key]; ok {
				t.Errorf("%s renders the same as %s", name, other)
			}
			seen[key] = name
		}
	}
}

func TestEncodeJPEG(t *testing.T) {
	b := encode(t, Picture("sea", 1, 320, 180))
	if len(b) < 1000 || !bytes.HasPrefix(b, []byte{0xff, 0xd8}) {
		t.Fatalf("not a plausible JPEG: %d bytes", len(b))
	}
}

func BenchmarkPicture(b *testing.B) {
	for _, scene := range Scenes {
		b.Run(scene, func(b *testing.B) {
			for b.Loop() {
				Picture(scene, 1, 1280, 720)
			}
		})
	}
}

func encode(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := EncodeJPEG(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func distinctColours(img image.Image) int {
	seen := map[uint32]struct{}{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = struct{}{}
		}
	}
	return len(seen)
}

func TestContent(t *testing.T) {
	if len(authors) != 2 {
		t.Errorf("%d authors, want 2", len(authors))
	}
	if len(sections) != 3 {
		t.Errorf("%d sections, want 3", len(sections))
	}
	if len(articles) != 14 {
		t.Errorf("%d articles, want 14", len(articles))
	}
	if len(pages) != 3 {
		t.Errorf("%d pages, want 3", len(pages))
	}

	authorSlugs := map[string]bool{}
	for _, a := range authors {
		if a.Name == "" || a.Slug == "" || a.Bio == "" {
			t.Errorf("author %+v has an empty field", a)
		}
		authorSlugs[a.Slug] = true
	}
	sectionSlugs := map[string]bool{}
	for _, s := range sections {
		if s.Name == "" || s.Slug == "" || s.Description == "" {
			t.Errorf("section %+v has an empty field", s)
		}
		sectionSlugs[s.Slug] = true
	}
	for _, slug := range []string{"world", "afghanistan", "climate"} {
		if !sectionSlugs[slug] {
			t.Errorf("no section %q", slug)
		}
	}

	scenes := map[string]bool{}
	for _, s := range Scenes {
		scenes[s] = true
	}
	leads, headlines, langs := 0, map[string]bool{}, map[string]int{}
	for _, a := range articles {
		name := a.Headline
		if a.Lead {
			leads++
		}
		if headlines[a.Headline] {
			t.Errorf("duplicate headline %q", name)
		}
		headlines[a.Headline] = true
		for field, v := range map[string]string{
			"headline": a.Headline, "standfirst": a.Standfirst, "body": a.Body, "dateline": a.Dateline,
			"alt": a.Picture.Alt, "caption": a.Picture.Caption, "credit": a.Picture.Credit,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%q: empty %s", name, field)
			}
		}
		if !sectionSlugs[a.Section] {
			t.Errorf("%q: unknown section %q", name, a.Section)
		}
		if len(a.Authors) == 0 {
			t.Errorf("%q: no authors", name)
		}
		for _, s := range a.Authors {
			if !authorSlugs[s] {
				t.Errorf("%q: unknown author %q", name, s)
			}
		}
		if n := len(a.Tags); n < 2 || n > 4 {
			t.Errorf("%q: %d tags, want 2-4", name, n)
		}
		if !scenes[a.Picture.Scene] {
			t.Errorf("%q: unknown scene %q", name, a.Picture.Scene)
		}
		if a.Picture.Palette < 0 || a.Picture.Palette >= NumPalettes {
			t.Errorf("%q: palette %d out of range", name, a.Picture.Palette)
		}
		if a.HoursAgo < 2 || a.HoursAgo > 500 {
			t.Errorf("%q: published %d hours ago, want 2-500", name, a.HoursAgo)
		}
		langs[a.Language]++
		switch a.Language {
		case "en":
			if n := len(strings.Fields(a.Body)); n < 200 {
				t.Errorf("%q: body has %d words, want at least 200", name, n)
			}
		case "fa-AF", "ps":
			if !hasArabicScript(a.Headline) {
				t.Errorf("%q: %s headline is not in Arabic script", name, a.Language)
			}
		default:
			t.Errorf("%q: language %q, want en, fa-AF or ps", name, a.Language)
		}
	}
	if leads != 1 {
		t.Errorf("%d lead articles, want exactly 1", leads)
	}
	if langs["en"] != 12 || langs["fa-AF"] != 1 || langs["ps"] != 1 {
		t.Errorf("languages = %v, want 12 en, 1 fa-AF, 1 ps", langs)
	}

	pageSlugs := map[string]bool{}
	for _, p := range pages {
		if p.Title == "" || strings.TrimSpace(p.Body) == "" {
			t.Errorf("page %q has an empty title or body", p.Slug)
		}
		pageSlugs[p.Slug] = true
	}
	for _, slug := range []string{"about", "contact", "support"} {
		if !pageSlugs[slug] {
			t.Errorf("no page %q", slug)
		}
	}
}

func hasArabicScript(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}
