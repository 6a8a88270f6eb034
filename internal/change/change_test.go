package change

import (
	"slices"
	"testing"
)

func TestStoryKeys(t *testing.T) {
	t.Parallel()
	draft := Showing{SectionID: 1, TagIDs: []int64{5}, AuthorIDs: []int64{7}}
	if keys := (Story{ID: 3, Before: draft, After: draft}).Keys(); len(keys) != 0 {
		t.Errorf("a draft no reader saw drops %v", keys)
	}
	before := Showing{Public: true, SectionID: 1, TagIDs: []int64{5}, AuthorIDs: []int64{7}}
	after := Showing{Public: true, SectionID: 2, TagIDs: []int64{6}, AuthorIDs: []int64{8}}
	keys := Story{ID: 3, Before: before, After: after}.Keys()
	for _, want := range []string{"article:3", "front", "feed", "sitemap", "search", "missing",
		"section:1", "section:2", "tag:5", "tag:6", "author:7", "author:8"} {
		if !slices.Contains(keys, want) {
			t.Errorf("moving a story: %v lacks %s", keys, want)
		}
	}
	unpublished := Story{ID: 3, Before: before, After: Showing{SectionID: 1}}.Keys()
	if !slices.Contains(unpublished, "section:1") || slices.Contains(unpublished, "section:0") {
		t.Errorf("unpublishing: %v", unpublished)
	}
}

func TestOtherKeys(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		e    Event
		want []string
	}{
		"comments":  {Comments{ArticleID: 4}, []string{"comments:4", "comments"}},
		"page text": {Page{ID: 2}, []string{"page:2", "sitemap", "missing"}},
		"page nav":  {Page{ID: 2, Nav: true}, []string{"*"}},
		"author":    {Author{ID: 9}, []string{"author:9", "byline:9", "search"}},
		"photo":     {Shown{ArticleIDs: []int64{1, 2}}, []string{"article:1", "article:2"}},
		"settings":  {Everything{}, []string{"*"}},
	}
	for name, tc := range cases {
		if got := tc.e.Keys(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", name, got, tc.want)
		}
	}
}
