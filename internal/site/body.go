package site

import (
	"context"
	"html/template"

	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/sanitize"
)

// body renders a story's or page's Markdown with its library images as
// figures, its uploaded videos as players and its YouTube and Vimeo videos
// with their posters. siteLang is the language of the site's own words.
func (h *Handler) body(ctx context.Context, md, siteLang string) (template.HTML, error) {
	if h.Library == nil {
		return sanitize.Article(md), nil
	}
	m, err := sanitize.LoadMedia(ctx, h.Library, md, siteLang, render.Dir(siteLang))
	if err != nil {
		return "", err
	}
	return sanitize.ArticleWith(md, m), nil
}
