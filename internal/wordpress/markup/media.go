package markup

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// linkURL checks a link target and maps it through Options.URL; "" when
// the link cannot be kept (javascript: and the like).
func (c *converter) linkURL(u string) string {
	return c.mapURL(u, "http", "https", "mailto", "tel")
}

// imageURL does the same for an image, video or file source.
func (c *converter) imageURL(u string) string {
	return c.mapURL(u, "http", "https")
}

func (c *converter) mapURL(u string, schemes ...string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	ok := p.Scheme == ""
	for _, s := range schemes {
		ok = ok || strings.EqualFold(p.Scheme, s)
	}
	if !ok {
		return ""
	}
	if c.opt.URL != nil {
		u = c.opt.URL(u)
	}
	return u
}

// dest writes a URL as a Markdown link destination: characters that would
// end it or be read as Markdown are percent-encoded or escaped.
func dest(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		switch ch := u[i]; {
		case ch <= ' ' || ch == '(' || ch == ')' || ch == '<' || ch == '>' || ch == '\\' || ch == 0x7f:
			b.WriteString("%" + strings.ToUpper(hex2(ch)))
		case ch == '&' && entityLike.MatchString(u[i+1:]):
			b.WriteString(`\&`)
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// embed writes an embedded address: a YouTube or Vimeo video alone on its
// line, anything else (a post on a social network, a map) as a link.
func (c *converter) embed(u string) []string {
	if v := videoURL(u); v != "" {
		return []string{v}
	}
	target := c.linkURL(u)
	if target == "" {
		return nil
	}
	return []string{"[" + escapeText(strings.TrimSpace(u)) + "](" + dest(target) + ")"}
}

// iframe keeps a video player as its video's address and makes a link of
// any other frame, which Dateline would not show.
func (c *converter) iframe(n *html.Node) []string {
	src := attr(n, "src")
	if v := videoURL(src); v != "" {
		return []string{v}
	}
	target := c.linkURL(src)
	if target == "" {
		c.warn("iframe removed")
		return nil
	}
	host := ""
	if p, err := url.Parse(src); err == nil {
		host = p.Host
	}
	c.warn("iframe from " + host + " replaced by a link")
	return []string{"[" + escapeText(firstNonEmpty(attr(n, "title"), src)) + "](" + dest(target) + ")"}
}

// mediaFile writes an uploaded video or audio file as a link to the file:
// Dateline's HTML policy has no <video> or <audio>, and a link works in
// every browser without loading anything until the reader asks.
func (c *converter) mediaFile(n *html.Node) []string {
	src := mediaSrc(n)
	target := c.imageURL(src)
	if target == "" {
		return nil
	}
	label := "Video"
	if n.Data == "audio" {
		label = "Audio"
	}
	return []string{"[" + label + ": " + escapeText(mediaName(src)) + "](" + dest(target) + ")"}
}

// libraryVideo writes a video that Options.Video finds in the media
// library as the desk does: ![](/media/key.mp4), which Dateline plays.
func (c *converter) libraryVideo(n *html.Node) (string, bool) {
	src := mediaSrc(n)
	if c.opt.Video == nil || src == "" {
		return "", false
	}
	u, ok := c.opt.Video(src, attr(n, "poster"))
	if !ok || !strings.HasPrefix(u, "/media/") {
		return "", false
	}
	line := "![](" + dest(u) + ")"
	if c.videos == nil {
		c.videos = map[string]bool{}
	}
	c.videos[line] = true
	return line, true
}

// titled gives a library video or image line its caption as the Markdown
// title, which Dateline shows under the player or picture in place of the
// library's own caption, as WordPress shows the post's caption; ok is false
// for anything else, or a caption with markup a title cannot hold.
func (c *converter) titled(line string, caption *html.Node) (string, bool) {
	if !(c.videos[line] || libraryImage.MatchString(line)) || hasElement(caption) {
		return "", false
	}
	text := strings.Join(strings.Fields(textOf(children(caption))), " ")
	if text == "" {
		return line, true
	}
	text = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text)
	return strings.TrimSuffix(line, ")") + ` "` + text + `")`, true
}

// hasElement reports whether n has an element among its children.
func hasElement(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// libraryImage is an image of the media library alone on a line, with no
// title yet: ![alt](/media/key).
var libraryImage = regexp.MustCompile(`^!\[(?:[^\]\\\n]|\\.)*\]\(/media/[A-Za-z0-9][A-Za-z0-9_.-]*\)$`)

// mediaSrc is a <video> or <audio> element's file: its src, else its
// first <source>.
func mediaSrc(n *html.Node) string {
	src := attr(n, "src")
	if src == "" {
		if s := firstElement(children(n), "source"); s != nil {
			src = attr(s, "src")
		}
	}
	return src
}

// mediaName is the file name in a media address, for a link's text.
func mediaName(src string) string {
	if p, err := url.Parse(src); err == nil && path.Base(p.Path) != "." && path.Base(p.Path) != "/" {
		return path.Base(p.Path)
	}
	return src
}

var (
	youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)
	vimeoID   = regexp.MustCompile(`^\d{1,12}$`)
)

// videoURL is the address Dateline shows as a player for a YouTube or
// Vimeo page or player URL, "" for anything else.
func videoURL(raw string) string {
	p, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https" && p.Scheme != "") {
		return ""
	}
	host := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(p.Host), "www."), "m.")
	segs := strings.Split(strings.Trim(p.Path, "/"), "/")
	switch host {
	case "youtube.com", "youtube-nocookie.com":
		id := p.Query().Get("v")
		if len(segs) == 2 && (segs[0] == "embed" || segs[0] == "shorts" || segs[0] == "live" || segs[0] == "v") {
			id = segs[1]
		}
		if youtubeID.MatchString(id) {
			return "https://www.youtube.com/watch?v=" + id
		}
	case "youtu.be":
		if youtubeID.MatchString(segs[0]) {
			return "https://www.youtube.com/watch?v=" + segs[0]
		}
	case "vimeo.com", "player.vimeo.com":
		if last := segs[len(segs)-1]; vimeoID.MatchString(last) {
			return "https://vimeo.com/" + last
		}
	}
	return ""
}

// figure writes a figure's content and, when it has a caption, wraps it in
// <figure> with a <figcaption>, the content staying Markdown inside.
func (c *converter) figure(n *html.Node) []string {
	var caption *html.Node
	var body []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if caption == nil && isElement(ch, "figcaption") {
			caption = ch
		} else {
			body = append(body, ch)
		}
	}
	blocks := c.flowNested(body)
	if caption != nil && len(blocks) == 1 {
		if line, ok := c.titled(blocks[0], caption); ok {
			return []string{line}
		}
	}
	capHTML := ""
	if caption != nil {
		capHTML = c.captionHTML(caption)
	}
	switch {
	case capHTML == "":
		return blocks
	case len(blocks) == 0:
		return c.paragraphs(children(caption))
	}
	return []string{"<figure>\n\n" + strings.Join(blocks, "\n\n") + "\n\n<figcaption>" + capHTML + "</figcaption>\n</figure>"}
}

// flowNested is flow without more marks.
func (c *converter) flowNested(nodes []*html.Node) []string {
	var out []string
	for _, b := range c.flow(nodes) {
		if b != moreMark {
			out = append(out, b)
		}
	}
	return out
}
