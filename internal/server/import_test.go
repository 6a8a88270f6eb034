package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
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

const (
	wpFixture = "../../../shared/fixtures/wordpress/small-export.xml"
	wpUploads = "../../../shared/fixtures/wordpress/uploads"
)

// TestImportedWordPressLinks imports the WordPress fixture and follows,
// over real HTTP, every old permalink and ?p= / ?page_id= link of what is
// public: each must lead with 301s to the page that replaced it.
func TestImportedWordPressLinks(t *testing.T) {
	data, err := os.ReadFile(wpFixture)
	if err != nil {
		t.Skipf("WordPress fixture not found (%v)", err)
	}
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		srv := importedSite(t, st, data)
		client := srv.Client()
		client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

		links := publicLinks(t, data)
		if len(links) < 40 {
			t.Fatalf("found %d public links in the fixture", len(links))
		}
		for _, l := range links {
			for _, old := range []string{l.permalink, l.query} {
				final, hops := follow(t, client, srv.URL+old)
				if final.StatusCode != http.StatusOK || hops == 0 && old == l.query {
					t.Errorf("%s (%s): ended with %d after %d redirects", old, l.title, final.StatusCode, hops)
				}
			}
		}
		// The old address of a nested page, which no route of Dateline matches.
		res, _ := follow(t, client, srv.URL+"/support/give/")
		if res.Request.URL.Path != "/give/" {
			t.Errorf("/support/give/ led to %s, want /give/", res.Request.URL.Path)
		}
		// A password-protected post must not become reachable by its old links.
		for _, old := range []string{"/?p=42"} {
			r, err := client.Get(srv.URL + old)
			if err != nil {
				t.Fatal(err)
			}
			r.Body.Close()
			if r.StatusCode == http.StatusMovedPermanently {
				t.Errorf("%s redirects to %s, but the story is unpublished", old, r.Header.Get("Location"))
			}
		}
		checkServedImages(t, st, client, srv.URL)
	})
}

func importedSite(t *testing.T, st *store.Store, data []byte) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	bucket, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	_, err = wordpress.Import(ctx, st, bytes.NewReader(data), wordpress.Options{Uploads: wpUploads, Media: bucket,
		Images: media.Options{MaxWidth: 400, Widths: []int{160}, SkipWebP: true}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	built, err := server.Build(ctx, server.Deps{Store: st, Media: bucket, Log: testLogger(t), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(built.Handler)
	t.Cleanup(srv.Close)
	return srv
}

type oldLink struct{ title, permalink, query string }

// publicLinks reads the fixture's published posts and pages.
func publicLinks(t *testing.T, data []byte) []oldLink {
	t.Helper()
	rd := wordpress.NewReader(bytes.NewReader(data))
	var links []oldLink
	for {
		v, err := rd.Next()
		if err == io.EOF {
			return links
		}
		if err != nil {
			t.Fatal(err)
		}
		it, ok := v.(*wordpress.Item)
		if !ok || it.Status != "publish" || it.Password != "" || (it.Type != "post" && it.Type != "page") {
			continue
		}
		u, err := url.Parse(it.Link)
		if err != nil {
			t.Fatal(err)
		}
		param := "p"
		if it.Type == "page" {
			param = "page_id"
		}
		links = append(links, oldLink{title: it.Title, permalink: u.EscapedPath(), query: "/?" + param + "=" + it.ID})
	}
}

// follow fetches target, following up to five permanent redirects.
func follow(t *testing.T, client *http.Client, target string) (*http.Response, int) {
	t.Helper()
	for hops := 0; ; hops++ {
		res, err := client.Get(target)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMovedPermanently || hops == 5 {
			return res, hops
		}
		next, err := res.Request.URL.Parse(res.Header.Get("Location"))
		if err != nil {
			t.Fatal(err)
		}
		target = next.String()
	}
}

// checkServedImages fetches every imported image file over HTTP and checks
// no EXIF (GPS included) or IPTC block survived.
func checkServedImages(t *testing.T, st *store.Store, client *http.Client, base string) {
	t.Helper()
	orig, err := os.ReadFile(wpUploads + "/2026/08/activists-in-port-arden.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if metadataSegment(orig) == "" {
		t.Fatal("the check finds no metadata even in an original WordPress upload")
	}
	images, err := st.ListImages(context.Background(), "", 100, 0)
	// 22 image attachments, some the same picture under two names: the
	// library keeps one entry per picture.
	if err != nil || len(images) < 10 || len(images) > 22 {
		t.Fatalf("images = %d, %v; want one per distinct picture of the 22 attachments", len(images), err)
	}
	for _, img := range images {
		keys := []string{img.Path}
		for _, v := range img.Variants {
			keys = append(keys, v.Path)
		}
		for _, k := range keys {
			res, err := client.Get(base + "/media/" + k)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Errorf("/media/%s: %d", k, res.StatusCode)
				continue
			}
			if seg := metadataSegment(b); seg != "" {
				t.Errorf("/media/%s (from %s) still carries %s", k, img.OriginalName, seg)
			}
		}
	}
}

// metadataSegment walks a JPEG's segments up to the image data and names
// the first that carries metadata: APP1 (EXIF, XMP), APP13 (IPTC) or a comment.
func metadataSegment(b []byte) string {
	if !bytes.HasPrefix(b, []byte{0xFF, 0xD8}) {
		if bytes.Contains(b, []byte("Exif\x00")) {
			return "an EXIF block"
		}
		return ""
	}
	for i := 2; i+4 <= len(b); {
		if b[i] != 0xFF {
			return "a damaged segment"
		}
		marker := b[i+1]
		if marker == 0xDA { // start of scan: no more metadata segments
			return ""
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		switch {
		case marker == 0xE1:
			if strings.HasPrefix(string(b[i+4:min(i+10, len(b))]), "Exif") {
				return "an EXIF block"
			}
			return "an APP1 (XMP) block"
		case marker == 0xED:
			return "an IPTC block"
		case marker == 0xFE:
			return "a comment"
		}
		i += 2 + n
	}
	return ""
}
