package sanitize

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// commentMarkdown knows only what readers need: paragraphs, quotes,
// emphasis, inline code, links and bare URLs. Headings, lists, code blocks
// and raw HTML are not parsed, so "# hello" or "<b>" stay text.
var commentMarkdown = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(
			util.Prioritized(parser.NewBlockquoteParser(), 800),
			util.Prioritized(parser.NewParagraphParser(), 1000),
		),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewLinkParser(), 200),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewEmphasisParser(), 500),
		),
		parser.WithParagraphTransformers(),
	)),
	goldmark.WithExtensions(extension.Linkify),
)

// commentPolicy is the last word on what a comment may contain.
var commentPolicy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "em", "strong", "blockquote", "code")
	p.AllowAttrs("href").OnElements("a")
	p.AllowURLSchemes("http", "https")
	p.RequireParseableURLs(true)
	return p
}()

var anchorOpen = regexp.MustCompile(`<a href=`)

// MaxCommentRender bounds how much of a comment is rendered; the comment
// form refuses longer ones, this only guards imported or edited text.
const MaxCommentRender = 100_000

// Comment renders a reader's comment: plain text with paragraphs and
// links, a little Markdown, and any HTML shown as the text it is. Every
// link gets rel="nofollow ugc noopener".
func Comment(text string) template.HTML {
	if len(text) > MaxCommentRender {
		text = text[:MaxCommentRender]
	}
	// Escape markup before Markdown sees it: goldmark turns the entities
	// back into visible characters, so "<b>" is shown, not obeyed.
	text = strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(strings.ToValidUTF8(text, "\uFFFD"))
	var buf bytes.Buffer
	if err := commentMarkdown.Convert([]byte(text), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	out := commentPolicy.SanitizeBytes(buf.Bytes())
	out = anchorOpen.ReplaceAll(out, []byte(`<a rel="nofollow ugc noopener" href=`))
	return template.HTML(out)
}
