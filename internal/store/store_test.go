package store_test

import (
	"context"
	"errors"
	"path"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

var t0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

func TestMigrationsMatchAcrossEngines(t *testing.T) {
	t.Parallel()
	lite, err := store.Migrations(store.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Migrations(store.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	names := func(list []store.Migration) (out []string) {
		for _, m := range list {
			out = append(out, path.Base(m.Name))
		}
		return out
	}
	if diff := cmp.Diff(names(lite), names(pg)); diff != "" {
		t.Errorf("migration folders drifted (-sqlite +postgres):\n%s", diff)
	}
	for i, m := range lite {
		if m.Version != i+1 {
			t.Errorf("migration %s: want version %d, numbers must have no gaps", m.Name, i+1)
		}
	}
}

func TestMigrateIsRepeatable(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		applied, err := st.Migrate(ctx)
		if err != nil || len(applied) != 0 {
			t.Fatalf("second Migrate applied %v, err %v; want nothing", applied, err)
		}
		v, err := st.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("SchemaVersion = %d, %v", v, err)
		}
	})
}

// openStory creates a newsroom and one published story, open for
// comments, with this headline; it returns the story's id.
func openStory(t *testing.T, st *store.Store, headline string) int64 {
	t.Helper()
	world, _, a1, _ := newsroom(t, st)
	id, err := st.CreateArticle(context.Background(), article.Input{Headline: headline, Slug: strings.ToLower(headline),
		Body: "A long body.", SectionID: world, AuthorIDs: []int64{a1}, Language: "en", Status: article.Published,
		CommentsOpen: true, PublishedAt: t0}, t0)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// newsroom creates a section, two authors and returns their ids.
func newsroom(t *testing.T, st *store.Store) (world, climate int64, a1, a2 int64) {
	t.Helper()
	ctx := context.Background()
	var err error
	if world, err = st.CreateSection(ctx, section.Section{Slug: "world", Name: "World", Position: 1}, t0); err != nil {
		t.Fatal(err)
	}
	if climate, err = st.CreateSection(ctx, section.Section{Slug: "climate", Name: "Climate", Position: 2}, t0); err != nil {
		t.Fatal(err)
	}
	if a1, err = st.CreateAuthor(ctx, people.Author{Slug: "mina-rahimi", Name: "Mina Rahimi", Bio: "Kabul correspondent."}, t0); err != nil {
		t.Fatal(err)
	}
	if a2, err = st.CreateAuthor(ctx, people.Author{Slug: "tom-berg", Name: "Tom Berg"}, t0); err != nil {
		t.Fatal(err)
	}
	return world, climate, a1, a2
}

func TestArticleLifecycle(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, climate, a1, a2 := newsroom(t, st)
		now := t0.Add(24 * time.Hour)
		svc := article.NewService(st, func() time.Time { return now })

		in := article.Input{
			Headline: "Talks resume in Geneva", Standfirst: "Both sides return.", Body: "First paragraph.",
			SectionID: world, TagNames: []string{"Diplomacy", "Geneva"}, AuthorIDs: []int64{a2, a1},
			Dateline: "Geneva", Language: "en", Status: article.Published, CommentsOpen: true, PublishedAt: t0,
		}
		a, err := svc.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if a.Slug != "talks-resume-in-geneva" || a.Section.Slug != "world" || !a.PublishedAt.Equal(t0) {
			t.Errorf("created %+v", a)
		}
		if len(a.Authors) != 2 || a.Authors[0].ID != a2 || a.Authors[1].ID != a1 {
			t.Errorf("byline order lost: %+v", a.Authors)
		}
		if len(a.Tags) != 2 || a.Tags[0].Slug != "diplomacy" {
			t.Errorf("tags = %+v", a.Tags)
		}

		// Same headline again: the slug collision is resolved.
		b, err := svc.Create(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if b.Slug != "talks-resume-in-geneva-2" {
			t.Errorf("second slug = %q", b.Slug)
		}

		// A Persian headline keeps a readable Persian slug.
		fa := in
		fa.Headline, fa.Language, fa.SectionID, fa.TagNames = "بازگشایی مکتب‌ها در کابل", "fa-AF", climate, []string{"آموزش"}
		c, err := svc.Create(ctx, fa)
		if err != nil {
			t.Fatal(err)
		}
		if c.Slug != "بازگشایی-مکتب-ها-در-کابل" {
			t.Errorf("Persian slug = %q", c.Slug)
		}
		if got, err := svc.Published(ctx, c.Slug); err != nil || got.ID != c.ID {
			t.Errorf("Published(Persian slug) = %v, %v", got.ID, err)
		}

		// Renaming keeps the old slug answering.
		in2 := in
		in2.Slug = "geneva-talks-resume"
		if _, err := svc.Update(ctx, a.ID, in2); err != nil {
			t.Fatal(err)
		}
		old, err := svc.Published(ctx, "talks-resume-in-geneva")
		if err != nil || old.ID != a.ID || old.Slug != "geneva-talks-resume" {
			t.Errorf("old slug finds %q (id %d), %v", old.Slug, old.ID, err)
		}
		// The old slug stays reserved for the renamed article.
		d, err := svc.Create(ctx, in)
		if err != nil || d.Slug != "talks-resume-in-geneva-3" {
			t.Errorf("new story took slug %q, %v", d.Slug, err)
		}
	})
}

func TestVisibility(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, climate, a1, a2 := newsroom(t, st)
		now := t0
		svc := article.NewService(st, func() time.Time { return now })
		mk := func(headline string, status article.Status, at time.Time, section int64, author int64, tags ...string) article.Article {
			t.Helper()
			a, err := svc.Create(ctx, article.Input{Headline: headline, SectionID: section, AuthorIDs: []int64{author},
				TagNames: tags, Language: "en", Status: status, PublishedAt: at})
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		old := mk("Old news", article.Published, t0.Add(-48*time.Hour), world, a1, "Water")
		newer := mk("Newer news", article.Published, t0.Add(-time.Hour), climate, a2, "Water", "Heat")
		mk("A draft", article.Draft, time.Time{}, world, a1, "Water")
		sched := mk("Tomorrow's story", article.Scheduled, t0.Add(24*time.Hour), world, a1)
		future := mk("Published in future", article.Published, t0.Add(time.Hour), world, a1)
		gone := mk("Taken down", article.Unpublished, t0.Add(-72*time.Hour), world, a1)

		ids := func(f article.Filter) []int64 {
			t.Helper()
			list, total, err := svc.List(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, a := range list {
				out = append(out, a.ID)
			}
			if f.Offset == 0 && f.Limit >= total && total != len(out) {
				t.Errorf("total %d but listed %d", total, len(out))
			}
			return out
		}
		water, err := st.TagBySlug(ctx, "water")
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name string
			f    article.Filter
			want []int64
		}{
			{"all, newest first", article.Filter{Limit: 10}, []int64{newer.ID, old.ID}},
			{"section", article.Filter{SectionID: world, Limit: 10}, []int64{old.ID}},
			{"tag", article.Filter{TagID: water.ID, Limit: 10}, []int64{newer.ID, old.ID}},
			{"author", article.Filter{AuthorID: a2, Limit: 10}, []int64{newer.ID}},
			{"exclude", article.Filter{ExcludeIDs: []int64{newer.ID}, Limit: 10}, []int64{old.ID}},
			{"second page", article.Filter{Limit: 1, Offset: 1}, []int64{old.ID}},
		}
		for _, c := range cases {
			if diff := cmp.Diff(c.want, ids(c.f)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", c.name, diff)
			}
		}
		for _, a := range []article.Article{sched, future} {
			if _, err := svc.Published(ctx, a.Slug); !errors.Is(err, article.ErrNotFound) {
				t.Errorf("%q visible before its time: %v", a.Headline, err)
			}
		}
		if _, err := svc.Published(ctx, gone.Slug); !errors.Is(err, article.ErrGone) {
			t.Errorf("unpublished story: %v, want ErrGone", err)
		}
		now = t0.Add(2 * time.Hour)
		if _, err := svc.Published(ctx, future.Slug); err != nil {
			t.Errorf("story not visible once its time came: %v", err)
		}
	})
}

func TestValidationAndConflicts(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		newsroom(t, st)
		svc := article.NewService(st, func() time.Time { return t0 })
		_, err := svc.Create(ctx, article.Input{Headline: "  ", Language: "xx-!!", Status: "live"})
		var v article.ValidationError
		if !errors.As(err, &v) {
			t.Fatalf("Create(bad) = %v, want ValidationError", err)
		}
		for _, field := range []string{"headline", "section", "authors", "language", "status"} {
			if v[field] == "" {
				t.Errorf("no message for %s in %v", field, v)
			}
		}
		if _, err := st.CreateSection(ctx, section.Section{Slug: "world", Name: "World again"}, t0); !errors.Is(err, section.ErrConflict) {
			t.Errorf("duplicate section: %v", err)
		}
		u := people.User{Email: "ed@example.org", Name: "Ed", Role: people.Editor}
		if _, err := st.CreateUser(ctx, u, t0); err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateUser(ctx, u, t0); !errors.Is(err, people.ErrConflict) {
			t.Errorf("duplicate user: %v", err)
		}
		if got, err := st.UserByEmail(ctx, "ed@example.org"); err != nil || got.Role != people.Editor {
			t.Errorf("UserByEmail = %+v, %v", got, err)
		}
	})
}

func TestInTxRollsBack(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		boom := errors.New("boom")
		err := st.InTx(ctx, func(tx *store.Store) error {
			if _, err := tx.CreateSection(ctx, section.Section{Slug: "world", Name: "World"}, t0); err != nil {
				return err
			}
			// Reads inside the transaction see its writes.
			if _, err := tx.SectionBySlug(ctx, "world"); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("InTx = %v", err)
		}
		if _, err := st.SectionBySlug(ctx, "world"); !errors.Is(err, section.ErrNotFound) {
			t.Errorf("write survived rollback: %v", err)
		}
	})
}

func TestSettingsAndPages(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		site, err := st.Site(ctx)
		if err != nil || site != settings.Defaults() {
			t.Fatalf("empty settings = %+v, %v", site, err)
		}
		want := settings.Site{Name: "Kabul Ledger", Tagline: "News", Language: "fa-AF", TimeZone: "Asia/Kabul"}
		for range 2 { // saving twice updates in place
			if err := st.SaveSite(ctx, want); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := st.Site(ctx); err != nil || got != want {
			t.Errorf("Site = %+v, %v", got, err)
		}
		if _, err := st.CreatePage(ctx, page.Page{Slug: "about", Title: "About us", Body: "We report."}, t0); err != nil {
			t.Fatal(err)
		}
		if p, err := st.PageBySlug(ctx, "about"); err != nil || p.Body != "We report." {
			t.Errorf("PageBySlug = %+v, %v", p, err)
		}
		if _, err := st.PageBySlug(ctx, "nope"); !errors.Is(err, page.ErrNotFound) {
			t.Errorf("missing page: %v", err)
		}
		if _, err := st.CreatePage(ctx, page.Page{Slug: "about", Title: "Again"}, t0); !errors.Is(err, page.ErrConflict) {
			t.Errorf("duplicate page: %v", err)
		}
	})
}

// TestDeleteSectionWhileAStoryIsFiled: on PostgreSQL a story being filed
// into a section in another transaction makes the delete wait and then
// refuse with "in use", never fail on the foreign key.
func TestDeleteSectionWhileAStoryIsFiled(t *testing.T) {
	st := storetest.OpenPostgres(t)
	ctx := context.Background()
	world, _, a1, _ := newsroom(t, st)
	filing, release := make(chan struct{}), make(chan struct{})
	filed := make(chan error, 1)
	go func() {
		filed <- st.InTx(ctx, func(tx *store.Store) error {
			_, err := tx.CreateArticle(ctx, article.Input{Headline: "Filed late", Body: "Text.", SectionID: world,
				AuthorIDs: []int64{a1}, Language: "en", Status: article.Draft}, t0)
			close(filing)
			<-release
			return err
		})
	}()
	<-filing
	deleted := make(chan error, 1)
	go func() { deleted <- st.DeleteSection(ctx, world) }()
	time.Sleep(200 * time.Millisecond) // let the delete reach the lock
	close(release)
	if err := <-filed; err != nil {
		t.Fatal(err)
	}
	var inUse *section.InUseError
	if err := <-deleted; !errors.As(err, &inUse) || inUse.Stories != 1 {
		t.Fatalf("DeleteSection = %v, want in use by 1 story", err)
	}
}
