package wordpress_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// The fixture: a real WordPress 6.1 export, described in its README.
const (
	fixture = "../../../shared/fixtures/wordpress/small-export.xml"
	uploads = "../../../shared/fixtures/wordpress/uploads"
)

// smallImages keep image processing cheap in tests.
var smallImages = media.Options{MaxWidth: 400, Widths: []int{160}, SkipWebP: true}

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func fixtureBytes(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Skipf("WordPress fixture not found (%v)", err)
	}
	return b
}

// runImport imports data into st with media stored in a fresh folder.
func runImport(t testing.TB, st *store.Store, data []byte, opt wordpress.Options) (*wordpress.Report, string, error) {
	t.Helper()
	if opt.Media == nil {
		bucket, err := disk.New(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		opt.Media = bucket
	}
	if opt.Images.MaxWidth == 0 {
		opt.Images = smallImages
	}
	var log bytes.Buffer
	opt.Warnings = &log
	opt.Now = func() time.Time { return now }
	r, err := wordpress.Import(context.Background(), st, bytes.NewReader(data), opt)
	return r, log.String(), err
}

// count runs a COUNT query through the store's own read path.
func count(t testing.TB, st *store.Store, q string, args ...any) int {
	t.Helper()
	n, err := st.QueryCount(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestImportFixture(t *testing.T) {
	data := fixtureBytes(t)
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		r, log, err := runImport(t, st, data, wordpress.Options{Uploads: uploads})
		if err != nil {
			t.Fatal(err)
		}
		checkFixture(t, st, r, log)
		ids := snapshot(t, st)

		// The same file again: nothing new, nothing rewritten.
		r2, _, err := runImport(t, st, data, wordpress.Options{Uploads: uploads})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range wordpress.Kinds {
			c := r2.Counts[k]
			if c.Imported != 0 || c.Updated != 0 {
				t.Errorf("second import: %s %+v, want nothing imported or updated", k, *c)
			}
		}
		if r2.Counts["articles"].Unchanged != 42 || r2.Counts["comments"].Unchanged != 283 {
			t.Errorf("second import unchanged: articles %d, comments %d; want 42, 283",
				r2.Counts["articles"].Unchanged, r2.Counts["comments"].Unchanged)
		}
		if again := snapshot(t, st); again != ids {
			t.Errorf("second import changed the database:\nbefore %s\nafter  %s", ids, again)
		}
	})
}

// checkFixture asserts the counts the fixture's README gives.
func checkFixture(t *testing.T, st *store.Store, r *wordpress.Report, log string) {
	t.Helper()
	checks := []struct {
		name string
		q    string
		want int
	}{
		{"articles", `SELECT COUNT(*) FROM articles`, 42},
		{"published (the password-protected one is not)", `SELECT COUNT(*) FROM articles WHERE status = 'published'`, 35},
		{"unpublished", `SELECT COUNT(*) FROM articles WHERE status = 'unpublished'`, 1},
		{"drafts: 3 drafts and the private post", `SELECT COUNT(*) FROM articles WHERE status = 'draft' AND review_state = ''`, 4},
		{"pending, ready for review", `SELECT COUNT(*) FROM articles WHERE status = 'draft' AND review_state = 'submitted'`, 1},
		{"scheduled", `SELECT COUNT(*) FROM articles WHERE status = 'scheduled'`, 1},
		{"lead stories (sticky)", `SELECT COUNT(*) FROM articles WHERE is_lead`, 1},
		{"pages (the draft Privacy Policy skipped)", `SELECT COUNT(*) FROM pages`, 5},
		{"comments", `SELECT COUNT(*) FROM comments`, 283},
		{"approved comments and pingbacks", `SELECT COUNT(*) FROM comments WHERE status = 'approved'`, 243},
		{"held comments", `SELECT COUNT(*) FROM comments WHERE status = 'pending'`, 32},
		{"trashed comments", `SELECT COUNT(*) FROM comments WHERE status = 'trash'`, 8},
		{"spam comments (none exported)", `SELECT COUNT(*) FROM comments WHERE status = 'spam'`, 0},
		{"top-level comments", `SELECT COUNT(*) FROM comments WHERE depth = 1 AND parent_id IS NULL`, 195},
		{"replies at depth 2", `SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE c.depth = 2 AND p.depth = 1`, 65},
		{"replies at depth 3", `SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE c.depth = 3 AND p.depth = 2`, 23},
		{"comments with an author URL", `SELECT COUNT(*) FROM comments WHERE author_url <> ''`, 120},
		{"comments by registered users", `SELECT COUNT(*) FROM comments WHERE user_id IS NOT NULL`, 17},
		{"no client address kept", `SELECT COUNT(*) FROM comments WHERE client_hash <> ''`, 0},
		{"commenters' emails kept (pingbacks have none)", `SELECT COUNT(*) FROM comments WHERE author_email LIKE '%@%'`, 281},
		{"the story with 40 approved comments", `SELECT COUNT(*) FROM (SELECT article_id FROM comments WHERE status = 'approved' GROUP BY article_id HAVING COUNT(*) = 40) x`, 1},
		{"authors", `SELECT COUNT(*) FROM authors`, 5},
		{"staff accounts, disabled and without password", `SELECT COUNT(*) FROM users WHERE disabled AND password_hash = ''`, 5},
		{"tags: 40 tags and the categories after the first", `SELECT COUNT(*) FROM tags WHERE slug IN ('گزارش', 'مصاحبه', 'репортаж')`, 3},
		{"sections", `SELECT COUNT(*) FROM sections`, 9},
		{"images: one library entry per distinct picture", `SELECT COUNT(*) FROM media`, distinctPictures(t, uploads, "")},
		{"featured images (11 posts)", `SELECT COUNT(*) FROM articles WHERE featured_media_id IS NOT NULL`, 11},
		{"images with alt text", `SELECT COUNT(*) FROM media WHERE alt <> ''`, distinctPictures(t, uploads, "")},
	}
	for _, c := range checks {
		if got := count(t, st, c.q); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	if c := r.Counts["articles"]; c.Imported != 42 {
		t.Errorf("report: articles %+v, want 42 imported", *c)
	}
	if c := r.Counts["comments"]; c.Imported != 283 {
		t.Errorf("report: comments %+v, want 283 imported", *c)
	}
	if c := r.Counts["tags"]; c.Imported < 40 {
		t.Errorf("report: tags %+v, want 40 imported", *c)
	}
	if !strings.Contains(log, "password-protected") {
		t.Errorf("no warning about the password-protected post in:\n%s", log)
	}
	if strings.Contains(log, "missing file") || len(r.Missing) > 0 {
		t.Errorf("files reported missing though the uploads folder has them all: %v", r.Missing)
	}
	ctx := context.Background()
	lead, err := st.ListArticles(ctx, article.Filter{Now: now, LeadOnly: true})
	if err != nil || len(lead) != 1 || !strings.Contains(lead[0].Headline, "Broadcast licensing") {
		t.Errorf("lead stories = %v, %v; want the sticky post", headlines(lead), err)
	}
	locked := count(t, st, `SELECT COUNT(*) FROM articles WHERE headline LIKE 'For supporters:%' AND status = 'unpublished'`)
	if locked != 1 {
		t.Errorf("the password-protected post is not unpublished")
	}
}

func headlines(list []article.Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Headline)
	}
	return out
}

// snapshot sums up ids and contents, to compare before and after a re-run.
func snapshot(t *testing.T, st *store.Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT COUNT(*) FROM articles`, `SELECT COALESCE(SUM(id), 0) FROM articles`, `SELECT COALESCE(SUM(version), 0) FROM articles`,
		`SELECT COUNT(*) FROM comments`, `SELECT COALESCE(SUM(id), 0) FROM comments`, `SELECT COALESCE(SUM(depth), 0) FROM comments`,
		`SELECT COUNT(*) FROM pages`, `SELECT COUNT(*) FROM authors`, `SELECT COUNT(*) FROM users`, `SELECT COUNT(*) FROM tags`,
		`SELECT COUNT(*) FROM sections`, `SELECT COUNT(*) FROM media`, `SELECT COUNT(*) FROM redirects`, `SELECT COUNT(*) FROM import_map`,
		`SELECT COUNT(*) FROM article_revisions`, `SELECT COUNT(*) FROM article_tags`,
	} {
		b.WriteString(strings.Fields(q)[1] + "=")
		b.WriteString(itoa(count(t, st, q)) + " ")
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestImportListsMissingFiles(t *testing.T) {
	data := fixtureBytes(t)
	// A copy of the uploads folder without one original.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(uploads)); err != nil {
		t.Fatal(err)
	}
	gone := "2026/08/activists-in-port-arden.jpg"
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(gone))); err != nil {
		t.Fatal(err)
	}
	st := storetest.OpenSQLite(t)
	r, log, err := runImport(t, st, data, wordpress.Options{Uploads: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Missing) != 1 || r.Missing[0] != gone {
		t.Errorf("missing = %v, want [%s]", r.Missing, gone)
	}
	if !strings.Contains(log, "missing file: "+gone) {
		t.Errorf("warnings log does not name the missing file:\n%s", log)
	}
	if n, want := count(t, st, `SELECT COUNT(*) FROM media`), distinctPictures(t, uploads, gone); n != want {
		t.Errorf("media = %d, want the %d other distinct pictures", n, want)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	data := fixtureBytes(t)
	st := storetest.OpenSQLite(t)
	mediaDir := t.TempDir()
	bucket, err := disk.New(mediaDir)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := runImport(t, st, data, wordpress.Options{Uploads: uploads, DryRun: true, Media: bucket})
	if err != nil {
		t.Fatal(err)
	}
	if r.Counts["articles"].Imported != 42 || r.Counts["comments"].Imported != 283 {
		t.Errorf("dry run report: articles %+v, comments %+v", *r.Counts["articles"], *r.Counts["comments"])
	}
	for _, table := range []string{"articles", "comments", "authors", "users", "tags", "sections", "pages", "media", "redirects", "import_map"} {
		if n := count(t, st, `SELECT COUNT(*) FROM `+table); n != 0 {
			t.Errorf("dry run left %d rows in %s", n, table)
		}
	}
	files, _ := os.ReadDir(mediaDir)
	if len(files) != 0 {
		t.Errorf("dry run wrote %d media files", len(files))
	}
}

func TestBadInput(t *testing.T) {
	data := fixtureBytes(t)
	// Cut inside an item, some way into the file.
	cut := bytes.Index(data, []byte("<wp:comment_content>"))
	truncated := data[:cut+40]
	wantLine := bytes.Count(truncated, []byte("\n")) + 1
	latin1 := bytes.Replace(data[:bytes.Index(data, []byte("<item>"))], []byte(`encoding="UTF-8"`), []byte(`encoding="ISO-8859-1"`), 1)
	latin1 = append(latin1, []byte("</channel></rss>")...)
	badBytes := bytes.Replace(data, []byte("The Example Gazette</title>"), []byte("The Example Gazette \xe9t\xe9</title>"), 1)

	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"truncated", truncated, []string{"line " + itoa(wantLine), "truncated"}},
		{"declared in another encoding", latin1, []string{"not UTF-8", "ISO-8859-1"}},
		{"invalid UTF-8 bytes", badBytes, []string{"not UTF-8", "line 29"}},
		{"not XML at all", []byte("name,email\nmina,mina@example.org\n"), []string{"line"}},
		{"XML but not WordPress", []byte(`<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>`), []string{"base_site_url"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := storetest.OpenSQLite(t)
			_, _, err := runImport(t, st, c.data, wordpress.Options{Uploads: uploads})
			if err == nil {
				t.Fatal("import succeeded")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			var se *wordpress.SyntaxError
			if !errors.As(err, &se) {
				t.Errorf("error %T is not a *wordpress.SyntaxError", err)
			}
			for _, table := range []string{"articles", "comments", "authors", "media", "redirects", "import_map"} {
				if n := count(t, st, `SELECT COUNT(*) FROM `+table); n != 0 {
					t.Errorf("failed import left %d rows in %s", n, table)
				}
			}
		})
	}
}

func TestUnknownElementsAreSkippedWithAWarning(t *testing.T) {
	data := fixtureBytes(t)
	// Elements a newer WordPress might add: in the channel, in an item and
	// in a comment.
	data = bytes.Replace(data, []byte("<wp:wxr_version>"), []byte("<wp:site_icon_id>12</wp:site_icon_id><wp:wxr_version>"), 1)
	data = bytes.Replace(data, []byte("<wp:is_sticky>"), []byte("<wp:post_format_v2><![CDATA[aside]]></wp:post_format_v2><wp:is_sticky>"), 1)
	data = bytes.Replace(data, []byte("<wp:comment_type>"), []byte("<wp:comment_karma_v2>3</wp:comment_karma_v2><wp:comment_type>"), 1)
	st := storetest.OpenSQLite(t)
	r, log, err := runImport(t, st, data, wordpress.Options{Uploads: uploads})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"<wp:site_icon_id>", "<wp:post_format_v2>", "<wp:comment_karma_v2>"} {
		if strings.Count(log, name) != 1 {
			t.Errorf("want one warning about %s in:\n%s", name, log)
		}
	}
	if r.Counts["articles"].Imported != 42 || r.Counts["comments"].Imported != 283 {
		t.Errorf("unknown elements changed what was imported: %+v %+v", *r.Counts["articles"], *r.Counts["comments"])
	}
}

// TestReaderMemoryIsPerItem reads a stream longer than any buffer through
// the reader, checking it returns items one by one.
func TestReaderReturnsItemsInOrder(t *testing.T) {
	var b bytes.Buffer
	if err := wordpress.Generate(&b, wordpress.GenerateOptions{Posts: 30, CommentsPerPost: 3}); err != nil {
		t.Fatal(err)
	}
	rd := wordpress.NewReader(&b)
	posts, comments := 0, 0
	for {
		v, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if it, ok := v.(*wordpress.Item); ok && it.Type == "post" {
			posts++
			comments += len(it.Comments)
		}
	}
	if posts != 30 || comments != 90 {
		t.Errorf("read %d posts, %d comments; want 30, 90", posts, comments)
	}
}

// distinctPictures counts the different original pictures (JPEG and PNG,
// not WordPress's resized copies) in an uploads folder, leaving out one
// file: the export attaches some pictures twice under different names, and
// a content-addressed library keeps one entry for each picture.
func distinctPictures(t *testing.T, dir, except string) int {
	t.Helper()
	sized := regexp.MustCompile(`-\d+x\d+\.[a-z]+$`)
	seen := map[[32]byte]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		ext := strings.ToLower(filepath.Ext(p))
		if filepath.ToSlash(rel) == except || sized.MatchString(p) || (ext != ".jpg" && ext != ".jpeg" && ext != ".png") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		seen[sha256.Sum256(b)] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return len(seen)
}

// TestImportedContent spot-checks converted bodies: each block and
// shortcode kind of the fixture, and links between its stories.
func TestImportedContent(t *testing.T) {
	st := storetest.OpenSQLite(t)
	if _, _, err := runImport(t, st, fixtureBytes(t), wordpress.Options{Uploads: uploads}); err != nil {
		t.Fatal(err)
	}
	bodies := `(SELECT body FROM articles UNION ALL SELECT body FROM pages) b`
	checks := []struct {
		name string
		q    string
		want func(int) bool
		says string
	}{
		{"links to the old site's stories left", `SELECT COUNT(*) FROM ` + bodies + ` WHERE body LIKE '%news.example.org/2026/%'`, zero, "none"},
		{"old uploads addresses left", `SELECT COUNT(*) FROM ` + bodies + ` WHERE body LIKE '%wp-content/uploads%'`, zero, "none"},
		{"raw block comments or shortcodes", `SELECT COUNT(*) FROM ` + bodies + ` WHERE body LIKE '%<!-- wp:%' OR body LIKE '%[caption%' OR body LIKE '%[gallery%' OR body LIKE '%[embed%' OR body LIKE '%[contact-form-7%' OR body LIKE '%[donation_form%'`, zero, "none"},
		{"links rewritten to new story addresses", `SELECT COUNT(*) FROM articles WHERE body LIKE '%](/2026/%'`, atLeast(10), "at least 10"},
		{"library photos with the post's caption as their title", `SELECT COUNT(*) FROM articles WHERE body LIKE '%](/media/% "A view of %")%'`, atLeast(2), "at least 2"},
		{"figures around a library photo (its caption would show twice)", `SELECT COUNT(*) FROM articles WHERE body LIKE '%<figure>

![%](/media/%)

<figcaption>%'`, zero, "none"},
		{"YouTube players (a watch URL alone on a line)", `SELECT COUNT(*) FROM articles WHERE body LIKE '%https://www.youtube.com/watch?v=%'`, atLeast(5), "at least 5"},
		{"headings", `SELECT COUNT(*) FROM articles WHERE body LIKE '%## %'`, atLeast(20), "at least 20"},
		{"quotes", `SELECT COUNT(*) FROM articles WHERE body LIKE '%> %'`, atLeast(10), "at least 10"},
		{"tables", `SELECT COUNT(*) FROM articles WHERE body LIKE '%| --- |%' OR body LIKE '%|---|%' OR body LIKE '%<table>%'`, atLeast(2), "at least 2"},
	}
	for _, c := range checks {
		if got := count(t, st, c.q); !c.want(got) {
			t.Errorf("%s: %d, want %s", c.name, got, c.says)
		}
	}
	// The [gallery ids="20,21,22"] shortcode shows its three photos from the library.
	n := count(t, st, `SELECT COUNT(*) FROM articles WHERE headline = ? AND body LIKE '%![%](/media/%![%](/media/%![%](/media/%'`,
		"Fuel subsidies talks resume as doctors wait for answers")
	if n != 1 {
		t.Errorf("the [gallery] story does not show three library photos")
	}
}

func zero(n int) bool { return n == 0 }

func atLeast(m int) func(int) bool { return func(n int) bool { return n >= m } }

// TestLargeThreadsAndReimport imports more comments than are written at
// once, then a newer export in which an old comment became a reply to a
// new one, on each engine.
func TestLargeThreadsAndReimport(t *testing.T) {
	var b bytes.Buffer
	if err := wordpress.Generate(&b, wordpress.GenerateOptions{Posts: 3, CommentsPerPost: 900}); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		r, _, err := runImport(t, st, data, wordpress.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c := r.Counts["comments"]; c.Imported != 2700 {
			t.Fatalf("comments %+v, want 2700 imported", *c)
		}
		// Every third comment replies to the one before, on the same story.
		replies := count(t, st, `SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id
		  WHERE p.article_id = c.article_id AND c.depth = 2 AND p.depth = 1`)
		if replies != 900 {
			t.Errorf("%d replies under their parents, want 900", replies)
		}
		before := snapshot(t, st)

		// Comment 1 now replies to a new comment listed before it.
		const newComment = `<wp:comment><wp:comment_id>99999</wp:comment_id><wp:comment_author><![CDATA[Newcomer]]></wp:comment_author>` +
			`<wp:comment_author_email><![CDATA[new@example.net]]></wp:comment_author_email><wp:comment_date_gmt><![CDATA[2020-01-01 08:30:00]]></wp:comment_date_gmt>` +
			`<wp:comment_content><![CDATA[A new first word.]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>` +
			`<wp:comment_parent>0</wp:comment_parent></wp:comment>`
		first := []byte("<wp:comment><wp:comment_id>1</wp:comment_id>")
		newer := bytes.Replace(data, first, append([]byte(newComment), first...), 1)
		at := bytes.Index(newer, first)
		end := at + bytes.Index(newer[at:], []byte("</wp:comment>"))
		comment1 := bytes.Replace(newer[at:end], []byte("<wp:comment_parent>0<"), []byte("<wp:comment_parent>99999<"), 1)
		newer = append(append(append([]byte{}, newer[:at]...), comment1...), newer[end:]...)

		r, _, err = runImport(t, st, newer, wordpress.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if c := r.Counts["comments"]; c.Imported != 1 || c.Updated != 1 || c.Unchanged != 2699 {
			t.Errorf("second import: comments %+v, want 1 imported, 1 updated, 2699 unchanged", *c)
		}
		moved := count(t, st, `SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id
		  WHERE p.body LIKE '%new first word%' AND c.depth = 2 AND c.author_name = 'Reader 1'`)
		if moved != 1 {
			t.Errorf("comment 1 is not a reply to the new comment")
		}
		if n := count(t, st, `SELECT COUNT(*) FROM comments`); n != 2701 {
			t.Errorf("%d comments after the second import, want 2701", n)
		}
		if after := snapshot(t, st); after == before {
			t.Errorf("second import changed nothing")
		}
	})
}
