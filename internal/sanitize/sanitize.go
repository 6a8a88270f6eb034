// Package sanitize turns Markdown and untrusted HTML into HTML that is safe to
// put on a page. It is the only place that makes template.HTML from text.
package sanitize

import (
	"bytes"
	"html/template"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// articleMarkdown renders story bodies: GitHub-flavoured tables and
// strikethrough, typographic quotes and dashes. Raw HTML in a body is passed
// to the policy below rather than dropped, so imported stories keep their figures.
var articleMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Typographer),
	goldmark.WithRendererOptions(html.WithUnsafe()),
)

// articlePolicy allows what a story needs: text structure, links, images,
// figures, tables; no scripts, styles, forms or frames.
var articlePolicy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("figure", "figcaption", "section", "aside", "mark", "small", "s")
	p.AllowAttrs("dir").Matching(regexp.MustCompile(`^(ltr|rtl|auto)$`)).Globally()
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)).Globally()
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(lazy|eager)$`)).OnElements("img")
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}()

// Article renders a story's or a page's Markdown body to safe HTML, with
// library images as plain images and videos without posters (as in feeds).
func Article(markdown string) template.HTML { return ArticleWith(markdown, nil) }

// ArticleWith renders a body with its library images as figures, uploaded
// videos as players and YouTube and Vimeo videos with their posters, all
// drawn from m (see Refs).
func ArticleWith(markdown string, m *Media) template.HTML {
	var buf bytes.Buffer
	if err := articleMarkdown.Convert([]byte(markMedia(markVideos(markdown))), &buf); err != nil {
		// goldmark only fails when the writer fails; a bytes.Buffer does not.
		return template.HTML(template.HTMLEscapeString(markdown))
	}
	return template.HTML(expandMedia(expandVideos(articlePolicy.Sanitize(buf.String()), m), m))
}

// Plain strips every tag from a Markdown or HTML string, for descriptions
// in meta tags and excerpts.
func Plain(markdown string) string {
	var buf bytes.Buffer
	if err := articleMarkdown.Convert([]byte(markdown), &buf); err != nil {
		return markdown
	}
	return bluemonday.StrictPolicy().Sanitize(buf.String())
}
