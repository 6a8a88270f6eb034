package wordpress_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/redirect"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// TestArchiveRedirectsFixture imports the fixture and checks that its
// category archives (nested ones by both their addresses), tag and author
// archives and attachment pages, and the query forms of each, lead to the
// matching Dateline page; importing again stores no more redirects.
func TestArchiveRedirectsFixture(t *testing.T) {
	data := fixtureBytes(t)
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		r, _, err := runImport(t, st, data, wordpress.Options{Uploads: uploads})
		if err != nil {
			t.Fatal(err)
		}
		story := func(old string) int64 { // the story an old story address leads to
			t.Helper()
			got, found, err := st.Redirect(ctx, old)
			if err != nil || !found || got.ArticleID == 0 {
				t.Fatalf("Redirect(%s) = %+v, %v, %v", old, got, found, err)
			}
			return got.ArticleID
		}
		page := func(old string) string {
			t.Helper()
			got, _, _ := st.Redirect(ctx, old)
			return got.PageSlug
		}
		const (
			customsStory = "/2026/08/06/after-months-of-delay-eastbrook-gets-its-customs-reform/"
		)
		want := map[string]redirect.Target{
			"/category/world/":             {SectionSlug: "world"},
			"/?cat=2":                      {SectionSlug: "world"},
			"/category/world/asia/":        {SectionSlug: "asia"},
			"/category/asia/":              {SectionSlug: "asia"},
			"/?cat=3":                      {SectionSlug: "asia"},
			"/category/world/middle-east/": {SectionSlug: "middle-east"},
			"/category/uncategorized/":     {SectionSlug: "uncategorized"},
			"/tag/border-crossing/":        {TagSlug: "border-crossing"},
			"/?tag=border-crossing":        {TagSlug: "border-crossing"},
			"/tag/گزارش/":                  {TagSlug: "گزارش"},
			"/tag/репортаж/":               {TagSlug: "репортаж"},
			"/author/hana-rahimi/":         {AuthorSlug: "hana-rahimi"},
			"/?author=2":                   {AuthorSlug: "hana-rahimi"},
			"/author/admin/":               {AuthorSlug: "site-admin"},
			"/?author=1":                   {AuthorSlug: "site-admin"},
			// Attachment pages lead to the story the picture was attached to.
			"/?attachment_id=6":                     {ArticleID: story("/?p=8")},
			customsStory + "economists-in-valeria/": {ArticleID: story(customsStory)},
			"/?attachment_id=67":                    {PageSlug: page("/?page_id=70")},
			"/support/annual-transparency-report/":  {PageSlug: page("/?page_id=70")},
		}
		for old, w := range want {
			got, found, err := st.Redirect(ctx, old)
			if err != nil || !found || got != w {
				t.Errorf("Redirect(%s) = %+v, %v, %v; want %+v", old, got, found, err, w)
			}
		}
		if page("/?page_id=70") == "" {
			t.Error("the Support page (70) has no redirect")
		}
		n, err := st.CountRedirects(ctx)
		if err != nil || r.Redirects != n {
			t.Errorf("report says %d redirects, the table has %d (%v)", r.Redirects, n, err)
		}
		if _, _, err := runImport(t, st, data, wordpress.Options{Uploads: uploads}); err != nil {
			t.Fatal(err)
		}
		if again, _ := st.CountRedirects(ctx); again != n {
			t.Errorf("importing again: %d redirects, was %d", again, n)
		}
	})
}

// TestArchiveRedirectsInAFolder imports a blog that lived below its host
// (https://example.org/news): its archives carry that folder, and an
// attachment not attached to any story leads to the file itself.
func TestArchiveRedirectsInAFolder(t *testing.T) {
	dir := t.TempDir()
	photo, err := os.ReadFile(filepath.Join(uploads, "2026/08/activists-in-port-arden.jpg"))
	if err != nil {
		t.Skipf("fixture uploads not found (%v)", err)
	}
	writeUpload(t, dir, "2024/05/harbour.jpg", photo)
	data := snippet("https://example.org/news",
		`<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[Jane.Doe]]></wp:author_login><wp:author_email><![CDATA[jane@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[city]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[City]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>9</wp:term_id><wp:category_nicename><![CDATA[harbour]]></wp:category_nicename><wp:category_parent><![CDATA[city]]></wp:category_parent><wp:cat_name><![CDATA[Harbour]]></wp:cat_name></wp:category>
<wp:tag><wp:term_id>12</wp:term_id><wp:tag_slug><![CDATA[ferries-2]]></wp:tag_slug><wp:tag_name><![CDATA[Ferries]]></wp:tag_name></wp:tag>`,
		item{id: "30", typ: "attachment", name: "harbour", title: "Harbour", link: "https://example.org/news/harbour/",
			attachment: "https://example.org/news/wp-content/uploads/2024/05/harbour.jpg"},
		item{id: "31", typ: "post", name: "ferry-fares-rise", title: "Ferry fares rise", creator: "Jane.Doe",
			link: "https://example.org/news/2024/05/06/ferry-fares-rise/", body: "Fares rise in June.",
			extra: `<category domain="category" nicename="harbour"><![CDATA[Harbour]]></category><category domain="post_tag" nicename="ferries-2"><![CDATA[Ferries]]></category>`},
	)
	st := storetest.OpenSQLite(t)
	if _, log, err := runImport(t, st, data, wordpress.Options{Uploads: dir}); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	ctx := context.Background()
	file, _, _ := st.Redirect(ctx, "/?attachment_id=30")
	if !strings.HasPrefix(file.Path, "/media/") {
		t.Fatalf("the unattached picture's page leads to %+v, want its file", file)
	}
	for old, w := range map[string]redirect.Target{
		"/news/":                             {Path: "/"},
		"/news/category/city/":               {SectionSlug: "city"},
		"/news/category/city/harbour/":       {SectionSlug: "harbour"},
		"/news/category/harbour/":            {SectionSlug: "harbour"},
		"/?cat=9":                            {SectionSlug: "harbour"},
		"/news/tag/ferries-2/":               {TagSlug: "ferries"},
		"/?tag=ferries-2":                    {TagSlug: "ferries"},
		"/news/author/jane-doe/":             {AuthorSlug: "jane-doe"},
		"/?author=7":                         {AuthorSlug: "jane-doe"},
		"/news/harbour/":                     file,
		"/news/2024/05/06/ferry-fares-rise/": {ArticleID: 1},
	} {
		got, found, err := st.Redirect(ctx, old)
		if err != nil || !found || got != w {
			t.Errorf("Redirect(%s) = %+v, %v, %v; want %+v", old, got, found, err, w)
		}
	}
}

// item is one <item> of a generated export.
type item struct {
	id, typ, name, title, link, creator, body, status, parent, attachment, extra string
}

// snippet writes a small WXR 1.2 export of the blog at base with the
// channel elements head and the items.
func snippet(base, head string, items ...item) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Snippet Gazette</title>
<link>%s</link>
<language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>%s</wp:base_site_url>
<wp:base_blog_url>%s</wp:base_blog_url>
%s
`, base, base, base, head)
	for _, it := range items {
		status := it.status
		if status == "" {
			status = "publish"
			if it.typ == "attachment" {
				status = "inherit"
			}
		}
		creator := it.creator
		if creator == "" {
			creator = "Jane.Doe"
		}
		parent := it.parent
		if parent == "" {
			parent = "0"
		}
		fmt.Fprintf(&b, `<item>
<title><![CDATA[%s]]></title>
<link>%s</link>
<dc:creator><![CDATA[%s]]></dc:creator>
<content:encoded><![CDATA[%s]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>%s</wp:post_id>
<wp:post_date><![CDATA[2024-05-06 09:00:00]]></wp:post_date>
<wp:post_date_gmt><![CDATA[2024-05-06 09:00:00]]></wp:post_date_gmt>
<wp:comment_status><![CDATA[closed]]></wp:comment_status>
<wp:post_name><![CDATA[%s]]></wp:post_name>
<wp:status><![CDATA[%s]]></wp:status>
<wp:post_parent>%s</wp:post_parent>
<wp:post_type><![CDATA[%s]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>
<wp:is_sticky>0</wp:is_sticky>
`, it.title, it.link, creator, it.body, it.id, it.name, status, parent, it.typ)
		if it.attachment != "" {
			fmt.Fprintf(&b, "<wp:attachment_url><![CDATA[%s]]></wp:attachment_url>\n", it.attachment)
		}
		b.WriteString(it.extra + "\n</item>\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return []byte(b.String())
}

// writeUpload puts a file in an uploads folder.
func writeUpload(t *testing.T, dir, rel string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
