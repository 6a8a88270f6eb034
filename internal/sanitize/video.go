package sanitize

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
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

// videoRefs lists the videos markVideos would turn into players.
func videoRefs(md string) []media.ExternalVideo {
	var refs []media.ExternalVideo
	for _, m := range youtubeLine.FindAllStringSubmatch(md, -1) {
		refs = append(refs, media.ExternalVideo{Provider: "youtube", ID: m[1]})
	}
	for _, m := range vimeoLine.FindAllStringSubmatch(md, -1) {
		refs = append(refs, media.ExternalVideo{Provider: "vimeo", ID: m[1]})
	}
	return refs
}

// expandVideos turns the markers back into players, after sanitising:
// the ids are checked by the patterns above, so the HTML is ours alone.
func expandVideos(html string, m *Media) string {
	if !strings.Contains(html, "DATELINEVIDEO:") {
		return html
	}
	return videoMarker.ReplaceAllStringFunc(html, func(s string) string {
		parts := videoMarker.FindStringSubmatch(s)
		ref := media.ExternalVideo{Provider: parts[1], ID: parts[2]}
		var poster *media.Image
		if m != nil {
			if p, ok := m.Posters[ref.Key()]; ok {
				poster = &p
			}
		}
		return videoFacade(ref, poster)
	})
}

// videoFacade is a link to the video's page dressed as a player: its poster,
// served by us, under a play button. video.js swaps it for the player.
func videoFacade(ref media.ExternalVideo, poster *media.Image) string {
	var watch, embed, name string
	switch ref.Provider {
	case "youtube":
		watch, embed, name = "https://www.youtube.com/watch?v="+ref.ID, "https://www.youtube-nocookie.com/embed/"+ref.ID+"?autoplay=1", "YouTube"
	default:
		watch, embed, name = "https://vimeo.com/"+ref.ID, "https://player.vimeo.com/video/"+ref.ID+"?autoplay=1&dnt=1", "Vimeo"
	}
	img := ""
	if poster != nil {
		src := poster.Sources("/media/")
		img = fmt.Sprintf(`<img class="video-poster" src="%s" srcset="%s" sizes="(min-width: 44rem) 42rem, 100vw" width="%d" height="%d" alt="" loading="lazy" decoding="async">`,
			esc(src.Src), esc(src.Srcset), poster.Width, poster.Height)
	}
	return fmt.Sprintf(`<figure class="video-facade"><a class="video-play" href="%s" data-embed="%s">%s`+
		`<span class="video-button" aria-hidden="true"></span><span class="video-label">Play video</span>`+
		`<span class="video-note">It loads from %s only when you press play.</span></a></figure>`,
		esc(watch), esc(embed), img, name)
}
