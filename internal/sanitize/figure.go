package sanitize

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"regexp"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
)

// Media is what a body's pictures and videos are drawn from. The caller
// loads it for the keys and videos Refs finds; a nil Media renders every
// image plainly and every facade without a poster.
type Media struct {
	Files   map[string]media.Image // library entries by every key of their files
	Posters map[string]media.Image // posters of YouTube and Vimeo videos, by ExternalVideo.Key
	// The language and direction of the site's own words in the body, such
	// as "Click to see full-size image"; the story may be in another.
	Lang, Dir string
}

// An image of the media library alone on a line, written as Markdown
// ![alt](/media/key "optional caption"), becomes a figure with its sizes;
// an uploaded video written the same way becomes a player.
var (
	mediaLine = regexp.MustCompile(`(?m)^[ \t]*!\[((?:[^\]\\\n]|\\.)*)\]\([ \t]*/media/([A-Za-z0-9][A-Za-z0-9_.-]{0,200})(?:[ \t]+"((?:[^"\\\n]|\\.)*)")?[ \t]*\)[ \t]*$`)
	// The marker carries alt and title in base64url, which no Markdown rule,
	// typographic substitution or HTML policy touches.
	mediaMarker = regexp.MustCompile(`<p>DATELINEMEDIA:([A-Za-z0-9_.-]+):([A-Za-z0-9_-]*):([A-Za-z0-9_-]*)</p>`)
	// A marker that is the first thing in a figure of the body's own HTML
	// with a figcaption of its own (as imported stories have them).
	captionedMarker = regexp.MustCompile(`<figure>(\s*)<p>DATELINEMEDIA:([A-Za-z0-9_.-]+):([A-Za-z0-9_-]*):([A-Za-z0-9_-]*)</p>(\s*<figcaption>)`)
	mdEscape        = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
)

// Refs lists the media keys of the figures a body's Markdown would show and
// the YouTube and Vimeo videos it embeds: what Media needs loaded.
func Refs(md string) (keys []string, videos []media.ExternalVideo) {
	for _, m := range mediaLine.FindAllStringSubmatch(md, -1) {
		keys = append(keys, m[2])
	}
	return keys, videoRefs(md)
}

func markMedia(md string) string {
	return mediaLine.ReplaceAllStringFunc(md, func(line string) string {
		m := mediaLine.FindStringSubmatch(line)
		return "\nDATELINEMEDIA:" + m[2] + ":" + encodeWords(m[1]) + ":" + encodeWords(m[3]) + "\n"
	})
}

func encodeWords(md string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(mdEscape.ReplaceAllString(md, "$1")))
}

func decodeWords(s string) string {
	b, _ := base64.RawURLEncoding.DecodeString(s) // our own encoding: it decodes
	return strings.TrimSpace(string(b))
}

// expandMedia turns the markers back, after sanitising: every value is
// escaped here, so the HTML is ours alone.
func expandMedia(html string, m *Media) string {
	if !strings.Contains(html, "DATELINEMEDIA:") {
		return html
	}
	// In a figure that has its own caption, a library image shows that
	// caption alone, not its library caption too: it keeps only its credit.
	html = captionedMarker.ReplaceAllStringFunc(html, func(s string) string {
		parts := captionedMarker.FindStringSubmatch(s)
		key, alt := parts[2], decodeWords(parts[3])
		img, ok := m.file(key)
		if !ok || img.IsVideo() {
			return s
		}
		return "<figure>" + parts[1] + imageFigure(img, alt, "", false, m) + parts[5]
	})
	return mediaMarker.ReplaceAllStringFunc(html, func(s string) string {
		parts := mediaMarker.FindStringSubmatch(s)
		key, alt, title := parts[1], decodeWords(parts[2]), decodeWords(parts[3])
		img, ok := m.file(key)
		switch {
		case !ok:
			return plainImage(key, alt, title)
		case img.IsVideo():
			return videoFigure(img, alt, title, m)
		}
		return imageFigure(img, alt, title, true, m)
	})
}

// file is the library entry of key, if the body's media hold it.
func (m *Media) file(key string) (media.Image, bool) {
	if m == nil {
		return media.Image{}, false
	}
	img, ok := m.Files[key]
	return img, ok
}

// plainImage is what Markdown would have made of the line: the file is not
// in the library (a stray key, or an imported file kept as it was).
func plainImage(key, alt, title string) string {
	t := ""
	if title != "" {
		t = ` title="` + esc(title) + `"`
	}
	return `<p><img src="/media/` + esc(key) + `" alt="` + esc(alt) + `"` + t + `></p>`
}

// imageFigure shows a library image at the sizes the layout needs, lazily,
// with its caption and credit and a link to the full-size version that the
// viewer opens in place. The Markdown's alt text is the author's words for
// this story; the library's is used when the Markdown has none. A title in
// the Markdown replaces the library's caption; withCaption false leaves the
// caption out (the credit stays), for a figure that has its own.
func imageFigure(img media.Image, alt, title string, withCaption bool, m *Media) string {
	alt = cmpOr(alt, img.Alt)
	src := img.Sources("/media/")
	const sizes = "(min-width: 44rem) 42rem, 100vw"
	var b strings.Builder
	b.WriteString(`<figure class="inline-image"><picture>`)
	if src.WebPSrcset != "" {
		fmt.Fprintf(&b, `<source type="image/webp" srcset="%s" sizes="%s">`, esc(src.WebPSrcset), sizes)
	}
	fmt.Fprintf(&b, `<img src="%s" srcset="%s" sizes="%s" width="%d" height="%d" alt="%s" loading="lazy" decoding="async"></picture>`,
		esc(src.Src), esc(src.Srcset), sizes, img.Width, img.Height, esc(alt))
	text := cmpOr(title, img.Caption)
	if !withCaption {
		text = ""
	}
	b.WriteString(caption(text, img.Credit, m))
	fmt.Fprintf(&b, `</figure><p class="full-size"%s><a class="full-size-link" href="/media/%s" data-alt="%s">Click to see full-size image</a></p>`,
		langAttrs(m), esc(img.Path), esc(alt))
	return b.String()
}

func caption(text, credit string, m *Media) string {
	if text == "" && credit == "" {
		return ""
	}
	s := `<figcaption>` + esc(text)
	if credit != "" {
		if text != "" {
			s += " "
		}
		s += `<span class="credit"` + langAttrs(m) + `>` + esc(credit) + `</span>`
	}
	return s + `</figcaption>`
}

func langAttrs(m *Media) string {
	if m == nil || m.Lang == "" {
		return ""
	}
	s := ` lang="` + esc(m.Lang) + `"`
	if m.Dir != "" {
		s += ` dir="` + esc(m.Dir) + `"`
	}
	return s
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
