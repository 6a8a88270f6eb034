package sanitize

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
)

// A YouTube or Vimeo address alone on a line of a story becomes a
// click-to-load player: readers' browsers contact the video site only when
// they press play, and then through YouTube's privacy-enhanced host.
var (
	youtubeLine = regexp.MustCompile(`(?m)^[ \t]*https?://(?:www\.|m\.)?(?:youtube\.com/watch\?(?:[^\s]*&)?v=|youtu\.be/)([A-Za-z0-9_-]{11})[^\s]*[ \t]*$`)
	vimeoLine   = regexp.MustCompile(`(?m)^[ \t]*https?://(?:www\.)?vimeo\.com/(\d{1,12})[ \t]*$`)
	videoMarker = regexp.MustCompile(`<p>DATELINEVIDEO:(youtube|vimeo):([A-Za-z0-9_-]{1,20})</p>`)
)

// markVideos swaps each video line for a marker paragraph that the
// Markdown renderer and the HTML policy pass through as plain text.
func markVideos(md string) string {
	md = youtubeLine.ReplaceAllString(md, "\nDATELINEVIDEO:youtube:$1\n")
	return vimeoLine.ReplaceAllString(md, "\nDATELINEVIDEO:vimeo:$1\n")
}

// expandVideos turns the markers back into players, after sanitising:
// the ids are checked by the patterns above, so the HTML is ours alone.
func expandVideos(html string) string {
	if !strings.Contains(html, "DATELINEVIDEO:") {
		return html
	}
	return videoMarker.ReplaceAllStringFunc(html, func(m string) string {
		parts := videoMarker.FindStringSubmatch(m)
		return videoFacade(parts[1], parts[2])
	})
}

func videoFacade(provider, id string) string {
	var watch, embed, name string
	switch provider {
	case "youtube":
		watch, embed, name = "https://www.youtube.com/watch?v="+id, "https://www.youtube-nocookie.com/embed/"+id+"?autoplay=1", "YouTube"
	default:
		watch, embed, name = "https://vimeo.com/"+id, "https://player.vimeo.com/video/"+id+"?autoplay=1&dnt=1", "Vimeo"
	}
	return fmt.Sprintf(`<figure class="video-facade"><a class="video-play" href="%s" data-embed="%s">`+
		`<span class="video-button" aria-hidden="true"></span><span class="video-label">Play video</span>`+
		`<span class="video-note">It loads from %s only when you press play.</span></a></figure>`,
		template.HTMLEscapeString(watch), template.HTMLEscapeString(embed), name)
}
