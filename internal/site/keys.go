package site

import (
	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/people"
)

// Surrogate keys name what a response shows, so the page cache and a CDN
// drop it exactly when that changes. Every page also shows the site's
// name, sections and pages; changes to those drop everything.

// bylineKeys names the authors whose names a list of stories shows.
func bylineKeys(authors []people.Author) []string {
	keys := make([]string, len(authors))
	for i, au := range authors {
		keys[i] = change.BylineKey(au.ID)
	}
	return keys
}

func teaserKeys(list ...Teaser) []string {
	var keys []string
	for _, t := range list {
		keys = append(keys, bylineKeys(t.Authors)...)
	}
	return keys
}

func storyKeys(list []article.Article) []string {
	var keys []string
	for _, a := range list {
		keys = append(keys, bylineKeys(a.Authors)...)
	}
	return keys
}

// frontKeys are the front page's: every story on it shows up under Front.
func frontKeys(p FrontPage) []string {
	keys := append([]string{change.Front}, teaserKeys(p.Latest...)...)
	if p.Lead != nil {
		keys = append(keys, teaserKeys(*p.Lead)...)
	}
	for _, b := range p.BySection {
		keys = append(keys, teaserKeys(b.Stories...)...)
	}
	return keys
}

// articleKeys are a story page's: the story, its thread, its section (for
// "more from this section") and the bylines it shows.
func articleKeys(a article.Article, more []Teaser) []string {
	keys := []string{change.ArticleKey(a.ID), change.CommentsKey(a.ID), change.SectionKey(a.Section.ID)}
	keys = append(keys, bylineKeys(a.Authors)...)
	return append(keys, teaserKeys(more...)...)
}
