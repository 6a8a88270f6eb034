package markup

import (
	"html"
	"regexp"
	"strings"

	nethtml "golang.org/x/net/html"
)

// keptTags are the elements written back when a part of a post is kept
// as HTML (a complex table, a definition list, a caption); any other
// element gives up its tag and keeps its content.
var keptTags = map[string]bool{
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"caption": true, "dl": true, "dt": true, "dd": true, "details": true, "summary": true,
	"p": true, "br": true, "a": true, "img": true, "em": true, "strong": true, "b": true, "i": true,
	"s": true, "del": true, "ins": true, "sub": true, "sup": true, "u": true, "mark": true,
	"small": true, "abbr": true, "cite": true, "q": true, "code": true, "kbd": true, "pre": true,
	"ul": true, "ol": true, "li": true, "blockquote": true, "hr": true, "figure": true,
	"figcaption": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// keptAttrs are the attributes kept on them; href and src are checked
// and mapped separately.
var keptAttrs = map[string]*regexp.Regexp{
	"colspan": regexp.MustCompile(`^\d{1,3}$`),
	"rowspan": regexp.MustCompile(`^\d{1,3}$`),
	"scope":   regexp.MustCompile(`^(row|col|rowgroup|colgroup)$`),
	"start":   regexp.MustCompile(`^\d{1,9}$`),
	"dir":     regexp.MustCompile(`^(ltr|rtl|auto)$`),
	"lang":    regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`),
	"alt":     regexp.MustCompile(`^`),
	"title":   regexp.MustCompile(`^`),
}

var voidTags = map[string]bool{"br": true, "hr": true, "img": true}

// lineAfter are the closing tags after which kept HTML starts a new line,
// for an editor reading it.
var lineAfter = map[string]bool{"tr": true, "thead": true, "tbody": true, "tfoot": true, "caption": true,
	"li": true, "dt": true, "dd": true, "p": true, "summary": true}

var blankLines = regexp.MustCompile(`\n[ \t]*\n+`)

// keepBlock writes an element as clean HTML for a Markdown HTML block,
// which must not hold a blank line (it would end the block).
func (c *converter) keepBlock(n *nethtml.Node) string {
	var b strings.Builder
	c.keep(&b, n, false)
	return strings.TrimSpace(blankLines.ReplaceAllString(b.String(), "\n"))
}

// captionHTML writes a caption's content as one line of clean HTML.
func (c *converter) captionHTML(n *nethtml.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.keep(&b, ch, false)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (c *converter) keep(b *strings.Builder, n *nethtml.Node, pre bool) {
	switch n.Type {
	case nethtml.TextNode:
		c.keepText(b, n.Data, pre)
		return
	case nethtml.ElementNode:
	default:
		return
	}
	if c.dropped(n) {
		return
	}
	switch n.Data {
	case "iframe", "x-dl-embed", "video", "audio":
		c.keepMedia(b, n)
		return
	}
	if !keptTags[n.Data] {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c.keep(b, ch, pre)
		}
		return
	}
	if !c.keepOpen(b, n) {
		return
	}
	if voidTags[n.Data] {
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.keep(b, ch, pre || n.Data == "pre")
	}
	b.WriteString("</" + n.Data + ">")
	if lineAfter[n.Data] {
		b.WriteString("\n")
	}
}

// keepText writes text, white space collapsed; inside <pre> newlines are
// written as character references so the HTML block has no blank line.
func (c *converter) keepText(b *strings.Builder, s string, pre bool) {
	s = html.EscapeString(s)
	if pre {
		b.WriteString(strings.ReplaceAll(s, "\n", "&#10;"))
		return
	}
	if strings.TrimSpace(s) == "" && s != "" {
		b.WriteString(" ")
		return
	}
	lead, trail := "", ""
	if isSpace(s[0]) {
		lead = " "
	}
	if isSpace(s[len(s)-1]) {
		trail = " "
	}
	b.WriteString(lead + strings.Join(strings.Fields(s), " ") + trail)
}

// keepOpen writes the opening tag with its safe attributes; false when the
// element has to go (an image without a usable source).
func (c *converter) keepOpen(b *strings.Builder, n *nethtml.Node) bool {
	var attrs strings.Builder
	switch n.Data {
	case "a":
		if u := c.linkURL(attr(n, "href")); u != "" {
			attrs.WriteString(` href="` + html.EscapeString(u) + `"`)
		}
	case "img":
		u := c.imageURL(attr(n, "src"))
		if u == "" {
			c.warn("image without a usable source dropped")
			return false
		}
		attrs.WriteString(` src="` + html.EscapeString(u) + `"`)
	}
	for _, a := range n.Attr {
		if re, ok := keptAttrs[a.Key]; ok && a.Namespace == "" && re.MatchString(a.Val) {
			attrs.WriteString(" " + a.Key + `="` + html.EscapeString(strings.Join(strings.Fields(a.Val), " ")) + `"`)
		}
	}
	b.WriteString("<" + n.Data + attrs.String() + ">")
	return true
}

// keepMedia writes what kept HTML can hold of a video, frame or embed: a
// link to it.
func (c *converter) keepMedia(b *strings.Builder, n *nethtml.Node) {
	var blocks []string
	switch n.Data {
	case "iframe":
		blocks = c.iframe(n)
	case "x-dl-embed":
		blocks = c.embed(attr(n, "url"))
	default:
		blocks = c.mediaFile(n)
	}
	for _, md := range blocks {
		if m := mdLink.FindStringSubmatch(md); m != nil {
			b.WriteString(`<a href="` + html.EscapeString(unescapeDest(m[2])) + `">` + html.EscapeString(unescapeMD(m[1])) + "</a>")
		} else {
			b.WriteString(`<a href="` + html.EscapeString(md) + `">` + html.EscapeString(md) + "</a>")
		}
	}
}

var mdLink = regexp.MustCompile(`^\[(.*)\]\((.*)\)$`)

func unescapeDest(s string) string { return strings.ReplaceAll(s, `\&`, "&") }

var mdEscape = regexp.MustCompile(`\\(.)`)

func unescapeMD(s string) string { return mdEscape.ReplaceAllString(s, "$1") }
