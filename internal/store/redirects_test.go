package store_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/redirect"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestRedirectTargets stores an old address for each kind of target and
// reads it back by the target's current slug.
func TestRedirectTargets(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, _, a1, _ := newsroom(t, st)
		tag, _, err := st.EnsureTag(ctx, "Border crossing", t0)
		if err != nil {
			t.Fatal(err)
		}
		pageID, err := st.CreatePage(ctx, page.Page{Title: "About us", Slug: "about", Body: "Who we are."}, t0)
		if err != nil {
			t.Fatal(err)
		}
		story, err := st.CreateArticle(ctx, article.Input{Headline: "Wheat", Slug: "wheat", SectionID: world, AuthorIDs: []int64{a1},
			Language: "en", Status: article.Published, PublishedAt: t0}, t0)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			old  string
			to   redirect.To
			want redirect.Target
		}{
			{"/2019/03/04/wheat/", redirect.To{ArticleID: story}, redirect.Target{ArticleID: story}},
			{"/?page_id=7", redirect.To{PageID: pageID}, redirect.Target{PageSlug: "about"}},
			{"/category/news/world/", redirect.To{SectionID: world}, redirect.Target{SectionSlug: "world"}},
			{"/tag/border-crossing-2/", redirect.To{TagID: tag}, redirect.Target{TagSlug: "border-crossing"}},
			{"/?author=3", redirect.To{AuthorID: a1}, redirect.Target{AuthorSlug: "mina-rahimi"}},
			{"/?attachment_id=12", redirect.To{Path: "/media/0123456789abcdef0123.mp4"}, redirect.Target{Path: "/media/0123456789abcdef0123.mp4"}},
		}
		for _, c := range cases {
			if err := st.SetRedirect(ctx, c.old, c.to, t0); err != nil {
				t.Fatalf("SetRedirect(%s): %v", c.old, err)
			}
		}
		// Setting them all again replaces each row: nothing is doubled.
		for _, c := range cases {
			if err := st.SetRedirect(ctx, c.old, c.to, t0); err != nil {
				t.Fatalf("SetRedirect(%s) again: %v", c.old, err)
			}
		}
		for _, c := range cases {
			got, found, err := st.Redirect(ctx, c.old)
			if err != nil || !found || got != c.want {
				t.Errorf("Redirect(%s) = %+v, %v, %v; want %+v", c.old, got, found, err, c.want)
			}
		}
		if n, err := st.CountRedirects(ctx); err != nil || n != len(cases) {
			t.Errorf("CountRedirects = %d, %v; want %d", n, err, len(cases))
		}
		// An address may change what it leads to.
		if err := st.SetRedirect(ctx, "/?author=3", redirect.To{SectionID: world}, t0); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := st.Redirect(ctx, "/?author=3"); got != (redirect.Target{SectionSlug: "world"}) {
			t.Errorf("after retargeting: %+v, want the section", got)
		}
		// It must lead somewhere, and to one place only.
		for _, to := range []redirect.To{{}, {SectionID: world, TagID: tag}} {
			if err := st.SetRedirect(ctx, "/nowhere/", to, t0); err == nil {
				t.Errorf("SetRedirect(%+v) succeeded", to)
			}
		}
	})
}

// TestRedirectMigrationKeepsRows migrates a database with redirects of
// stories and pages to the version before archive redirects, then on,
// and checks the old rows still answer.
func TestRedirectMigrationKeepsRows(t *testing.T) {
	onRawDatabases(t, checkRedirectMigration)
}

func checkRedirectMigration(t *testing.T, engine store.Engine, raw *sql.DB, url, dir string) {
	ctx := context.Background()
	list, err := store.Migrations(engine)
	if err != nil {
		t.Fatal(err)
	}
	const archives = 13
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	mustExec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`)
	for _, m := range list[:archives-1] {
		mustExec(m.SQL)
		mustExec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, m.Version, m.Name, t0)
	}
	mustExec(`INSERT INTO sections (id, slug, name, created_at, updated_at) VALUES (1, 'world', 'World', $1, $1)`, t0)
	mustExec(`INSERT INTO articles (id, slug, headline, body, section_id, language, status, published_at, created_at, updated_at)
	  VALUES (1, 'old', 'Pomegranates reach Kandahar market', 'Growers report a good harvest.', 1, 'en', 'published', $1, $1, $1)`, t0)
	mustExec(`INSERT INTO pages (id, slug, title, body, created_at, updated_at) VALUES (1, 'about', 'About us', 'Who we are.', $1, $1)`, t0)
	mustExec(`INSERT INTO redirects (old_path, article_id, page_id, created_at) VALUES ('/?p=12', 1, NULL, $1), ('/about-us/', NULL, 1, $1)`, t0)

	st, err := store.Open(ctx, url, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil || len(applied) == 0 || !strings.HasPrefix(applied[0], "0013_") {
		t.Fatalf("Migrate applied %v, %v; want 0013 onwards", applied, err)
	}
	if got, found, err := st.Redirect(ctx, "/?p=12"); err != nil || !found || got.ArticleID != 1 {
		t.Errorf("story redirect after migrating = %+v, %v, %v", got, found, err)
	}
	if got, found, err := st.Redirect(ctx, "/about-us/"); err != nil || !found || got.PageSlug != "about" {
		t.Errorf("page redirect after migrating = %+v, %v, %v", got, found, err)
	}
	if err := st.SetRedirect(ctx, "/category/world/", redirect.To{SectionID: 1}, t0); err != nil {
		t.Errorf("section redirect after migrating: %v", err)
	}
	// Deleting what a redirect leads to deletes the redirect.
	mustExec(`DELETE FROM articles WHERE id = 1`)
	if _, found, err := st.Redirect(ctx, "/?p=12"); err != nil || found {
		t.Errorf("redirect of a deleted story: found %v, %v", found, err)
	}
}
