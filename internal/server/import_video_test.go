package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// TestImportedWordPressVideo imports an uploaded video and checks the
// story plays it from the media library, as it plays a video uploaded at
// the desk.
func TestImportedWordPressVideo(t *testing.T) {
	dir := t.TempDir()
	clip := fakeMP4("isom", 64<<10)
	if err := os.MkdirAll(filepath.Join(dir, "2024", "05"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2024", "05", "harbour.mp4"), clip, 0o644); err != nil {
		t.Fatal(err)
	}
	const wxr = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Harbour News</title><link>https://harbour.example.org</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://harbour.example.org</wp:base_site_url><wp:base_blog_url>https://harbour.example.org</wp:base_blog_url>
<item><title>Boats at dawn</title><link>https://harbour.example.org/2024/05/06/boats-at-dawn/</link>
<dc:creator><![CDATA[jane]]></dc:creator>
<content:encoded><![CDATA[The boats left early.

<!-- wp:video --><figure class="wp-block-video"><video controls src="https://harbour.example.org/wp-content/uploads/2024/05/harbour.mp4"></video><figcaption>Boats leave the harbour</figcaption></figure><!-- /wp:video -->]]></content:encoded>
<wp:post_id>5</wp:post_id><wp:post_date_gmt>2024-05-06 09:00:00</wp:post_date_gmt><wp:post_name>boats-at-dawn</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`
	st := storetest.OpenSQLite(t)
	ctx := context.Background()
	bucket, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wordpress.Import(ctx, st, strings.NewReader(wxr), wordpress.Options{Uploads: dir, Media: bucket,
		Now: func() time.Time { return now }}); err != nil {
		t.Fatal(err)
	}
	srv := servedSite(t, st, bucket)
	client := srv.Client()
	res, _ := follow(t, client, srv.URL+"/?p=5")
	page := fetchBody(t, client, res.Request.URL.String())
	sum := sha256.Sum256(clip)
	src := "/media/" + media.VideoKey(sum[:], "video/mp4")
	for _, want := range []string{`<video controls preload="none"`, `<source src="` + src + `" type="video/mp4">`, "Boats leave the harbour</figcaption>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the story page lacks %s:\n%s", want, page)
		}
	}
	file, err := client.Get(srv.URL + src)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(file.Body)
	file.Body.Close()
	if file.StatusCode != http.StatusOK || file.Header.Get("Content-Type") != "video/mp4" || !bytes.Equal(b, clip) {
		t.Errorf("%s: %d %s, %d bytes", src, file.StatusCode, file.Header.Get("Content-Type"), len(b))
	}
}

// servedSite serves an imported store.
func servedSite(t *testing.T, st *store.Store, bucket *disk.Bucket) *httptest.Server {
	t.Helper()
	built, err := server.Build(context.Background(), server.Deps{Store: st, Media: bucket, Log: testLogger(t), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(built.Handler)
	t.Cleanup(srv.Close)
	return srv
}

func fetchBody(t *testing.T, client *http.Client, u string) string {
	t.Helper()
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d", u, res.StatusCode)
	}
	return string(b)
}
