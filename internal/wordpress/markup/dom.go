package markup

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseFragment parses HTML as the content of a <body>.
func parseFragment(s string) []*html.Node {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil { // only a failing reader errs; a strings.Reader does not
		return nil
	}
	return nodes
}

// children lists a node's children.
func children(n *html.Node) []*html.Node {
	var out []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		out = append(out, ch)
	}
	return out
}

// attr is the value of an attribute, "" when absent.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isElement(n *html.Node, tag string) bool {
	return n != nil && n.Type == html.ElementNode && n.Data == tag
}

// firstElement finds the first element named tag, depth first.
func firstElement(nodes []*html.Node, tag string) *html.Node {
	for _, n := range nodes {
		if isElement(n, tag) {
			return n
		}
		if f := firstElement(children(n), tag); f != nil {
			return f
		}
	}
	return nil
}

// childElement finds the first child of n named tag.
func childElement(n *html.Node, tag string) *html.Node {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if isElement(ch, tag) {
			return ch
		}
	}
	return nil
}

// allElements lists every element named tag under the nodes, in order.
func allElements(nodes []*html.Node, tag string) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if isElement(n, tag) {
			out = append(out, n)
		}
		out = append(out, allElements(children(n), tag)...)
	}
	return out
}

// textOf is the text content of the nodes.
func textOf(nodes []*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		b.WriteString(textOf(children(n)))
	}
	return b.String()
}

// renderHTML serialises a node as it is; used only between the block pass
// and the converter, never for output.
func renderHTML(n *html.Node) string {
	var b strings.Builder
	_ = html.Render(&b, n) // a strings.Builder does not fail
	return b.String()
}

// renderInner serialises a node's children.
func renderInner(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		b.WriteString(renderHTML(ch))
	}
	return b.String()
}
