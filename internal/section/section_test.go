package section

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestMove(t *testing.T) {
	list := []Section{{ID: 1}, {ID: 2}, {ID: 3}, {ID: 4}}
	cases := []struct {
		name  string
		id    int64
		delta int
		want  []int64
	}{
		{"up", 3, -1, []int64{1, 3, 2, 4}},
		{"down", 2, 1, []int64{1, 3, 2, 4}},
		{"first up stays", 1, -1, []int64{1, 2, 3, 4}},
		{"last down stays", 4, 1, []int64{1, 2, 3, 4}},
		{"far past the top", 4, -10, []int64{4, 1, 2, 3}},
		{"far past the end", 1, 10, []int64{2, 3, 4, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Move(list, c.id, c.delta)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("Move(%d, %d) = %v, %v; want %v", c.id, c.delta, got, err, c.want)
			}
		})
	}
	if _, err := Move(list, 9, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("Move of an unknown id: %v", err)
	}
	if list[0].ID != 1 || list[3].ID != 4 {
		t.Error("Move changed its input")
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		in    Section
		field string // "" when valid
		msg   string
	}{
		{"fine", Section{Name: "World"}, "", ""},
		{"slug from a Dari name", Section{Name: "افغانستان"}, "", ""},
		{"no name", Section{Name: "  "}, "name", "Give the section"},
		{"long name", Section{Name: strings.Repeat("a", MaxName+1)}, "name", "under 100"},
		{"long description", Section{Name: "W", Description: strings.Repeat("d", MaxDescription+1)}, "description", "under 500"},
		{"name without letters", Section{Name: "!!!"}, "slug", "Type a slug"},
		{"bad slug", Section{Name: "W", Slug: "Big News"}, "slug", "“big-news”"},
		{"long slug", Section{Name: "W", Slug: strings.Repeat("a", 81)}, "slug", "under 80"},
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
