package server_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/poster"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// fakeMP4 is an ftyp box of the given brand, compatible with itself only,
// and an mdat box of n random bytes: enough for the type to be recognised
// and for ranges to be checked.
func fakeMP4(brand string, n int) []byte {
	b := make([]byte, 0, n+32)
	b = binary.BigEndian.AppendUint32(b, 20)
	b = append(b, "ftyp"+brand+"\x00\x00\x02\x00"+brand...)
	b = binary.BigEndian.AppendUint32(b, uint32(n+8))
	b = append(b, "mdat"...)
	rng := rand.New(rand.NewPCG(7, 7))
	for range n {
		b = append(b, byte(rng.Uint32()))
	}
	return b
}

func fakeWebM(n int) []byte {
	b := []byte{0x1A, 0x45, 0xDF, 0xA3, 0x8B, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm'}
	b = append(b, 0x18, 0x53, 0x80, 0x67)
	return append(b, bytes.Repeat([]byte{0x5A}, n)...)
}

func TestMediaVideoUploadAndRanges(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	clip := fakeMP4("isom", 1<<20)
	res := editor.upload(t, "flood.mp4", clip, "Flood water in the square", "Flood video caption", "Video: Test Agency")
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("video upload: %d\n%.2000s", res.StatusCode, body(t, res))
	}
	list, _ := a.st.ListImages(context.Background(), "Flood video caption", 1, 0)
	if len(list) != 1 {
		t.Fatal("uploaded video not in the library")
	}
	v := list[0]
	if !regexp.MustCompile(`^[0-9a-f]{20}\.mp4$`).MatchString(v.Path) || v.MIME != "video/mp4" || v.SizeBytes != int64(len(clip)) {
		t.Errorf("stored as %q, %s, %d bytes", v.Path, v.MIME, v.SizeBytes)
	}
	res = a.get(t, "/media/"+v.Path, "Range", "bytes=1000-1999")
	got := body(t, res)
	h := res.Header
	if res.StatusCode != http.StatusPartialContent || got != string(clip[1000:2000]) ||
		h.Get("Content-Range") != "bytes 1000-1999/"+strconv.Itoa(len(clip)) || h.Get("Content-Type") != "video/mp4" ||
		h.Get("Accept-Ranges") != "bytes" || h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Cache-Control"), "immutable") {
		t.Errorf("range request: %d, %d bytes, headers %v", res.StatusCode, len(got), h)
	}
	if res := a.get(t, "/media/"+v.Path); res.StatusCode != http.StatusOK || body(t, res) != string(clip) {
		t.Errorf("whole file: %d", res.StatusCode)
	}
	// The same file again is not stored twice; a WebM is recognised too.
	if res := editor.upload(t, "again.mp4", clip); !strings.Contains(res.Header.Get("Location"), "already") {
		t.Errorf("same video again: %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := editor.upload(t, "clip.webm", fakeWebM(4096), "", "A WebM clip"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("WebM upload: %d", res.StatusCode)
	}
	webm, _ := a.st.ListImages(context.Background(), "A WebM clip", 1, 0)
	if len(webm) != 1 || webm[0].MIME != "video/webm" || a.get(t, "/media/"+webm[0].Path).Header.Get("Content-Type") != "video/webm" {
		t.Errorf("WebM stored as %+v", webm)
	}
	// QuickTime and Matroska are not for browsers: refused, words kept.
	res = editor.upload(t, "clip.mov", fakeMP4("qt  ", 2048), "Kept words")
	if page := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "nor an MP4 or WebM video") ||
		!strings.Contains(page, `value="Kept words"`) {
		t.Errorf("QuickTime file: %d", res.StatusCode)
	}
}

// TestMediaVideoInStory: a video with the poster chosen in the library, and
// a library photo, each on a line of their own, become a player and a figure.
func TestMediaVideoInStory(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	photo := editor.uploadPhoto(t, "Boats moored at dawn", "Harbour at dawn")
	editor.upload(t, "flood.mp4", fakeMP4("mp42", 4096), "Flood water", "Flood video")
	list, _ := a.st.ListImages(context.Background(), "Flood video", 1, 0)
	video := list[0]
	edit := "/admin/media/" + strconv.FormatInt(video.ID, 10)
	if page := body(t, editor.get(t, edit)); !strings.Contains(page, `<option value="`+strconv.FormatInt(photo.ID, 10)+`"`) {
		t.Fatalf("the video's page offers no poster choice:\n%.3000s", page)
	}
	if res := editor.post(t, edit, url.Values{"alt": {"Flood water"}, "caption": {"Flood video"}, "poster": {strconv.FormatInt(video.ID, 10)}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a video as its own poster: %d", res.StatusCode)
	}
	if res := editor.post(t, edit, url.Values{"alt": {"Flood water"}, "caption": {"Flood video"}, "poster": {strconv.FormatInt(photo.ID, 10)}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("choosing the poster: %d", res.StatusCode)
	}
	form := a.storyForm(t, "Floods reach the square")
	form.Set("body", "The water rose overnight.\n\n![Water fills the square](/media/"+video.Path+")\n\n![Boats moored at dawn](/media/"+photo.Path+")\n\nMore.")
	id := editor.create(t, form)
	if res := editor.edit(t, id, "publish", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d\n%.2000s", res.StatusCode, body(t, res))
	}
	site, _ := a.st.Site(context.Background())
	page := body(t, a.get(t, a.story(t, id).Path(site.Location())))
	posterSrc := photo.Sources("/media/").Src
	for _, want := range []string{
		`<video controls preload="none" poster="` + posterSrc + `" width="` + strconv.Itoa(photo.Width) + `" height="` + strconv.Itoa(photo.Height) + `" aria-label="Water fills the square">`,
		`<source src="/media/` + video.Path + `" type="video/mp4">`,
		`<a href="/media/` + video.Path + `" download>Download the video (MP4, 4 KB)</a>`,
		`<figure class="inline-image"><picture><source type="image/webp" srcset="/media/` + photo.Variants[0].WebPPath,
		`alt="Boats moored at dawn" loading="lazy"`,
		`<figcaption>Harbour at dawn <span class="credit" lang="en" dir="ltr">Photo: Test Agency</span></figcaption>`,
		`<a class="full-size-link" href="/media/` + photo.Path + `" data-alt="Boats moored at dawn">Click to see full-size image</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("public article lacks %s", want)
		}
	}
	// The feed carries the same player and figure, with absolute addresses.
	feed := body(t, a.get(t, "/feed/"))
	if !strings.Contains(feed, "<video controls") || !strings.Contains(feed, `<source src="http`) ||
		strings.Contains(feed, `.mp4" alt=`) {
		t.Errorf("the feed does not carry the video player:\n%s", feed)
	}
	if users, _ := a.st.ImageUsers(context.Background(), video); len(users) != 1 {
		t.Errorf("the video's users: %v", users)
	}
}

// TestVideoPosterFromProvider: saving a story with a YouTube line fetches the
// thumbnail on the server; the public page then shows it from our origin.
func TestVideoPosterFromProvider(t *testing.T) {
	t.Parallel()
	thumb, err := os.ReadFile(photo)
	if err != nil {
		t.Fatal(err)
	}
	yt := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/vi/dQw4w9WgXcQ/hqdefault.jpg" {
			http.NotFound(w, r)
			return
		}
		w.Write(thumb)
	}))
	defer yt.Close()
	a := newAppWith(t, storetest.OpenSQLite(t), func(d *server.Deps) {
		d.VideoThumbnails = poster.Sources{YouTube: yt.URL, VimeoOEmbed: yt.URL + "/oembed"}
	})
	editor := a.signIn(t, people.Editor)
	form := a.storyForm(t, "Video from the border")
	form.Set("body", "Watch.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nEnd.")
	id := editor.create(t, form)
	a.built.Posters.Wait()
	if res := editor.edit(t, id, "publish", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish: %d", res.StatusCode)
	}
	site, _ := a.st.Site(context.Background())
	page := body(t, a.get(t, a.story(t, id).Path(site.Location())))
	m := regexp.MustCompile(`<img class="video-poster" src="(/media/[0-9a-f]{20}-\d+\.jpg)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no poster from our origin in the facade:\n%.4000s", page)
	}
	res := a.get(t, m[1])
	if data := body(t, res); res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "image/jpeg" || strings.Contains(data, "Exif") {
		t.Errorf("poster file: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	posters, _ := a.st.VideoPosters(context.Background(), []media.ExternalVideo{{Provider: "youtube", ID: "dQw4w9WgXcQ"}})
	if p := posters["youtube:dQw4w9WgXcQ"]; p.Width == 0 || strings.Contains(page, "i.ytimg.com") {
		t.Errorf("poster %+v", p)
	}
}
