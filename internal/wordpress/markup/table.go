package markup

import (
	"strings"

	"golang.org/x/net/html"
)

// table writes a GFM table when the table has a header row and plain
// cells, and keeps it as HTML otherwise: merged cells, paragraphs or lists
// in cells, a caption or no header have no GFM form.
func (c *converter) table(n *html.Node) string {
	if strings.TrimSpace(textOf([]*html.Node{n})) == "" && firstElement(children(n), "img") == nil {
		return "" // an empty table shows nothing
	}
	rows, header, ok := tableRows(n)
	if !ok || !header || !c.plainCells(rows) {
		return c.keepBlock(n)
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for j := 0; j < width; j++ {
			cell := ""
			if j < len(r) {
				cell = c.cell(r[j])
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString(delimiterRow(r, width))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// tableRows lists the cells row by row, header first; header says whether
// the first row is one (in <thead> or all <th>). ok is false when the
// table has a caption, which GFM cannot hold.
func tableRows(n *html.Node) (rows [][]*html.Node, header, ok bool) {
	var trs []*html.Node
	inHead := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case isElement(ch, "caption"):
			return nil, false, false
		case isElement(ch, "tr"):
			trs = append(trs, ch)
		case isElement(ch, "thead") || isElement(ch, "tbody") || isElement(ch, "tfoot"):
			for tr := ch.FirstChild; tr != nil; tr = tr.NextSibling {
				if isElement(tr, "tr") {
					inHead = inHead || (len(trs) == 0 && ch.Data == "thead")
					trs = append(trs, tr)
				}
			}
		}
	}
	allTH := len(trs) > 0
	for _, tr := range trs {
		var cells []*html.Node
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if isElement(td, "td") || isElement(td, "th") {
				cells = append(cells, td)
				if len(rows) == 0 && td.Data != "th" {
					allTH = false
				}
			}
		}
		if len(cells) > 0 {
			rows = append(rows, cells)
		}
	}
	return rows, len(rows) > 0 && (inHead || allTH), len(rows) > 0
}

// plainCells reports whether every cell holds only inline content and
// spans one row and one column.
func (c *converter) plainCells(rows [][]*html.Node) bool {
	for _, r := range rows {
		for _, td := range r {
			if span(td, "colspan") || span(td, "rowspan") || c.containsBlock(td) {
				return false
			}
		}
	}
	return true
}

func span(td *html.Node, key string) bool {
	v := strings.TrimSpace(attr(td, key))
	return v != "" && v != "1"
}

// cell writes a cell's content on one line; line breaks stay <br>.
func (c *converter) cell(td *html.Node) string {
	var b strings.Builder
	c.inlines(&b, children(td), inl{})
	s := strings.NewReplacer(parBreak, "<br><br>", lineBreak, "<br>", "|", `\|`).Replace(b.String())
	return strings.Join(strings.Fields(s), " ")
}

// delimiterRow writes the row under the header, with each column's
// alignment as the header cell sets it.
func delimiterRow(head []*html.Node, width int) string {
	var b strings.Builder
	b.WriteString("|")
	for j := 0; j < width; j++ {
		align := ""
		if j < len(head) {
			align = cellAlign(head[j])
		}
		switch align {
		case "center":
			b.WriteString(" :---: |")
		case "right":
			b.WriteString(" ---: |")
		case "left":
			b.WriteString(" :--- |")
		default:
			b.WriteString(" --- |")
		}
	}
	return b.String() + "\n"
}

func cellAlign(td *html.Node) string {
	for _, a := range []string{"center", "right", "left"} {
		if strings.EqualFold(attr(td, "align"), a) || attr(td, "data-align") == a ||
			strings.Contains(attr(td, "class"), "has-text-align-"+a) ||
			strings.Contains(strings.ReplaceAll(attr(td, "style"), " ", ""), "text-align:"+a) {
			return a
		}
	}
	return ""
}
