package markup

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
)

// blockDelim matches the comments that open, close or stand for a block:
// <!-- wp:name {"json":1} -->, <!-- /wp:name -->, <!-- wp:name /-->.
var blockDelim = regexp.MustCompile(`(?s)<!--\s+(/)?wp:([a-z][a-z0-9_-]*/)?([a-z][a-z0-9_-]*)\s+(\{.*?\}\s+)?(/)?-->`)

// block is one block of the editor, with the HTML between its comments
// and the blocks nested in it, in order.
type block struct {
	name  string
	attrs map[string]any
	parts []any // string or *block
}

// parseBlocks reads block-editor markup into a tree under an unnamed root.
// Content outside any block (a classic part) stays as text of its parent.
func parseBlocks(s string) *block {
	root := &block{}
	stack := []*block{root}
	pos := 0
	for _, m := range blockDelim.FindAllStringSubmatchIndex(s, -1) {
		top := stack[len(stack)-1]
		if m[0] > pos {
			top.parts = append(top.parts, s[pos:m[0]])
		}
		pos = m[1]
		name := "core/" + s[m[6]:m[7]]
		if m[4] >= 0 {
			name = s[m[4]:m[5]] + s[m[6]:m[7]]
		}
		if m[2] >= 0 { // a closer: pop to its opener, ignore a stray one
			for i := len(stack) - 1; i > 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
			continue
		}
		b := &block{name: name}
		if m[8] >= 0 {
			_ = json.Unmarshal([]byte(strings.TrimSpace(s[m[8]:m[9]])), &b.attrs) // bad JSON: no attributes
		}
		top.parts = append(top.parts, b)
		if m[10] < 0 {
			stack = append(stack, b)
		}
	}
	if pos < len(s) {
		stack[len(stack)-1].parts = append(stack[len(stack)-1].parts, s[pos:])
	}
	return root
}

// knownBlocks are the blocks whose saved HTML already says all there is:
// their comments are dropped and their HTML converted.
var knownBlocks = map[string]bool{
	"core/paragraph": true, "core/heading": true, "core/list": true, "core/list-item": true,
	"core/quote": true, "core/pullquote": true, "core/image": true, "core/video": true,
	"core/audio": true, "core/separator": true, "core/columns": true, "core/column": true,
	"core/group": true, "core/table": true, "core/html": true, "core/buttons": true,
	"core/button": true, "core/shortcode": true, "core/freeform": true, "core/code": true,
	"core/preformatted": true, "core/verse": true,
}

// renderBlocks turns a block tree back into one HTML string, replacing the
// blocks whose HTML is not enough (embeds, galleries, files) with markup
// the converter understands.
func (c *converter) renderBlocks(b *block) string {
	var sb strings.Builder
	for _, p := range b.parts {
		switch p := p.(type) {
		case string:
			sb.WriteString(p)
		case *block:
			sb.WriteString(c.renderBlock(p))
		}
	}
	return sb.String()
}

func (c *converter) renderBlock(b *block) string {
	inner := c.renderBlocks(b)
	switch {
	case b.name == "core/embed" || strings.HasPrefix(b.name, "core-embed/"):
		return embedBlock(b, inner)
	case b.name == "core/gallery":
		return galleryBlock(inner)
	case b.name == "core/file":
		return fileBlock(b, inner)
	case b.name == "core/more":
		return "<!--more-->"
	case b.name == "core/spacer" || b.name == "core/nextpage":
		return ""
	case knownBlocks[b.name]:
		return inner
	case strings.TrimSpace(inner) == "":
		c.warn("unknown block " + b.name + " dropped: it has no saved HTML")
		return ""
	default:
		c.warn("unknown block " + b.name + " converted from its HTML")
		return inner
	}
}

// embedBlock keeps an embed's address and caption; the wrapper's HTML is
// only the address again.
func embedBlock(b *block, inner string) string {
	u, _ := b.attrs["url"].(string)
	nodes := parseFragment(inner)
	if u == "" {
		u = strings.TrimSpace(textOf(nodes))
	}
	if u == "" {
		return ""
	}
	out := embedMarker(u)
	if cap := firstElement(nodes, "figcaption"); cap != nil {
		out = "<figure>" + out + renderHTML(cap) + "</figure>"
	}
	return out
}

// embedMarker is the element the converter turns into a video line or a
// link.
func embedMarker(u string) string {
	return `<x-dl-embed url="` + html.EscapeString(u) + `"></x-dl-embed>`
}

// fileBlock keeps a file block's first link, the file's name; the second
// link is a "Download" button to the same file.
func fileBlock(b *block, inner string) string {
	if a := firstElement(parseFragment(inner), "a"); a != nil {
		return "<p>" + renderHTML(a) + "</p>"
	}
	if href, _ := b.attrs["href"].(string); href != "" {
		return `<p><a href="` + html.EscapeString(href) + `">` + html.EscapeString(href) + "</a></p>"
	}
	return ""
}
