package markup

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/sanitize"
	"golang.org/x/net/html"
)

// wxrItem is the part of a WXR item these tests read.
type wxrItem struct {
	Title   string `xml:"title"`
	Type    string `xml:"http://wordpress.org/export/1.2/ post_type"`
	ID      string `xml:"http://wordpress.org/export/1.2/ post_id"`
	URL     string `xml:"http://wordpress.org/export/1.2/ attachment_url"`
	Excerpt string `xml:"http://wordpress.org/export/1.2/excerpt/ encoded"`
	Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Meta    []struct {
		Key   string `xml:"http://wordpress.org/export/1.2/ meta_key"`
		Value string `xml:"http://wordpress.org/export/1.2/ meta_value"`
	} `xml:"http://wordpress.org/export/1.2/ postmeta"`
}

func readFixture(t testing.TB) []wxrItem {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "..", "shared", "fixtures", "wordpress", "small-export.xml"))
	if err != nil {
		f, err = os.Open("/work/shared/fixtures/wordpress/small-export.xml")
	}
	if err != nil {
		t.Skipf("WordPress fixture not found: %v", err)
	}
	defer f.Close()
	var doc struct {
		Items []wxrItem `xml:"channel>item"`
	}
	if err := xml.NewDecoder(f).Decode(&doc); err != nil {
		t.Fatalf("parse fixture: %v", err)
	}
	return doc.Items
}

// fixtureAttachments looks attachments up by id, as an importer would.
func fixtureAttachments(items []wxrItem) func(string) (string, string, string, bool) {
	byID := map[string]wxrItem{}
	for _, it := range items {
		if it.Type == "attachment" {
			byID[it.ID] = it
		}
	}
	return func(id string) (string, string, string, bool) {
		it, ok := byID[id]
		alt := ""
		for _, m := range it.Meta {
			if m.Key == "_wp_attachment_image_alt" {
				alt = m.Value
			}
		}
		return it.URL, alt, it.Excerpt, ok
	}
}

func TestFixtureDump(t *testing.T) {
	if os.Getenv("MARKUP_DUMP") == "" {
		t.Skip("set MARKUP_DUMP=1 to print every converted body")
	}
	items := readFixture(t)
	for _, it := range items {
		if it.Type != "post" && it.Type != "page" {
			continue
		}
		r := Convert(it.Content, Options{Attachment: fixtureAttachments(items)})
		t.Logf("===== %s %q warnings=%q teaser=%d\n%s", it.Type, it.Title, r.Warnings, len(r.Teaser), r.Markdown)
	}
}

// TestFixture converts every post and page of a real WordPress export and
// checks the story a reader would get from it.
func TestFixture(t *testing.T) {
	t.Parallel()
	items := readFixture(t)
	attach := fixtureAttachments(items)
	var videos, teasers, bodies int
	for _, it := range items {
		if (it.Type != "post" && it.Type != "page") || strings.TrimSpace(it.Content) == "" {
			continue
		}
		bodies++
		r := Convert(it.Content, Options{Attachment: attach})
		rendered := string(sanitize.Article(r.Markdown))
		name := it.Type + " " + it.ID + " " + it.Title
		checkNoLeftovers(t, name, r.Markdown, rendered)
		checkWarnings(t, name, r.Warnings)
		checkKept(t, name, it.Content, rendered)
		videos += strings.Count(rendered, `class="video-facade"`)
		if r.Teaser != "" {
			teasers++
		}
	}
	// The fixture's README counts 2 [embed], 3 YouTube addresses alone on a
	// line and 2 embed blocks, and 7 posts with <!--more-->.
	if videos != 7 || teasers != 7 || bodies < 40 {
		t.Errorf("over %d bodies: %d video players, %d teasers; want 7 and 7", bodies, videos, teasers)
	}
}

var leftovers = []string{"[caption", "[/caption]", "[gallery", "[embed", "[contact-form-7", "[donation_form", "<!-- wp:", "<!--more", "DATELINEVIDEO", "x-dl-embed", "\x00"}

func checkNoLeftovers(t *testing.T, name, md, rendered string) {
	t.Helper()
	for _, l := range leftovers {
		if strings.Contains(rendered, l) || strings.Contains(md, l) {
			t.Errorf("%s: %q left in the story:\n%s", name, l, md)
		}
	}
	for _, bad := range []string{"<script", "<iframe", "style=", "onclick", "onerror", "class=\"wp-"} {
		if strings.Contains(md, bad) {
			t.Errorf("%s: Markdown has %q", name, bad)
		}
	}
}

// checkWarnings allows only the two plugin shortcodes the fixture has:
// every block kind in it is known.
func checkWarnings(t *testing.T, name string, warnings []string) {
	t.Helper()
	for _, w := range warnings {
		if w != "shortcode [contact-form-7] removed" && w != "shortcode [donation_form] removed" {
			t.Errorf("%s: unexpected warning %q", name, w)
		}
	}
}

// checkKept finds every heading, list item, link and image of the source
// in the rendered story, by text content (links and images also by
// address).
func checkKept(t *testing.T, name, source, rendered string) {
	t.Helper()
	src := parseFragment(source)
	out := parseFragment(rendered)
	for _, tag := range []string{"h1", "h2", "h3", "h4", "h5", "h6", "li"} {
		have := map[string]bool{}
		for _, n := range allElements(out, tag) {
			have[norm(textOf([]*html.Node{n}))] = true
		}
		for _, n := range allElements(src, tag) {
			if want := norm(textOf([]*html.Node{n})); !have[want] {
				t.Errorf("%s: <%s> %q missing from the rendered story", name, tag, want)
			}
		}
	}
	have := map[string]bool{}
	for _, n := range allElements(out, "a") {
		have[attr(n, "href")+" "+norm(textOf([]*html.Node{n}))] = true
	}
	for _, n := range allElements(src, "a") {
		if strings.Contains(attr(n, "class"), "wp-block-file__button") {
			continue // a file block's "Download" button repeats its link on purpose
		}
		if key := attr(n, "href") + " " + norm(textOf([]*html.Node{n})); !have[key] {
			t.Errorf("%s: link %q missing from the rendered story", name, key)
		}
	}
	have = map[string]bool{}
	for _, n := range allElements(out, "img") {
		have[attr(n, "src")+" "+attr(n, "alt")] = true
	}
	for _, n := range allElements(src, "img") {
		if key := attr(n, "src") + " " + attr(n, "alt"); !have[key] {
			t.Errorf("%s: image %q missing from the rendered story", name, key)
		}
	}
}

// norm makes text comparable across goldmark's typographer: straight and
// curly quotes, dashes and ellipses count the same, white space not at all.
var dashes = regexp.MustCompile(`-+`)

func norm(s string) string {
	s = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "–", "-", "—", "-",
		"…", "...", "«", "<<", "»", ">>").Replace(s)
	return dashes.ReplaceAllString(strings.Join(strings.Fields(s), ""), "-")
}

// BenchmarkConvertFixture converts every body of the fixture once per
// iteration: an import's conversion time per post is ns/op divided by the
// number of bodies.
func BenchmarkConvertFixture(b *testing.B) {
	items := readFixture(b)
	opt := Options{Attachment: fixtureAttachments(items)}
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			if it.Type == "post" || it.Type == "page" {
				Convert(it.Content, opt)
			}
		}
	}
}
