package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// photo is a real camera photo whose EXIF block holds GPS coordinates.
const photo = "/work/shared/fixtures/wordpress/uploads/2026/08/scenes-from-brightwater-1.jpg"

// upload sends the library's upload form with the words before the file, as
// the browser does.
func (s *staff) upload(t testing.TB, name string, data []byte, words ...string) *http.Response {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for i, field := range []string{"alt", "caption", "credit"} {
		if i < len(words) {
			mw.WriteField(field, words[i])
		}
	}
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/admin/media", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(s.cookie)
	rec := httptest.NewRecorder()
	s.app.handler.ServeHTTP(rec, req)
	return rec.Result()
}

// uploadPhoto uploads the fixture photo and returns it as stored.
func (s *staff) uploadPhoto(t testing.TB, alt, caption string) media.Image {
	t.Helper()
	data, err := os.ReadFile(photo)
	if err != nil {
		t.Fatal(err)
	}
	res := s.upload(t, filepath.Base(photo), data, alt, caption, "Photo: Test Agency")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/admin/media?done=") {
		t.Fatalf("upload: %d %q\n%.2000s", res.StatusCode, res.Header.Get("Location"), body(t, res))
	}
	list, err := s.app.st.ListImages(context.Background(), caption, 1, 0)
	if err != nil || len(list) != 1 {
		t.Fatalf("uploaded image not found by caption %q: %v %v", caption, list, err)
	}
	return list[0]
}

func TestMediaUploadAndLibrary(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		editor := a.signIn(t, people.Editor)
		img := editor.uploadPhoto(t, "Boats at the quay", "Fishing boats in Brightwater harbour")
		info, _ := os.Stat(photo)
		if img.OriginalName != filepath.Base(photo) || img.SizeBytes != info.Size() || img.Alt != "Boats at the quay" {
			t.Errorf("stored as %q, %d bytes, alt %q", img.OriginalName, img.SizeBytes, img.Alt)
		}
		if img.WebPPath == "" || len(img.Variants) == 0 || img.Variants[0].WebPPath == "" {
			t.Errorf("no WebP versions: %+v", img)
		}
		checkClean(t, a, img)
		page := body(t, editor.get(t, "/admin/media"))
		if !strings.Contains(page, "/media/"+img.Variants[0].Path) {
			t.Error("library does not show the thumbnail")
		}
		found := body(t, editor.get(t, "/admin/media?q=brightwater+HARBOUR"))
		if !strings.Contains(found, ">#"+strconv.FormatInt(img.ID, 10)+" ") {
			t.Errorf("search by caption does not find the image:\n%.3000s", found)
		}
		if strings.Contains(body(t, editor.get(t, "/admin/media?q=nowhere-at-all")), ">#"+strconv.FormatInt(img.ID, 10)+" ") {
			t.Error("search for other words shows the image")
		}
	})
}

// checkClean fetches every stored file and checks no metadata survived.
func checkClean(t *testing.T, a *app, img media.Image) {
	t.Helper()
	orig, _ := os.ReadFile(photo)
	if !bytes.Contains(orig, []byte("Exif")) || !bytes.Contains(orig, []byte("8BIM")) {
		t.Fatal("the fixture has lost its metadata; the test would prove nothing")
	}
	keys := []string{img.Path, img.WebPPath}
	for _, v := range img.Variants {
		keys = append(keys, v.Path, v.WebPPath)
	}
	for _, k := range keys {
		res := a.get(t, "/media/"+k)
		data := body(t, res)
		if res.StatusCode != http.StatusOK || len(data) == 0 {
			t.Fatalf("%s: %d", k, res.StatusCode)
		}
		for _, marker := range []string{"Exif", "8BIM", "http://ns.adobe.com/xap"} {
			if strings.Contains(data, marker) {
				t.Errorf("%s still holds %q", k, marker)
			}
		}
	}
}

func TestMediaRejected(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	contributor := a.signIn(t, people.Contributor)
	before, _ := a.st.CountImages(context.Background(), "")
	res := contributor.upload(t, "notes.jpg", []byte("Meeting notes, not a photo.\n"), "Kept alt words", "Kept caption")
	page := body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("text file as .jpg: %d", res.StatusCode)
	}
	for _, want := range []string{"not a JPEG, PNG, WebP or GIF", `value="Kept alt words"`, `value="Kept caption"`, `id="media-file-error"`} {
		if !strings.Contains(page, want) {
			t.Errorf("refusal page lacks %q", want)
		}
	}
	if n, _ := a.st.CountImages(context.Background(), ""); n != before {
		t.Errorf("%d images stored after a refusal", n-before)
	}
	if res := contributor.upload(t, "", nil, "Only words"); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("no file: %d", res.StatusCode)
	}
	for _, size := range []int{40<<20 + 1, 42 << 20} { // over the image limit; over the request limit
		huge := contributor.upload(t, "huge.jpg", make([]byte, size), "Huge alt")
		if page := body(t, huge); huge.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(page, "larger than 40 MB") ||
			!strings.Contains(page, `value="Huge alt"`) {
			t.Errorf("file of %d bytes: %d", size, huge.StatusCode)
		}
	}
}

// TestMediaRoles: every role may upload and edit images; deleting one that
// stories use is for those who may edit any story.
func TestMediaRoles(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	contributor, editor := a.signIn(t, people.Contributor), a.signIn(t, people.Editor)
	if res := contributor.get(t, "/admin/media"); res.StatusCode != http.StatusOK {
		t.Fatalf("contributor opens the library: %d", res.StatusCode)
	}
	img := contributor.uploadPhoto(t, "", "Contributor's harbour photo")
	form := a.storyForm(t, "A story with the contributor's photo")
	form.Set("featured_media", strconv.FormatInt(img.ID, 10))
	contributor.create(t, form)
	del := "/admin/media/" + strconv.FormatInt(img.ID, 10) + "/delete"
	if res := contributor.post(t, del, url.Values{"confirm": {"on"}}); res.StatusCode != http.StatusForbidden {
		t.Errorf("contributor deletes an image in use: %d", res.StatusCode)
	}
	res := editor.post(t, del, nil)
	if page := body(t, res); res.StatusCode != http.StatusConflict || !strings.Contains(page, "A story with the contributor&#39;s photo") {
		t.Errorf("delete without confirmation: %d\n%.2000s", res.StatusCode, page)
	}
	if res := editor.post(t, del, url.Values{"confirm": {"on"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirmed delete: %d", res.StatusCode)
	}
	if _, err := a.st.ImageByID(context.Background(), img.ID); err != media.ErrNotFound {
		t.Errorf("image still in the library: %v", err)
	}
	if res := a.get(t, "/media/"+img.Path); res.StatusCode != http.StatusNotFound {
		t.Errorf("file still served after delete: %d", res.StatusCode)
	}
}

// TestMediaAltToPublish: a featured image or a body image without alt text
// keeps a story from being published, not from being saved; with alt text
// the public page offers the WebP versions.
func TestMediaAltToPublish(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	img := editor.uploadPhoto(t, "", "Harbour at dawn")
	form := a.storyForm(t, "Harbour reopens")
	id := editor.create(t, form)
	featured := func(f url.Values) { f.Set("featured_media", strconv.FormatInt(img.ID, 10)) }
	res := editor.edit(t, id, "publish", featured)
	if page := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, filepath.Base(photo)) {
		t.Fatalf("publish with a featured image without alt: %d\n%.2000s", res.StatusCode, page)
	}
	if res := editor.edit(t, id, "save", featured); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving the draft: %d", res.StatusCode)
	}
	if got := a.story(t, id).FeaturedImage; got == nil || got.ID != img.ID {
		t.Fatalf("featured image not saved: %+v", got)
	}
	path := "/admin/media/" + strconv.FormatInt(img.ID, 10)
	if res := editor.post(t, path, url.Values{"alt": {"Fishing boats moored at dawn"}, "caption": {"Harbour at dawn"}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("adding alt text: %d", res.StatusCode)
	}
	withBody := func(f url.Values) { featured(f); f.Set("body", "Text.\n\n![](/media/"+img.Path+")") }
	res = editor.edit(t, id, "publish", withBody)
	if page := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "/media/"+img.Path) {
		t.Fatalf("publish with a body image without alt: %d\n%.2000s", res.StatusCode, page)
	}
	if res := editor.edit(t, id, "publish", featured); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("publish with alt text: %d\n%.2000s", res.StatusCode, body(t, res))
	}
	site, _ := a.st.Site(context.Background())
	page := body(t, a.get(t, a.story(t, id).Path(site.Location())))
	for _, want := range []string{"<picture>", `<source type="image/webp" srcset="/media/` + img.Variants[0].WebPPath, `alt="Fishing boats moored at dawn" fetchpriority="high"`,
		// The full-size WebP belongs in the WebP srcset too.
		"/media/" + img.WebPPath + " " + strconv.Itoa(img.Width) + "w"} {
		if !strings.Contains(page, want) {
			t.Errorf("public article lacks %q", want)
		}
	}
}

// TestMediaDeduplicates: the same photo uploaded twice is stored once, under
// names made from its content, and the second upload says where it is.
func TestMediaDeduplicates(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	img := editor.uploadPhoto(t, "Boats", "Boats at the quay, first upload")
	if !regexp.MustCompile(`^[0-9a-f]{20}-full\.jpg$`).MatchString(img.Path) {
		t.Errorf("stored as %q, want a content hash", img.Path)
	}
	before, _ := a.st.CountImages(context.Background(), "")
	data, _ := os.ReadFile(photo)
	res := editor.upload(t, "copy.jpg", data, "Other words")
	loc := res.Header.Get("Location")
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(loc, url.QueryEscape("already in the library, as #"+strconv.FormatInt(img.ID, 10))) {
		t.Fatalf("second upload: %d %q", res.StatusCode, loc)
	}
	if n, _ := a.st.CountImages(context.Background(), ""); n != before {
		t.Errorf("%d images added by the second upload", n-before)
	}
}

// TestMediaUploadJSON: the story editor's drop zone gets JSON back, with
// the Markdown to insert, or the refusal's sentence and status.
func TestMediaUploadJSON(t *testing.T) {
	t.Parallel()
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	data, _ := os.ReadFile(photo)
	var got desk.UploadResult
	res := editor.uploadJSON(t, "harbour.jpg", data, &got, "Boats [moored] at dawn")
	if res.StatusCode != http.StatusOK || got.ID == 0 || got.Markdown != `![Boats \[moored\] at dawn](`+got.URL+`)` || !strings.HasSuffix(got.URL, "-full.jpg") {
		t.Fatalf("upload: %d %+v", res.StatusCode, got)
	}
	if res := a.get(t, got.URL); res.StatusCode != http.StatusOK {
		t.Errorf("uploaded file: %d", res.StatusCode)
	}
	got = desk.UploadResult{}
	res = editor.uploadJSON(t, "page.html", []byte("<html><script>alert(1)</script></html>"), &got)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(got.Error, "not a JPEG, PNG, WebP or GIF") {
		t.Errorf("HTML upload: %d %+v", res.StatusCode, got)
	}
}

// TestMediaBusy: while every processing slot is taken, an upload waits its
// turn and then is refused with 503 and Retry-After, its words kept.
func TestMediaBusy(t *testing.T) {
	t.Parallel()
	gate := media.NewGate(1, 50*time.Millisecond)
	a := newAppWith(t, storetest.OpenSQLite(t), func(d *server.Deps) { d.Processing = gate })
	editor := a.signIn(t, people.Editor)
	data, _ := os.ReadFile(photo)
	leave, err := gate.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res := editor.upload(t, "busy.jpg", data, "Alt kept while busy")
	page := body(t, res)
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
		!strings.Contains(page, "server is busy") || !strings.Contains(page, `value="Alt kept while busy"`) {
		t.Errorf("upload while busy: %d, Retry-After %q\n%.1500s", res.StatusCode, res.Header.Get("Retry-After"), page)
	}
	var got desk.UploadResult
	if res := editor.uploadJSON(t, "busy.jpg", data, &got); res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(got.Error, "busy") {
		t.Errorf("editor upload while busy: %d %+v", res.StatusCode, got)
	}
	leave()
	editor.uploadPhoto(t, "Alt", "Uploaded once the slot is free")
}

// uploadJSON sends the upload as the editor's script does, asking for JSON.
func (s *staff) uploadJSON(t testing.TB, name string, data []byte, out *desk.UploadResult, alt ...string) *http.Response {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, a := range alt {
		mw.WriteField("alt", a)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, "/admin/media", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.AddCookie(s.cookie)
	rec := httptest.NewRecorder()
	s.app.handler.ServeHTTP(rec, req)
	res := rec.Result()
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		t.Fatalf("answer is not JSON (%d): %v", res.StatusCode, err)
	}
	return res
}

// newAppWith is newApp with some dependencies of the test's choosing.
func newAppWith(t testing.TB, st *store.Store, change func(*server.Deps)) *app {
	t.Helper()
	ctx := context.Background()
	files, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(ctx, st, files, now, smallPictures); err != nil {
		t.Fatal(err)
	}
	d := server.Deps{Store: st, Media: files, Log: testLogger(t), Now: func() time.Time { return now }, VideoThumbnails: unreachable}
	change(&d)
	built, err := server.Build(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(built.Posters.Wait)
	return &app{st: st, articles: built.Articles, handler: built.Handler, built: built}
}
