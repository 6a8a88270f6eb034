package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/store"
)

// batch is how many rows go into one transaction: large enough that
// commits do not dominate, small enough to keep the WAL file modest.
const batch = 5_000

var (
	sectionNames = []string{"World", "Afghanistan", "Climate", "Economy", "Health", "Culture", "Opinion", "Sport"}
	authorNames  = []string{"Mina Rahimi", "Tom Fischer", "Soraya Azimi", "Daniel Okafor", "Farid Noori",
		"Lena Petrova", "Hamid Karimi", "Sara Lindqvist", "Javed Sultani", "Amira Haddad", "Omid Zaheer", "Kate Moreau"}
	tagNames = []string{"drought", "refugees", "elections", "aid", "women's rights", "education", "health care",
		"earthquake", "border", "saffron", "wheat", "water", "energy", "press freedom", "courts", "ceasefire",
		"winter", "floods", "markets", "diplomacy"}
)

// generator writes the newsroom. Stories are spread over the past year;
// the last one created is the newest and the measured one.
type generator struct {
	st       *store.Store
	now      time.Time
	text     *words
	sections []int64
	authors  []int64
	first    int64 // id of the first story
	measured int64 // id of the measured story
}

func newGenerator(st *store.Store, now time.Time) *generator {
	return &generator{st: st, now: now, text: newWords(1)}
}

// newsroom creates the sections and authors.
func (g *generator) newsroom(ctx context.Context) error {
	for i, name := range sectionNames {
		id, err := g.st.CreateSection(ctx, section.Section{Slug: slugOf(name), Name: name, Position: i}, g.now)
		if err != nil {
			return fmt.Errorf("section %s: %w", name, err)
		}
		g.sections = append(g.sections, id)
	}
	for _, name := range authorNames {
		id, err := g.st.CreateAuthor(ctx, people.Author{Slug: slugOf(name), Name: name}, g.now)
		if err != nil {
			return fmt.Errorf("author %s: %w", name, err)
		}
		g.authors = append(g.authors, id)
	}
	return nil
}

// stories creates n published stories, oldest first, in batches.
func (g *generator) stories(ctx context.Context, n int) error {
	for done := 0; done < n; {
		size := min(batch, n-done)
		err := g.st.InTx(ctx, func(tx *store.Store) error {
			for i := done; i < done+size; i++ {
				id, err := tx.CreateArticle(ctx, g.story(i, n), g.now)
				if err != nil {
					return fmt.Errorf("story %d: %w", i, err)
				}
				if i == 0 {
					g.first = id
				}
				g.measured = id
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += size
		fmt.Fprintf(os.Stderr, "\rstories: %d/%d", done, n)
	}
	fmt.Fprintln(os.Stderr)
	return nil
}

// story returns the i-th of n stories; later ones are newer, and the last
// is the lead, published a minute ago.
func (g *generator) story(i, n int) article.Input {
	age := time.Duration(n-1-i) * (365 * 24 * time.Hour / time.Duration(n))
	r := g.text.rng
	in := article.Input{
		Headline:     g.text.headline(),
		Standfirst:   g.text.sentence(20 + r.IntN(15)),
		Body:         g.text.paragraphs(6 + r.IntN(5)),
		Slug:         fmt.Sprintf("story-%d", i+1),
		SectionID:    g.sections[r.IntN(len(g.sections))],
		Dateline:     "KABUL",
		Language:     "en",
		Status:       article.Published,
		Lead:         i == n-1,
		CommentsOpen: true,
		PublishedAt:  g.now.Add(-time.Minute - age),
	}
	for range 1 + r.IntN(3) {
		in.TagNames = append(in.TagNames, tagNames[r.IntN(len(tagNames))])
	}
	// One story in five has a second, different author.
	a := r.IntN(len(g.authors))
	in.AuthorIDs = []int64{g.authors[a]}
	if r.IntN(5) == 0 {
		in.AuthorIDs = append(in.AuthorIDs, g.authors[(a+1+r.IntN(len(g.authors)-1))%len(g.authors)])
	}
	return in
}

func slugOf(name string) string { return slug.Make(name) }
