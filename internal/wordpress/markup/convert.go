package markup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Sentinels inside rendered inline text: a paragraph break and a line
// break that classic posts make with blank lines and newlines, and the
// position of <!--more-->. NUL never survives into the input.
const (
	parBreak  = "\x00P"
	lineBreak = "\x00B"
	moreMark  = "\x00MORE"
)

// blockTags are the elements that start a block of their own in Markdown.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "aside": true, "header": true,
	"footer": true, "main": true, "nav": true, "center": true, "address": true, "hgroup": true,
	"blockquote": true, "figure": true, "figcaption": true, "ul": true, "ol": true, "li": true,
	"dl": true, "dt": true, "dd": true, "table": true, "pre": true, "hr": true, "details": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "iframe": true,
	"video": true, "audio": true, "x-dl-embed": true, "form": true, "fieldset": true,
	"object": true, "embed": true,
}

// dropTags never reach a reader, nor their content.
var dropTags = map[string]string{
	"script": "script removed", "style": "style sheet removed", "form": "form removed",
	"object": "embedded object removed", "embed": "embedded object removed",
	"noscript": "", "template": "", "svg": "", "math": "", "canvas": "",
	"input": "", "button": "", "select": "", "textarea": "", "head": "", "title": "", "meta": "", "link": "",
}

// dropped reports whether n is left out, warning where a reader loses
// something.
func (c *converter) dropped(n *html.Node) bool {
	msg, ok := dropTags[n.Data]
	if ok && n.Type == html.ElementNode && msg != "" {
		c.warn(msg)
	}
	return ok && n.Type == html.ElementNode
}

// isBlock reports whether n must start a block: a block element, or an
// inline one that holds a block (as a <span> around a <div>).
func (c *converter) isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if blockTags[n.Data] || (n.Data == "cite" && (isElement(n.Parent, "blockquote") || isElement(n.Parent, "figure"))) {
		return true
	}
	return c.containsBlock(n)
}

func (c *converter) containsBlock(n *html.Node) bool {
	if c.blocky == nil {
		c.blocky = map[*html.Node]bool{}
	}
	if v, ok := c.blocky[n]; ok {
		return v
	}
	v := false
	for ch := n.FirstChild; ch != nil && !v; ch = ch.NextSibling {
		v = ch.Type == html.ElementNode && (blockTags[ch.Data] || c.containsBlock(ch))
	}
	c.blocky[n] = v
	return v
}

// flow converts a sequence of sibling nodes into Markdown blocks: runs of
// text and inline elements become paragraphs, block elements their own
// blocks.
func (c *converter) flow(nodes []*html.Node) []string {
	var out []string
	var run []*html.Node
	flush := func() {
		out = append(out, c.paragraphs(run)...)
		run = nil
	}
	for _, n := range nodes {
		switch {
		case n.Type == html.CommentNode:
			if isMore(n.Data) {
				flush()
				out = append(out, moreMark)
			}
		case n.Type == html.TextNode || (n.Type == html.ElementNode && !c.isBlock(n)):
			run = append(run, n)
		case n.Type == html.ElementNode:
			flush()
			for _, b := range c.block(n, out) {
				if b != "" { // an empty list or table writes nothing
					out = append(out, b)
				}
			}
		}
	}
	flush()
	return out
}

func isMore(comment string) bool {
	f := strings.Fields(comment)
	return len(f) > 0 && f[0] == "more"
}

// inner converts a container's children for nesting in another block, where
// a more mark has no meaning.
func (c *converter) inner(n *html.Node) []string {
	return c.flowNested(children(n))
}

// block converts one block element; before are the blocks already written
// at this level (a list next to a list needs another marker).
func (c *converter) block(n *html.Node, before []string) []string {
	if c.dropped(n) {
		return nil
	}
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return c.heading(n)
	case "blockquote":
		return quote(c.inner(n))
	case "ul", "ol":
		return []string{c.list(n, before)}
	case "pre":
		return preBlock(n)
	case "hr":
		return []string{"---"}
	case "table":
		return []string{c.table(n)}
	case "figure":
		return c.figure(n)
	case "cite":
		return prefixed("— ", c.paragraphs(children(n)))
	case "iframe":
		return c.iframe(n)
	case "video":
		if line, ok := c.libraryVideo(n); ok {
			return []string{line}
		}
		if c.opt.Video != nil {
			c.warn("video " + mediaName(mediaSrc(n)) + " kept as a link: it is not a video file of the media library")
		}
		return c.mediaFile(n)
	case "audio":
		return c.mediaFile(n)
	case "x-dl-embed":
		return c.embed(attr(n, "url"))
	case "dl", "details":
		return []string{c.keepBlock(n)}
	}
	return c.flow(children(n)) // p, div and the like: only their content counts
}

func prefixed(p string, blocks []string) []string {
	if len(blocks) > 0 {
		blocks[0] = p + blocks[0]
	}
	return blocks
}

func (c *converter) heading(n *html.Node) []string {
	text := c.inlineText(children(n))
	if text == "" {
		return nil
	}
	if strings.HasSuffix(text, "#") { // else it reads as a closing sequence
		text = text[:len(text)-1] + `\#`
	}
	level, _ := strconv.Atoi(n.Data[1:])
	return []string{strings.Repeat("#", level) + " " + text}
}

// quote prefixes every line of the blocks with "> ".
func quote(blocks []string) []string {
	if len(blocks) == 0 {
		return nil
	}
	lines := strings.Split(strings.Join(blocks, "\n\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return []string{strings.Join(lines, "\n")}
}

// listStart recognises a block that is itself a list.
var listStart = regexp.MustCompile(`^(?:[-*] |[-*]$|\d{1,9}[.)](?: |$))`)

// list writes a list, tight unless an item holds more than one paragraph.
// Nested lists come from <li> content, and also from a <ul> put directly
// inside a <ul>, which the classic editor produced.
func (c *converter) list(n *html.Node, before []string) string {
	ordered := n.Data == "ol"
	num, err := strconv.Atoi(attr(n, "start"))
	if !ordered || err != nil || num < 0 || num > 999_999_999 {
		num = 1
	}
	bullet, delim := "-", "."
	if len(before) > 0 && listStart.MatchString(before[len(before)-1]) {
		bullet, delim = "*", ")" // two lists in a row must not merge
	}
	var items [][]string
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case isElement(ch, "li"):
			items = append(items, c.inner(ch))
		case isElement(ch, "ul") || isElement(ch, "ol"):
			nested := c.list(ch, nil)
			if len(items) == 0 {
				items = append(items, nil)
			}
			items[len(items)-1] = append(items[len(items)-1], nested)
		case ch.Type == html.ElementNode || (ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != ""):
			items = append(items, c.flow([]*html.Node{ch}))
		}
	}
	var out []string
	loose := false
	for i, blocks := range items {
		marker := bullet + " "
		if ordered {
			marker = fmt.Sprintf("%d%s ", num+i, delim)
		}
		item := joinItem(blocks)
		loose = loose || strings.Contains(item, "\n\n")
		out = append(out, indent(marker, item))
	}
	if loose {
		return strings.Join(out, "\n\n")
	}
	return strings.Join(out, "\n")
}

// joinItem joins an item's blocks: a nested list follows its text
// directly, so the list stays tight.
func joinItem(blocks []string) string {
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			if listStart.MatchString(bl) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(bl)
	}
	return b.String()
}

// indent puts the marker before the first line and aligns the others.
func indent(marker, s string) string {
	if s == "" {
		return strings.TrimRight(marker, " ")
	}
	pad := strings.Repeat(" ", len(marker))
	lines := strings.Split(s, "\n")
	for i := range lines {
		switch {
		case i == 0:
			lines[i] = marker + lines[i]
		case lines[i] != "":
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// preBlock writes preformatted text as a fenced code block.
func preBlock(n *html.Node) []string {
	text := strings.TrimRight(preText(n), "\n")
	if strings.TrimSpace(text) == "" {
		return nil
	}
	lang := ""
	if code := childElement(n, "code"); code != nil {
		for _, cl := range strings.Fields(attr(code, "class")) {
			if l, ok := strings.CutPrefix(cl, "language-"); ok && safeLang.MatchString(l) {
				lang = l
			}
		}
	}
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return []string{fence + lang + "\n" + text + "\n" + fence}
}

var safeLang = regexp.MustCompile(`^[A-Za-z0-9_+-]{1,30}$`)

// preText is the text of a <pre>, its <br>s as newlines.
func preText(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode:
			b.WriteString(ch.Data)
		case isElement(ch, "br"):
			b.WriteString("\n")
		case isElement(ch, "x-dl-embed"): // a lone address in a classic post's code
			b.WriteString(attr(ch, "url"))
		case ch.Type == html.ElementNode && !isDrop(ch):
			b.WriteString(preText(ch))
		}
	}
	return b.String()
}

func isDrop(n *html.Node) bool {
	_, ok := dropTags[n.Data]
	return ok
}
