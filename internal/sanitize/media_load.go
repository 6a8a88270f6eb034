package sanitize

import (
	"context"

	"github.com/datelinenews/dateline/internal/media"
)

// Library is where LoadMedia finds what a body shows.
type Library interface {
	ImagesByKeys(ctx context.Context, keys []string) (map[string]media.Image, error)
	VideoPosters(ctx context.Context, videos []media.ExternalVideo) (map[string]media.Image, error)
}

// LoadMedia loads the library entries and video posters a body's Markdown
// refers to, for ArticleWith. lang is the language of the site's own words.
func LoadMedia(ctx context.Context, lib Library, md, lang, dir string) (*Media, error) {
	m := &Media{Lang: lang, Dir: dir}
	keys, videos := Refs(md)
	var err error
	if m.Files, err = lib.ImagesByKeys(ctx, keys); err != nil {
		return nil, err
	}
	if m.Posters, err = lib.VideoPosters(ctx, videos); err != nil {
		return nil, err
	}
	return m, nil
}
