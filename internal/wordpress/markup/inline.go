package markup

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// inl says which inline formatting is already open, so that nested
// <em><i>…</i></em> does not double the markers.
type inl struct{ em, strong, strike, link bool }

// paragraphs renders a run of inline nodes into paragraphs.
func (c *converter) paragraphs(run []*html.Node) []string {
	if len(run) == 0 {
		return nil
	}
	var b strings.Builder
	c.inlines(&b, run, inl{})
	var out []string
	for _, p := range strings.Split(b.String(), parBreak) {
		if p = tidyParagraph(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// tidyParagraph trims each line, drops breaks at the edges, writes the
// remaining ones as Markdown hard breaks and escapes what a line must not
// start with.
func tidyParagraph(p string) string {
	lines := strings.Split(p, lineBreak)
	for i, l := range lines {
		lines[i] = escapeLineStart(strings.Trim(l, " "))
	}
	for len(lines) > 0 && isBlank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && isBlank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\\\n")
}

// isBlank: empty, or only spaces a reader cannot see (WordPress's
// "<p>&nbsp;</p>" spacers).
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// inlineText renders inline content on one line, for headings and cells.
func (c *converter) inlineText(nodes []*html.Node) string {
	var b strings.Builder
	c.inlines(&b, nodes, inl{})
	s := strings.NewReplacer(parBreak, " ", lineBreak, " ").Replace(b.String())
	return strings.Join(strings.Fields(s), " ")
}

func (c *converter) inlines(b *strings.Builder, nodes []*html.Node, x inl) {
	for _, n := range nodes {
		c.inline(b, n, x)
	}
}

func (c *converter) inline(b *strings.Builder, n *html.Node, x inl) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(c.text(n.Data))
		c.afterBR = false
		return
	case html.ElementNode:
	default:
		return
	}
	if c.dropped(n) {
		return
	}
	c.afterBR = n.Data == "br"
	switch n.Data {
	case "br":
		b.WriteString(lineBreak)
	case "img":
		b.WriteString(c.image(n))
	case "a":
		c.link(b, n, x)
	case "em", "i", "dfn", "var":
		c.emphasis(b, n, x, "*", "em", x.em, func(x *inl) { x.em = true })
	case "strong", "b":
		c.emphasis(b, n, x, "**", "strong", x.strong, func(x *inl) { x.strong = true })
	case "s", "del", "strike":
		c.emphasis(b, n, x, "~~", "del", x.strike, func(x *inl) { x.strike = true })
	case "code", "kbd", "tt", "samp":
		b.WriteString(codeSpan(textOf(children(n))))
	case "sub", "sup", "u", "mark", "small", "ins", "abbr", "cite":
		b.WriteString("<" + n.Data + ">")
		c.inlines(b, children(n), x)
		b.WriteString("</" + n.Data + ">")
	case "q":
		b.WriteString(`"`)
		c.inlines(b, children(n), x)
		b.WriteString(`"`)
	case "span", "font":
		c.styled(b, n, x)
	default:
		c.inlines(b, children(n), x)
	}
}

// styled keeps the bold and italics that pasted text carries in style
// attributes (Google Docs), and nothing else of the style.
func (c *converter) styled(b *strings.Builder, n *html.Node, x inl) {
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	switch {
	case strings.Contains(style, "font-weight:bold") || strings.Contains(style, "font-weight:700"):
		c.emphasis(b, n, x, "**", "strong", x.strong, func(x *inl) { x.strong = true })
	case strings.Contains(style, "font-style:italic"):
		c.emphasis(b, n, x, "*", "em", x.em, func(x *inl) { x.em = true })
	default:
		c.inlines(b, children(n), x)
	}
}

// emphasis wraps the content in Markdown markers, moving spaces and line
// breaks outside them. Where the markers would not count (a word right
// before "*" followed by punctuation) it writes the HTML element instead.
func (c *converter) emphasis(b *strings.Builder, n *html.Node, x inl, mark, tag string, open bool, set func(*inl)) {
	if open {
		c.inlines(b, children(n), x)
		return
	}
	set(&x)
	var in strings.Builder
	c.inlines(&in, children(n), x)
	lead, core, trail := splitEdges(in.String())
	if core == "" || strings.Contains(core, parBreak) {
		b.WriteString(in.String())
		return
	}
	b.WriteString(lead)
	if flanksBadly(firstNonEmpty(lead, b.String()), core, trail+nextChar(n)) {
		b.WriteString("<" + tag + ">" + core + "</" + tag + ">")
	} else {
		b.WriteString(mark + core + mark)
	}
	b.WriteString(trail)
}

// splitEdges separates leading and trailing spaces and line breaks.
func splitEdges(s string) (lead, core, trail string) {
	start, end := 0, len(s)
	for start < end {
		if s[start] == ' ' {
			start++
		} else if strings.HasPrefix(s[start:end], lineBreak) {
			start += len(lineBreak)
		} else {
			break
		}
	}
	for end > start {
		if s[end-1] == ' ' {
			end--
		} else if strings.HasSuffix(s[start:end], lineBreak) {
			end -= len(lineBreak)
		} else {
			break
		}
	}
	return s[:start], s[start:end], s[end:]
}

// flanksBadly reports whether CommonMark would not read markers around
// core as emphasis: a letter outside next to punctuation inside.
func flanksBadly(before, core, after string) bool {
	prev, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(core)
	last, _ := utf8.DecodeLastRuneInString(core)
	next, _ := utf8.DecodeRuneInString(after)
	wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	punct := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || r == '\\' }
	return (wordy(prev) && punct(first)) || (wordy(next) && punct(last))
}

// nextChar is the start of the text right after n, if it is text.
func nextChar(n *html.Node) string {
	if n.NextSibling != nil && n.NextSibling.Type == html.TextNode {
		return n.NextSibling.Data
	}
	return ""
}

// link writes [text](href); a link without a usable target keeps its text.
func (c *converter) link(b *strings.Builder, n *html.Node, x inl) {
	href := c.linkURL(attr(n, "href"))
	if x.link || href == "" {
		c.inlines(b, children(n), x)
		return
	}
	x.link = true
	var in strings.Builder
	c.inlines(&in, children(n), x)
	lead, core, trail := splitEdges(in.String())
	if strings.Contains(core, parBreak) {
		b.WriteString(in.String())
		return
	}
	if core == "" {
		return // an empty link shows nothing in WordPress either
	}
	b.WriteString(lead + "[" + core + "](" + dest(href) + ")" + trail)
}

// image writes ![alt](src). An image without a usable source is dropped:
// lazy-loading plugins leave the real one in data-src.
func (c *converter) image(n *html.Node) string {
	src := attr(n, "src")
	if src == "" || strings.HasPrefix(strings.TrimSpace(strings.ToLower(src)), "data:") {
		src = firstNonEmpty(attr(n, "data-src"), attr(n, "data-lazy-src"), src)
	}
	u := c.imageURL(src)
	if u == "" {
		c.warn("image without a usable source dropped")
		return ""
	}
	alt := strings.Join(strings.Fields(attr(n, "alt")), " ")
	return "![" + escapeText(alt) + "](" + dest(u) + ")"
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// text collapses white space as a browser does, except that classic
// posts make paragraphs of blank lines and line breaks of newlines.
func (c *converter) text(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isSpace(s[i]) {
			r, size := utf8.DecodeRuneInString(s[i:])
			writeEscaped(&b, r, s[i+size:])
			i += size
			continue
		}
		nl := 0
		for ; i < len(s) && isSpace(s[i]); i++ {
			if s[i] == '\n' {
				nl++
			}
		}
		switch {
		case c.autop && nl >= 2:
			b.WriteString(parBreak)
		case c.autop && nl == 1 && c.afterBR && b.Len() == 0:
			b.WriteByte(' ') // "<br />\n" is one break: wpautop adds none after a <br>
		case c.autop && nl == 1:
			b.WriteString(lineBreak)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// escapeText escapes plain text for Markdown, collapsing white space.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		writeEscaped(&b, r, s[i+size:])
		i += size
	}
	return b.String()
}

// entityLike is what goldmark would decode after an ampersand.
var entityLike = regexp.MustCompile(`^(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// writeEscaped writes one rune of text; rest is the text after it.
func writeEscaped(b *strings.Builder, r rune, rest string) {
	switch r {
	case '\\', '`', '*', '_', '[', ']', '<', '~':
		b.WriteByte('\\')
	case '&':
		if entityLike.MatchString(rest) {
			b.WriteByte('\\')
		}
	case utf8.RuneError: // invalid UTF-8 becomes the replacement character
	}
	b.WriteRune(r)
}

// lineStartSyntax is what would make a line of text a heading, quote,
// list item, rule or setext underline.
var lineStartSyntax = regexp.MustCompile(`^(?:#|>|[-+=]|\d{1,9}[.)])`)

func escapeLineStart(l string) string {
	m := lineStartSyntax.FindString(l)
	switch {
	case m == "":
		return l
	case m[0] >= '0' && m[0] <= '9':
		return m[:len(m)-1] + `\` + l[len(m)-1:]
	default:
		return `\` + l
	}
}

// codeSpan writes inline code with a fence longer than any run of
// backticks inside.
func codeSpan(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
