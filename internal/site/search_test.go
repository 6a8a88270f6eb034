package site

import (
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/ui"
)

// TestSearchCountWording renders the line above the results: a count, or,
// past the cap on ranked matches, "More than".
func TestSearchCountWording(t *testing.T) {
	assets, err := render.LoadAssets(ui.Static)
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.New(ui.Templates, assets)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		total int
		more  bool
		want  string
	}{
		{1, false, "1 story matches"},
		{12, false, "12 stories match"},
		{article.MaxSearchMatches, false, "2000 stories match"},
		{article.MaxSearchMatches, true, "More than 2000 stories match"},
	}
	for _, c := range cases {
		p := SearchPage{Layout: Layout{Site: settings.Site{Name: "Test", Language: "en"}, Lang: "en", Dir: "ltr"},
			Form: SearchForm{Query: "water"}, Searched: true, Total: c.total, More: c.more}
		b, err := r.Render("search", p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.want) {
			t.Errorf("total %d, more %v: page lacks %q", c.total, c.more, c.want)
		}
		if !c.more && strings.Contains(string(b), "More than") {
			t.Errorf("total %d: says More than", c.total)
		}
	}
}
