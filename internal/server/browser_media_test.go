package server_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserEditorUpload: in the story editor, a photo picked with the
// file picker lands in the story as Markdown at the cursor, a photo dropped
// on the text becomes the featured image, and a file that is not an image
// gets the server's reason on the page.
func TestBrowserEditorUpload(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	editor := a.addUser(t, "photo-editor@example.org", people.Editor)
	b, requests := testenv.Browser(t)
	run := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(b, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	poll := func(step, js string) {
		t.Helper()
		if _, err := chromedp.Run(b, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s: %v (status: %q)", step, err, statusText(b))
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	run("sign in",
		chromedp.Navigate(srv.URL+"/admin/sign-in"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), editor.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS("form.stack button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS(".desk-user")),
	)
	run("open the editor, cursor between two paragraphs",
		chromedp.Navigate(srv.URL+"/admin/stories/new"),
		chromedp.WaitVisible(chromedp.CSS("#media-drop-file")), // shown by the script
		chromedp.SendKeys(chromedp.CSS("#body"), "First paragraph.\n\nLast paragraph."),
	)
	eval(`(() => { const b = document.getElementById("body"); b.setSelectionRange(17, 17); return "" })()`)
	run("pick a photo",
		chromedp.SendKeys(chromedp.CSS("#media-drop-alt"), "Fishing boats at the quay"),
		chromedp.SetUploadFiles(chromedp.CSS("#media-drop-file"), []string{photo}),
	)
	poll("upload finished", `document.getElementById("media-drop-status").textContent.startsWith("Inserted")`)
	text := eval(`document.getElementById("body").value`)
	md, _, ok := strings.Cut(strings.TrimPrefix(text, "First paragraph.\n\n"), "\n\nLast paragraph.")
	if !ok || !strings.HasPrefix(md, "![Fishing boats at the quay](/media/") || !strings.HasSuffix(md, "-full.jpg)") {
		t.Fatalf("story text after the upload: %q", text)
	}
	keys, _ := sanitize.Refs(md)
	if img, err := a.st.ImageByPath(context.Background(), keys[0]); err != nil || img.Alt != "Fishing boats at the quay" {
		t.Fatalf("uploaded image %+v, %v", img, err)
	}
	run("the preview shows it as a figure",
		chromedp.WaitVisible(chromedp.CSS(`#preview-body figure.inline-image img[alt="Fishing boats at the quay"]`)))

	// Drop the first of the demo's photos, fetched from the site, as the featured image.
	eval(`document.getElementById("media-drop-place").value = "featured"`)
	_, err := chromedp.Run(b, chromedp.Evaluate[string](`(async () => {
		const res = await fetch("/media/`+a.published(t)[0].FeaturedImage.Path+`");
		const file = new File([await res.blob()], "dropped.jpg", {type: "image/jpeg"});
		const dt = new DataTransfer();
		dt.items.add(file);
		document.getElementById("body").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return "";
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	poll("the dropped photo becomes the featured image",
		`document.getElementById("media-drop-status").textContent.startsWith("Set as the featured image: dropped.jpg")`)
	chosen := eval(`document.getElementById("featured_media").value`)
	if chosen == "" || eval(`document.getElementById("body").value`) != text {
		t.Errorf("featured %q; body changed by a featured upload", chosen)
	}

	// A text file is refused with the server's reason, the story untouched.
	eval(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["Meeting notes"], "notes.jpg", {type: "image/jpeg"}));
		document.getElementById("body").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return "";
	})()`)
	poll("refusal shown", `document.getElementById("media-drop-status").textContent.startsWith("Not uploaded")`)
	if msg := eval(`document.getElementById("media-drop-status").textContent`); !strings.Contains(msg, "not a JPEG, PNG, WebP or GIF") {
		t.Errorf("refusal says %q", msg)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}

// TestBrowserInlineImageViewer: an inline library image's own full-size
// link opens the viewer with Enter; Escape closes it and focus returns to
// that link.
func TestBrowserInlineImageViewer(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	story := a.published(t)[0]
	in := article.InputOf(story)
	in.Body = "Before the picture.\n\n![Market stalls at dusk](/media/" + story.FeaturedImage.Path + ")\n\nAfter it."
	if _, err := a.articles.Update(context.Background(), story.ID, in); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b, requests := testenv.Browser(t)
	const link = `.body a.full-size-link`
	if err := chromedp.Do(b,
		chromedp.Navigate(srv.URL+story.Path(kabul())),
		chromedp.WaitReady(chromedp.CSS(`.body figure.inline-image img[loading="lazy"]`)),
		chromedp.Focus(chromedp.CSS(link)),
	); err != nil {
		t.Fatalf("focus the inline image's link: %v", err)
	}
	if err := chromedp.Do(b,
		chromedp.KeyEvent("\r"), // Enter: keydown, keypress and keyup, as a keyboard sends them
		chromedp.WaitVisible(chromedp.CSS("dialog.viewer[open] img")),
	); err != nil {
		t.Fatalf("open the viewer from the inline image: %v", err)
	}
	src, err := chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector("dialog.viewer img").getAttribute("src")`))
	if err != nil || src != "/media/"+story.FeaturedImage.Path && !strings.HasSuffix(src, "/media/"+story.FeaturedImage.Path) {
		t.Errorf("viewer shows %q, want the full-size file", src)
	}
	if err := chromedp.Do(b,
		chromedp.KeyEvent("\x1b"), // Escape
		chromedp.WaitNotPresent(chromedp.CSS("dialog.viewer[open]")),
	); err != nil {
		t.Fatalf("Escape did not close the viewer: %v", err)
	}
	back, err := chromedp.Run(b, chromedp.Evaluate[bool](`document.activeElement === document.querySelector("`+link+`")`))
	if err != nil || !back {
		t.Errorf("focus did not return to the inline image's link (%v)", err)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}

func statusText(b context.Context) string {
	s, _ := chromedp.Run(b, chromedp.Evaluate[string](`document.getElementById("media-drop-status").textContent`))
	return s
}
