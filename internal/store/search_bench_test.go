package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/testenv"
)

// benchFunctionWords are the commonest words of news English, ranked
// first in the generated vocabulary: "said" is in most stories, as in a
// real newsroom's archive, and makes the benchmark's hard query.
var benchFunctionWords = strings.Fields(`the of and to in a said on for that was with by from at as is it has were have`)

// benchTopicWords are the words the benchmark searches for, mostly English
// with Dari and a little Russian. benchVocabulary spreads them through the
// ranks of a few thousand words, so some are in a fifth of the stories and
// others in a few hundred.
var benchTopicWords = strings.Fields(`
government minister province village farmers water drought canal river wheat harvest price market
traders border refugees returnees school girls teachers hospital clinic doctors health winter snow
flood floods earthquake aid agency donors appeal funding budget talks ceasefire security police
court judge election council elders district governor mayor road bridge electricity power cuts fuel
Kabul Herat Kandahar Mazar Balkh Bamyan Badakhshan Badghis Helmand Nangarhar Kunduz Ghazni Panjshir
pomegranate saffron almonds apricots melons grapes livestock herders pastures glaciers valley mountains
journalist newspaper radio television interview report survey study data figures percent million
women men children families students workers merchants engineers pilots drivers shopkeepers
morning evening week month year decade century history future plan project programme scheme
زعفران هرات کابل دهقانان بازار آب گندم مکتب دختران معلمان شفاخانه زمستان برف سیلاب کمک
قیمت کشتزار باران خشکسالی ولسوالی انار بادام کارگران زنان مردان
Москва переговоры поставки пшеницы зима границы беженцы
`)

// benchVocabularySize is how many distinct words the stories are made of.
const benchVocabularySize = 4000

// benchVocabulary returns the words stories are drawn from, commonest
// first: the function words, then the topic words every 20 ranks among
// made-up words of two to four syllables.
func benchVocabulary() []string {
	rng := rand.New(rand.NewPCG(3, 4))
	syllables := strings.Fields("ba ka la ma na ra sa ta va za bo do go ko lo mo no ro so to ri mi ni si ti de le me ne re se te ul an ar or es")
	seen := map[string]bool{}
	for _, w := range append(slices.Clone(benchFunctionWords), benchTopicWords...) {
		seen[strings.ToLower(w)] = true
	}
	words := slices.Clone(benchFunctionWords)
	topics := benchTopicWords
	for len(words) < benchVocabularySize {
		if len(topics) > 0 && (len(words)-len(benchFunctionWords))%20 == 0 {
			words, topics = append(words, topics[0]), topics[1:]
			continue
		}
		var w strings.Builder
		for range 2 + rng.IntN(3) {
			w.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if !seen[w.String()] {
			seen[w.String()] = true
			words = append(words, w.String())
		}
	}
	return words
}

const benchStories = 100_000

// BenchmarkSearch times searches over 100,000 stories on SQLite and
// reports the median and 95th percentile per kind of query, and the
// processor time a search takes on average (cpu-ms/op). The stories
// are generated once, in one transaction, before the sub-benchmarks.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	st, sections, authors := openBenchStore(b)
	defer st.Close()

	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	nov := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	kinds := []struct {
		name    string
		queries []article.SearchQuery
	}{
		{"rare", texts("glaciers Panjshir", "pilots apricots", "earthquake Bamyan", "judge bridge")},
		{"common", texts("government", "water", "said", "farmers")},
		{"three-words", texts("wheat harvest price", "school girls teachers", "aid donors appeal")},
		{"persian", texts("زعفران", "دهقانان بازار", "مکتب دختران", "переговоры")},
		{"filtered", []article.SearchQuery{
			{Text: "water", SectionID: sections[0]}, {Text: "harvest", AuthorID: authors[1]},
			{Text: "flood", From: nov, To: now}, {Text: "Kabul", SectionID: sections[2], From: nov},
		}},
		{"page-3", []article.SearchQuery{{Text: "winter", Offset: 20}, {Text: "Herat", Offset: 20}}},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			cpu0 := testenv.CPUTime()
			for i := range b.N {
				q := k.queries[i%len(k.queries)]
				q.Now, q.Limit = now, 10
				t0 := time.Now()
				if _, err := st.SearchArticles(ctx, q); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			b.ReportMetric(float64((testenv.CPUTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

// openBenchStore opens a store of benchStories generated stories. With
// DATELINE_SEARCH_BENCH_DIR set, the SQLite database is kept in that folder
// and reused by later runs (delete the folder after changing the generator
// or the search migrations); otherwise it is generated afresh. With
// DATELINE_SEARCH_BENCH_DATABASE set to a PostgreSQL URL (a database or
// schema of its own), the benchmark runs there instead, kept likewise.
func openBenchStore(b *testing.B) (st *Store, sections, authors []int64) {
	ctx := context.Background()
	dir := os.Getenv("DATELINE_SEARCH_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	st, err := Open(ctx, os.Getenv("DATELINE_SEARCH_BENCH_DATABASE"), dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	var n int
	if err := st.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	if n == 0 {
		start := time.Now()
		seedBenchStories(b, st, benchStories)
		b.Logf("generated %d stories in %s", benchStories, time.Since(start).Round(time.Millisecond))
	}
	sections = benchIDs(b, st, `SELECT id FROM sections ORDER BY position`)
	authors = benchIDs(b, st, `SELECT id FROM authors ORDER BY id`)
	return st, sections, authors
}

func benchIDs(b *testing.B, st *Store, query string) []int64 {
	rows, err := st.read.QueryContext(context.Background(), query)
	if err != nil {
		b.Fatal(err)
	}
	ids, err := scanIDs(rows, nil)
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

func texts(list ...string) []article.SearchQuery {
	out := make([]article.SearchQuery, len(list))
	for i, t := range list {
		out[i] = article.SearchQuery{Text: t}
	}
	return out
}

// seedBenchStories writes n published stories over the past year with
// plain INSERTs in one write transaction; the FTS triggers index them as
// they go, as they would in production.
func seedBenchStories(b *testing.B, st *Store, n int) (sections, authors []int64) {
	ctx := context.Background()
	t0 := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for i, name := range []string{"world", "afghanistan", "climate"} {
		id, err := st.CreateSection(ctx, section.Section{Slug: name, Name: name, Position: i}, t0)
		if err != nil {
			b.Fatal(err)
		}
		sections = append(sections, id)
	}
	for _, name := range []string{"mina", "tom", "soraya", "daniel"} {
		id, err := st.CreateAuthor(ctx, people.Author{Slug: name, Name: name}, t0)
		if err != nil {
			b.Fatal(err)
		}
		authors = append(authors, id)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	vocabulary := benchVocabulary()
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocabulary)-1))
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocabulary[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	err := st.inTx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles (slug, headline, standfirst, body, section_id, language,
		    status, published_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'en', 'published', $6, $6, $6) RETURNING id`)
		if err != nil {
			return err
		}
		byline, err := tx.PrepareContext(ctx, `INSERT INTO article_authors (article_id, author_id, position) VALUES ($1, $2, 0)`)
		if err != nil {
			return err
		}
		for i := range n {
			at := t0.Add(-time.Duration(rng.Int64N(int64(365 * 24 * time.Hour))))
			var id int64
			err := ins.QueryRowContext(ctx, fmt.Sprintf("story-%d", i), words(8+rng.IntN(6)), words(20+rng.IntN(15)),
				words(120+rng.IntN(120)), sections[rng.IntN(len(sections))], at).Scan(&id)
			if err != nil {
				return err
			}
			if _, err := byline.ExecContext(ctx, id, authors[rng.IntN(len(authors))]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return sections, authors
}
