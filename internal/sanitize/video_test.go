package sanitize

import (
	"strings"
	"testing"
)

func TestVideoFacade(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want, reject string }{
		{"youtube watch", "Before.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nAfter.",
			`data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"`, "<iframe"},
		{"youtu.be", "https://youtu.be/dQw4w9WgXcQ", `href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`, ""},
		{"vimeo", "https://vimeo.com/76979871", `data-embed="https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"`, ""},
		{"inside a sentence stays a link", "See https://www.youtube.com/watch?v=dQw4w9WgXcQ here", "", "video-facade"},
		{"forged marker is text", "DATELINEVIDEO:youtube:\"><script>x", "", "<script"},
		{"bad id", "https://www.youtube.com/watch?v=short", "", "video-facade"},
	}
	for _, c := range cases {
		got := string(Article(c.in))
		if c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q lacks %q", c.name, got, c.want)
		}
		if c.reject != "" && strings.Contains(got, c.reject) {
			t.Errorf("%s: %q has %q", c.name, got, c.reject)
		}
	}
}
