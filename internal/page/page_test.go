package page

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		in    Page
		field string // "" when valid
		msg   string
	}{
		{"fine", Page{Title: "About us"}, "", ""},
		{"slug from the title", Page{Title: "Support our work"}, "", ""},
		{"no title", Page{Title: " ", Body: "text"}, "title", "Give the page"},
		{"long title", Page{Title: strings.Repeat("t", MaxTitle+1)}, "title", "under 200"},
		{"huge body", Page{Title: "Big", Body: strings.Repeat("x", MaxBody+1)}, "body", "limit is 1 MB"},
		{"reserved slug", Page{Title: "Admin"}, "slug", "/admin/ is taken"},
		{"reserved typed slug", Page{Title: "Tags", Slug: "tag"}, "slug", "/tag/ is taken"},
		{"bad slug", Page{Title: "Contact", Slug: "Contact Us"}, "slug", "“contact-us”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.in.Tidy().Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			var v ValidationError
			if !errors.As(err, &v) || !strings.Contains(v[c.field], c.msg) {
				t.Errorf("got %v, want %s: …%s…", err, c.field, c.msg)
			}
		})
	}
}

func TestTidyKeepsBody(t *testing.T) {
	p := Page{Title: " About ", Body: "  line one\r\nline two  "}.Tidy()
	if p.Title != "About" || p.Slug != "about" || p.Body != "  line one\nline two  " {
		t.Errorf("Tidy = %+v", p)
	}
}
