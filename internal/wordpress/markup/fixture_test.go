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

var _ = regexp.MustCompile
var _ = strings.Contains
var _ = sanitize.Article
var _ = html.Parse
