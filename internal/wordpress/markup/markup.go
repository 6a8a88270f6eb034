// Package markup turns the content of a WordPress post — classic-editor
// HTML, block-editor markup and the common shortcodes — into the Markdown
// that Dateline stories are written in.
//
// The conventions it writes, so that editors recognise them later:
//
//   - an image is ![alt](src) in a paragraph of its own (or inline, where
//     the post had it inside text); a linked image is [![alt](src)](href);
//
//   - an image that came into the media library, with a caption of plain
//     text, carries the caption as its title, which Dateline shows in place
//     of the library's own caption: ![alt](/media/key "Caption");
//
//   - any other captioned image (and anything else captioned: a table, a
//     gallery, an embed) is wrapped in raw HTML, the image itself staying
//     Markdown:
//
//     <figure>
//
//     ![alt](src)
//
//     <figcaption>Caption, with <a href="…">links</a> kept</figcaption>
//     </figure>
//
//   - a gallery is its images one after the other, each as above, the
//     whole wrapped in one more <figure> when the gallery has a caption;
//
//   - a YouTube or Vimeo video is its address alone on a line, which
//     Dateline shows as a click-to-load player; other embeds are links;
//
//   - an uploaded video that Options.Video finds in the media library is
//     written as the desk writes one, ![](/media/key.mp4) alone on a line
//     (with its caption as the title: ![](/media/key.mp4 "Caption")), which
//     Dateline shows as a player; any other video or audio file is a link,
//     [Video: name.mp4](src), as Dateline's HTML policy allows no <video>
//     or <audio> element;
//
//   - a table with a header row and plain cells is a GFM table, any other
//     table is kept as HTML (without classes or styles);
//
//   - a shortcode of a plugin that Dateline does not have (a contact or
//     donation form) is removed with a warning, the text it encloses kept;
//     brackets that are only text ("[sic]") stay.
package markup

import (
	"strings"

	"golang.org/x/net/html"
)

// Options says how Convert treats what it finds.
type Options struct {
	// URL maps a link target or an image source found in the content to
	// the address Dateline should use instead (an imported story's new URL,
	// an imported photo's media address). Nil keeps every URL as it is.
	URL func(u string) string
	// Attachment finds a media attachment by its WordPress post id, for
	// [gallery ids="…"]. The url it returns goes through URL like any
	// other image source; caption may hold HTML, as WordPress stores it.
	// Nil drops such galleries with a warning.
	Attachment func(id string) (url, alt, caption string, ok bool)
	// Video finds an uploaded video file (the src of a <video>, a [video]
	// shortcode or a video block) in the media library, with the poster
	// WordPress gave it ("" for none): url is its library address,
	// /media/key.mp4. When it is not found the video stays a link, with a
	// warning. Nil: every video stays a link, without one.
	Video func(src, poster string) (url string, ok bool)
}

// Result is a converted body.
type Result struct {
	// Markdown is the story body in Dateline's Markdown. Anything that has
	// no Markdown form is kept as HTML, which Dateline sanitises when it
	// renders the story.
	Markdown string
	// Warnings name what was kept as HTML or dropped (an unknown block, a
	// shortcode of a plugin that is not installed), once per kind, in the
	// order they were first met.
	Warnings []string
	// Teaser is the Markdown before the post's <!--more--> tag, for an
	// importer that wants a standfirst; "" when the post has none. The
	// tag itself is never part of Markdown.
	Teaser string
}

// Convert turns one post's content into Markdown.
func Convert(content string, opt Options) Result {
	c := &converter{opt: opt, seen: map[string]bool{}, unclosed: map[string]bool{}}
	content = strings.ReplaceAll(strings.ReplaceAll(content, "\r\n", "\n"), "\x00", "")
	blocky := strings.Contains(content, "<!-- wp:")
	// Classic posts are stored without <p> tags: WordPress adds them when
	// it shows the post (wpautop), and turns lone URLs into embeds. Block
	// posts carry their own markup and get neither.
	c.autop = !blocky
	src := c.shortcodes(content)
	if blocky {
		src = c.renderBlocks(parseBlocks(src))
	} else {
		src = autoEmbed(src)
	}
	md, teaser := joinTop(c.flow(parseFragment(src)))
	return Result{Markdown: md, Warnings: c.warnings, Teaser: teaser}
}

// converter carries one conversion's settings and findings.
type converter struct {
	opt      Options
	autop    bool
	warnings []string
	seen     map[string]bool
	blocky   map[*html.Node]bool // memo for containsBlock
	unclosed map[string]bool     // shortcodes with no closing tag further on
	afterBR  bool                // the last inline node written was a <br>
	videos   map[string]bool     // the library video lines written
}

// warn records a warning once.
func (c *converter) warn(msg string) {
	if !c.seen[msg] {
		c.seen[msg] = true
		c.warnings = append(c.warnings, msg)
	}
}

// joinTop joins the top-level blocks with blank lines and cuts the teaser
// at the first more mark.
func joinTop(blocks []string) (md, teaser string) {
	var out []string
	found := false
	for _, b := range blocks {
		if b == moreMark {
			if !found {
				found = true
				teaser = strings.Join(out, "\n\n")
			}
			continue
		}
		out = append(out, b)
	}
	return strings.Join(out, "\n\n"), teaser
}
