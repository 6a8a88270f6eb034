package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// searchDesk writes stories and searches them as readers would, at t0.
type searchDesk struct {
	t   *testing.T
	st  *store.Store
	svc *article.Service
}

func newSearchDesk(t *testing.T, st *store.Store) *searchDesk {
	return &searchDesk{t: t, st: st, svc: article.NewService(st, func() time.Time { return t0 })}
}

// story is a published story's input; callers change what they need.
func story(headline, standfirst, body string, section, author int64, at time.Time) article.Input {
	return article.Input{Headline: headline, Standfirst: standfirst, Body: body, SectionID: section,
		AuthorIDs: []int64{author}, Language: "en", Status: article.Published, PublishedAt: at}
}

func (d *searchDesk) create(in article.Input) article.Article {
	d.t.Helper()
	a, err := d.svc.Create(context.Background(), in)
	if err != nil {
		d.t.Fatal(err)
	}
	return a
}

func (d *searchDesk) update(id int64, in article.Input) {
	d.t.Helper()
	in.Slug = "" // keep whatever slug uniqueSlug picks
	if _, err := d.svc.Update(context.Background(), id, in); err != nil {
		d.t.Fatal(err)
	}
}

func (d *searchDesk) search(q article.SearchQuery) article.SearchResult {
	d.t.Helper()
	res, err := d.svc.Search(context.Background(), q)
	if err != nil {
		d.t.Fatalf("Search(%q): %v", q.Text, err)
	}
	return res
}

// ids returns the ids found for text, in rank order, checking the total.
func (d *searchDesk) ids(q article.SearchQuery) []int64 {
	d.t.Helper()
	res := d.search(q)
	var out []int64
	for _, h := range res.Hits {
		out = append(out, h.Article.ID)
	}
	if q.Offset == 0 && len(out) < 10 && res.Total != len(out) {
		d.t.Errorf("%q: total %d, hits %d", q.Text, res.Total, len(out))
	}
	return out
}

func (d *searchDesk) find(text string) []int64 { return d.ids(article.SearchQuery{Text: text}) }

func TestSearchFollowsTheDesk(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, _, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		in := story("Saffron harvest begins in Herat", "Farmers hope for better prices.",
			"Pickers start before dawn.", world, a1, t0.Add(-time.Hour))
		a := d.create(in)
		want := []int64{a.ID}
		check := func(step, text string, want []int64) {
			t.Helper()
			if diff := cmp.Diff(want, d.find(text)); diff != "" {
				t.Errorf("%s: search %q (-want +got):\n%s", step, text, diff)
			}
		}
		check("published", "saffron", want)
		check("published, body word", "DAWN", want)

		in.Body = "Pickers start before sunrise."
		d.update(a.ID, in)
		check("edited: old word", "dawn", nil)
		check("edited: new word", "sunrise", want)

		in.Status = article.Unpublished
		d.update(a.ID, in)
		check("unpublished", "saffron", nil)

		in.Status = article.Published
		d.update(a.ID, in)
		check("republished", "saffron", want)

		in.PublishedAt = t0.Add(time.Hour)
		d.update(a.ID, in)
		check("moved into the future", "saffron", nil)
		in.PublishedAt = t0.Add(-time.Hour)
		d.update(a.ID, in)

		if err := st.SetTrashed(ctx, []int64{a.ID}, t0); err != nil {
			t.Fatal(err)
		}
		check("trashed", "saffron", nil)
		if err := st.SetTrashed(ctx, []int64{a.ID}, time.Time{}); err != nil {
			t.Fatal(err)
		}
		check("restored from the trash", "saffron", want)

		draft := in
		draft.Headline, draft.Status, draft.PublishedAt = "Saffron draft", article.Draft, time.Time{}
		d.create(draft)
		check("drafts are never found", "draft", nil)

		if err := st.SetTrashed(ctx, []int64{a.ID}, t0.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if n, err := st.DeleteTrashed(ctx, t0); err != nil || n != 1 {
			t.Fatalf("DeleteTrashed = %d, %v", n, err)
		}
		check("deleted for good", "saffron", nil)
	})
}

func TestSearchRanksHeadlineMatchesFirst(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, _, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		// The body-only matches are newer and mention the word far more
		// often: the headline match must still come first.
		d.create(story("Markets steady in Kabul", "Traders wait.",
			"Wheat prices rose. Wheat imports fell. "+strings.Repeat("Wheat, wheat, wheat. ", 10), world, a1, t0.Add(-time.Hour)))
		d.create(story("Farmers plan for spring", "Wheat seed arrives late.",
			"Planting begins in March.", world, a1, t0.Add(-2*time.Hour)))
		headline := d.create(story("Wheat harvest doubles in the north of the country as rain returns", "A good year.",
			"Rain came on time.", world, a1, t0.Add(-48*time.Hour)))
		got := d.find("wheat")
		if len(got) != 3 || got[0] != headline.ID {
			t.Errorf("ranked %v, want the headline match %d first", got, headline.ID)
		}
		// Every word in the headline beats some of them there.
		both := d.create(story("Wheat prices in Kabul", "", "", world, a1, t0.Add(-72*time.Hour)))
		if got := d.find("kabul wheat"); len(got) != 2 || got[0] != both.ID {
			t.Errorf("ranked %v, want %d first", got, both.ID)
		}
	})
}

func TestSearchFilters(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, climate, a1, a2 := newsroom(t, st)
		d := newSearchDesk(t, st)
		nov := func(day int) time.Time { return time.Date(2026, 11, day, 8, 0, 0, 0, time.UTC) }
		w1 := d.create(story("Flood warning in Bamyan", "", "River gauges rise.", world, a1, nov(2)))
		w2 := d.create(story("Flood season ends", "", "Gauges fall.", world, a2, nov(10)))
		c1 := d.create(story("Flood maps redrawn", "", "New maps.", climate, a1, nov(18)))
		d.create(story("Drought in Badghis", "", "No rain.", climate, a2, nov(19)))
		cases := []struct {
			name string
			q    article.SearchQuery
			want []int64
		}{
			{"all, equal rank newest first", article.SearchQuery{}, []int64{c1.ID, w2.ID, w1.ID}},
			{"section", article.SearchQuery{SectionID: world}, []int64{w2.ID, w1.ID}},
			{"author", article.SearchQuery{AuthorID: a1}, []int64{c1.ID, w1.ID}},
			{"section and author", article.SearchQuery{SectionID: climate, AuthorID: a2}, nil},
			{"from", article.SearchQuery{From: nov(10)}, []int64{c1.ID, w2.ID}},
			{"to is exclusive", article.SearchQuery{To: nov(10)}, []int64{w1.ID}},
			{"from and to", article.SearchQuery{From: nov(3), To: nov(18)}, []int64{w2.ID}},
			{"first page", article.SearchQuery{Limit: 2}, []int64{c1.ID, w2.ID}},
			{"second page", article.SearchQuery{Limit: 2, Offset: 2}, []int64{w1.ID}},
			{"past the end", article.SearchQuery{Limit: 2, Offset: 4}, nil},
		}
		for _, c := range cases {
			c.q.Text = "flood"
			res := d.search(c.q)
			var got []int64
			for _, h := range res.Hits {
				got = append(got, h.Article.ID)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", c.name, diff)
			}
		}
		if res := d.search(article.SearchQuery{Text: "flood", Limit: 1, Offset: 1}); res.Total != 3 {
			t.Errorf("total on a later page = %d, want 3", res.Total)
		}
		if got := d.find("flood gauges"); !cmp.Equal(got, []int64{w2.ID, w1.ID}) {
			t.Errorf("every word must match: got %v", got)
		}
	})
}

func TestSearchScripts(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, _, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		fa := story("برداشت زعفران در هرات آغاز شد", "دهقانان به بازار امیدوارند",
			"کارگران پیش از طلوع آفتاب کار را آغاز می‌کنند و مکتب‌ها بسته است.", world, a1, t0.Add(-time.Hour))
		fa.Language = "fa-AF"
		persian := d.create(fa)
		ru := story("Москва и Кабул обсуждают поставки пшеницы", "", "Переговоры продолжатся в декабре.", world, a1, t0.Add(-2*time.Hour))
		ru.Language = "ru"
		russian := d.create(ru)
		fr := story("Le café de Hérat rouvre", "", "Une réouverture attendue.", world, a1, t0.Add(-3*time.Hour))
		fr.Language = "fr"
		french := d.create(fr)
		cases := []struct {
			text string
			want []int64
		}{
			{"زعفران", []int64{persian.ID}},
			{"هرات", []int64{persian.ID}},
			{"مکتب‌ها", []int64{persian.ID}},
			{"москва", []int64{russian.ID}},
			{"ПШЕНИЦЫ", []int64{russian.ID}},
			{"café", []int64{french.ID}},
			// Accents fold on both engines, in either direction.
			{"cafe herat", []int64{french.ID}},
			{"CAFE", []int64{french.ID}},
			{"réouverture attendué", []int64{french.ID}},
			{"reouverture", []int64{french.ID}},
			{"café", []int64{french.ID}}, // e and a combining accent
			{"Mосква", nil},               // a Latin M is not a Cyrillic one
		}
		for _, c := range cases {
			if diff := cmp.Diff(c.want, d.find(c.text)); diff != "" {
				t.Errorf("search %q (-want +got):\n%s", c.text, diff)
			}
		}
		res := d.search(article.SearchQuery{Text: "زعفران"})
		if len(res.Hits) != 1 || !res.Hits[0].Headline.HasMatch() || res.Hits[0].Headline.Text() != fa.Headline {
			t.Errorf("Persian headline marks: %+v", res.Hits)
		}
	})
}

func TestSearchSnippets(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, _, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		body := "## Background\n\nThe **canal** was <b>rebuilt</b> by [local engineers](https://example.org/canal) " +
			"over three years.\n\n" + strings.Repeat("Farmers in the district grow wheat and melons. ", 40) +
			"At the far end, the canal reaches the desert."
		a := d.create(story("Water returns to farms", "", body, world, a1, t0.Add(-time.Hour)))
		res := d.search(article.SearchQuery{Text: "engineers canal"})
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Article.ID != a.ID {
			t.Fatalf("search = %+v", res)
		}
		h := res.Hits[0]
		if h.Headline.Text() != "Water returns to farms" || h.Headline.HasMatch() {
			t.Errorf("headline = %+v", h.Headline)
		}
		if len(h.Article.Authors) != 1 || h.Article.Section.ID != world {
			t.Errorf("hit not filled like a list: %+v", h.Article)
		}
		text := h.Snippet.Text()
		var matches []string
		for _, sp := range h.Snippet {
			if sp.Match {
				matches = append(matches, strings.ToLower(sp.Text))
			}
		}
		if !strings.Contains(strings.Join(matches, " "), "engineers") || !strings.Contains(strings.Join(matches, " "), "canal") {
			t.Errorf("snippet marks %q in %q", matches, text)
		}
		for _, noise := range []string{"**", "](", "##", "https://", "\x02", "\x03"} {
			if strings.Contains(text, noise) {
				t.Errorf("snippet %q contains %q", text, noise)
			}
		}
		// Stored HTML stays text: the snippet carries it as characters for
		// the template to escape, never as markup it trusts.
		// (PostgreSQL's parser drops the tags from its headlines.)
		if !strings.Contains(text, "rebuilt") || strings.Contains(text, "<") && !strings.Contains(text, "<b>rebuilt</b>") {
			t.Errorf("snippet %q lost the literal text", text)
		}
		if utf8.RuneCountInString(text) > 600 {
			t.Errorf("snippet is %d characters, want a snippet", utf8.RuneCountInString(text))
		}
	})
}

// hostileQueries are searches that would be syntax errors or worse if
// passed to FTS5 or tsquery as typed.
var hostileQueries = []string{
	`"`, `""`, `"""`, `*`, `**`, `a*`, `NEAR(`, `NEAR(a b`, `NEAR(a b, 2)`, `AND OR NOT`, `AND`, `OR`, `NOT x`,
	`-x`, `- -`, `+x`, `col:x`, `headline:canal`, `{headline body}:canal`, `^canal`, `canal^2`, `(`, `)`, `()`,
	`NEAR(canal`, `'`, `';--`, `\`, `$1`, `?`, `%`, `_`, `a & b | !c`, `a <-> b`, `a:*`, `!!`, `:`, "\x00", "\x02canal\x03",
	"canal\u200c", "\u200c\u200d", "\u0301", `<script>alert(1)</script>`,
	strings.Repeat("canal ", 2000), strings.Repeat("x", 10<<10), strings.Repeat(`"*(`, 3000),
}

func TestSearchHostileQueries(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, _, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		canal := d.create(story("Canal rebuilt", "", "Water returns.", world, a1, t0.Add(-time.Hour)))
		finds := map[string]bool{"\x02canal\x03": true, "canal\u200c": true, strings.Repeat("canal ", 2000): true,
			"^canal": true}
		for _, q := range hostileQueries {
			res, err := d.svc.Search(context.Background(), article.SearchQuery{Text: q})
			if err != nil {
				t.Errorf("Search(%.40q): %v", q, err)
				continue
			}
			if finds[q] && (len(res.Hits) != 1 || res.Hits[0].Article.ID != canal.ID) {
				t.Errorf("Search(%.40q) = %d hits, want the canal story", q, len(res.Hits))
			}
		}
		// The store itself holds the same line when called directly.
		for _, q := range []string{`NEAR(`, `"`, strings.Repeat("x", 10<<10)} {
			if _, err := st.SearchArticles(context.Background(), article.SearchQuery{Text: q, Now: t0, Limit: 10}); err != nil {
				t.Errorf("SearchArticles(%.40q): %v", q, err)
			}
		}
		if res := d.search(article.SearchQuery{Text: "  \t"}); res.Total != 0 || res.Hits != nil {
			t.Errorf("empty query = %+v, want an empty result", res)
		}
	})
}

func FuzzSearchTerms(f *testing.F) {
	for _, q := range hostileQueries {
		f.Add(q)
	}
	f.Add("زعفران در هرات می‌روم")
	f.Add("Москва café")
	st := storetest.OpenSQLite(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		terms := article.SearchTerms(text)
		if len(terms) > 16 {
			t.Errorf("%d terms", len(terms))
		}
		runes := 0
		for _, term := range terms {
			runes += utf8.RuneCountInString(term)
			if term == "" || strings.IndexFunc(term, unicode.IsLetter) < 0 && strings.IndexFunc(term, unicode.IsDigit) < 0 {
				t.Errorf("term %q has no letter or digit", term)
			}
			if i := strings.IndexFunc(term, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '\u200c' && r != '\u200d'
			}); i >= 0 {
				t.Errorf("term %q carries %q", term, term[i:])
			}
		}
		if runes > article.MaxSearchText {
			t.Errorf("terms hold %d characters", runes)
		}
		// Whatever the text, the engine accepts the query built from it.
		if _, err := st.SearchArticles(ctx, article.SearchQuery{Text: text, Now: t0, Limit: 10}); err != nil {
			t.Errorf("SearchArticles(%q): %v", text, err)
		}
	})
}

// TestSearchMigrationIndexesExistingStories migrates a database to just
// before search, writes a story the old way, and checks that migrating on
// makes it findable.
func TestSearchMigrationIndexesExistingStories(t *testing.T) {
	onRawDatabases(t, checkSearchBackfill)
}

// onRawDatabases runs check on an empty SQLite database and an empty
// PostgreSQL schema, opened without migrating, for tests that migrate step
// by step themselves.
func onRawDatabases(t *testing.T, check func(t *testing.T, engine store.Engine, raw *sql.DB, url, dir string)) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		raw := rawDB(t, "sqlite", "file:"+filepath.Join(dir, store.SQLiteFile)+"?_pragma=foreign_keys(1)&_time_format=sqlite")
		check(t, store.SQLite, raw, "", dir)
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		url := testenv.PostgresURL(t)
		admin := rawDB(t, "pgx", url)
		schema := "test_" + strings.ToLower(rand.Text()[:12])
		if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
		sep := "?"
		if strings.Contains(url, "?") {
			sep = "&"
		}
		url += sep + "search_path=" + schema
		check(t, store.Postgres, rawDB(t, "pgx", url), url, "")
	})
}

func rawDB(t *testing.T, driver, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func checkSearchBackfill(t *testing.T, engine store.Engine, raw *sql.DB, url, dir string) {
	ctx := context.Background()
	list, err := store.Migrations(engine)
	if err != nil {
		t.Fatal(err)
	}
	const search = 6
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%.60s: %v", q, err)
		}
	}
	// The runner's own bookkeeping table, as Migrate creates it.
	mustExec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`)
	for _, m := range list[:search-1] {
		mustExec(m.SQL)
		mustExec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, m.Version, m.Name, t0)
	}
	mustExec(`INSERT INTO sections (id, slug, name, created_at, updated_at) VALUES (1, 'world', 'World', $1, $1)`, t0)
	mustExec(`INSERT INTO articles (slug, headline, body, section_id, language, status, published_at, created_at, updated_at)
	  VALUES ('old', 'Pomegranates reach Kandahar market', 'Growers report a good harvest.', 1, 'en', 'published', $1, $1, $1)`, t0)

	st, err := store.Open(ctx, url, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil || len(applied) == 0 || !strings.HasPrefix(applied[0], "0006_") {
		t.Fatalf("Migrate applied %v, %v; want 0006 onwards", applied, err)
	}
	res, err := st.SearchArticles(ctx, article.SearchQuery{Text: "harvest pomegranates", Now: t0, Limit: 10})
	if err != nil || res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Article.Slug != "old" {
		t.Errorf("search after migrating = %+v, %v; want the old story", res, err)
	}
}

// TestSearchCap checks a search matching more stories than its cap: the
// newest matches are ranked and counted, and the result says there are more.
func TestSearchCap(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		world, science, a1, _ := newsroom(t, st)
		d := newSearchDesk(t, st)
		var ids []int64 // oldest written first
		for i, h := range []string{"Harbour reopens", "Quiet day", "Harbour fees", "Ferry news", "Harbour strike"} {
			sec := world
			if i%2 == 1 {
				sec = science
			}
			ids = append(ids, d.create(story(h, "", "The harbour and its boats.", sec, a1, t0.Add(-time.Duration(10-i)*time.Hour))).ID)
		}
		res := d.search(article.SearchQuery{Text: "harbour", MaxMatches: 3})
		if res.Total != 3 || !res.More || len(res.Hits) != 3 {
			t.Fatalf("capped at 3: total %d, more %v, %d hits", res.Total, res.More, len(res.Hits))
		}
		// The three newest; the one with the word in its headline first.
		if got := []int64{res.Hits[0].Article.ID}; got[0] != ids[4] {
			t.Errorf("first hit %d, want the newest headline match %d", got[0], ids[4])
		}
		for _, h := range res.Hits {
			if h.Article.ID == ids[0] || h.Article.ID == ids[1] {
				t.Errorf("hit %d is older than the 3 newest matches", h.Article.ID)
			}
		}
		if res := d.search(article.SearchQuery{Text: "harbour", MaxMatches: 3, Offset: 3}); len(res.Hits) != 0 || res.Total != 3 || !res.More {
			t.Errorf("past the cap: %d hits, total %d, more %v", len(res.Hits), res.Total, res.More)
		}
		if res := d.search(article.SearchQuery{Text: "harbour", MaxMatches: 5}); res.Total != 5 || res.More || len(res.Hits) != 5 {
			t.Errorf("cap of exactly the matches: total %d, more %v, %d hits", res.Total, res.More, len(res.Hits))
		}
		if res := d.search(article.SearchQuery{Text: "harbour", MaxMatches: 2, SectionID: science}); res.Total != 2 || res.More {
			t.Errorf("cap after the filter: total %d, more %v", res.Total, res.More)
		}
		if res := d.search(article.SearchQuery{Text: "harbour", Limit: 2, Offset: 4}); len(res.Hits) != 1 || res.Total != 5 {
			t.Errorf("last page: %d hits, total %d", len(res.Hits), res.Total)
		}
		if res := d.search(article.SearchQuery{Text: "harbour", Limit: 2, Offset: 6}); len(res.Hits) != 0 || res.Total != 5 {
			t.Errorf("past the end: %d hits, total %d", len(res.Hits), res.Total)
		}
	})
}
