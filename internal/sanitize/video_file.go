package sanitize

import (
	"fmt"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
)

// videoFigure plays an uploaded video file in the browser's own player,
// fetching nothing until the reader presses play (preload="none"), over
// the poster the editor chose. The Markdown's alt text names the video for
// screen readers; browsers that cannot play it offer the file instead.
func videoFigure(v media.Image, alt, title string, m *Media) string {
	w, h := v.Width, v.Height
	poster := ""
	if v.Poster != nil {
		poster = ` poster="/media/` + esc(v.Poster.Sources("").Src) + `"`
		if w == 0 || h == 0 {
			w, h = v.Poster.Width, v.Poster.Height
		}
	}
	if w == 0 || h == 0 {
		w, h = 1280, 720 // unknown: the usual shape, so the page does not jump
	}
	url := "/media/" + esc(v.Path)
	label := ""
	if alt = cmpOr(alt, v.Alt); alt != "" {
		label = ` aria-label="` + esc(alt) + `"`
	}
	kind := strings.ToUpper(strings.TrimPrefix(v.MIME, "video/"))
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="inline-video"><video controls preload="none"%s width="%d" height="%d"%s>`, poster, w, h, label)
	fmt.Fprintf(&b, `<source src="%s" type="%s">`, url, esc(v.MIME))
	fmt.Fprintf(&b, `<a href="%s" download>Download the video (%s, %s)</a></video>`, url, esc(kind), megabytes(v.SizeBytes))
	b.WriteString(caption(cmpOr(title, v.Caption), v.Credit, m))
	fmt.Fprintf(&b, `</figure><p class="video-download"%s><a href="%s" download>Download the video (%s, %s)</a></p>`,
		langAttrs(m), url, esc(kind), megabytes(v.SizeBytes))
	return b.String()
}

func megabytes(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", max(1, (n+512)>>10))
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
