package wordpress_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// mp4 is an MP4 file as far as type sniffing goes: an ftyp box and n
// bytes of media data.
func mp4(n int) []byte {
	b := binary.BigEndian.AppendUint32(nil, 20)
	b = append(b, "ftypisom\x00\x00\x02\x00isom"...)
	b = binary.BigEndian.AppendUint32(b, uint32(n+8))
	b = append(b, "mdat"...)
	return append(b, bytes.Repeat([]byte{0x2A}, n)...)
}

// webm is the same for a WebM file: an EBML header whose DocType is webm.
func webm(n int) []byte {
	b := []byte{0x1A, 0x45, 0xDF, 0xA3, 0x8B, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm', 0x18, 0x53, 0x80, 0x67}
	return append(b, bytes.Repeat([]byte{0x5B}, n)...)
}

// TestImportedVideos imports uploaded videos in each form WordPress
// writes them (an attachment, a [video] shortcode of a classic post, a
// video block with a caption, a <video> element) and checks each becomes
// a library video the story plays, under its content's name as the desk
// stores uploads, and that a video missing from the uploads folder stays
// a link with a warning. YouTube embeds are left as they were.
func TestImportedVideos(t *testing.T) {
	photo, err := os.ReadFile(filepath.Join(uploads, "2026/08/activists-in-port-arden.jpg"))
	if err != nil {
		t.Skipf("fixture uploads not found (%v)", err)
	}
	dir := t.TempDir()
	clip, ferry := mp4(4096), webm(2048)
	writeUpload(t, dir, "2024/05/harbour-clip.mp4", clip)
	writeUpload(t, dir, "2024/05/ferry.webm", ferry)
	writeUpload(t, dir, "2024/05/poster.jpg", photo)
	writeUpload(t, dir, "2024/05/old-format.mov", []byte("\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  moov"))
	const up = "https://example.org/wp-content/uploads/2024/05/"
	data := snippet("https://example.org",
		`<wp:author><wp:author_id>7</wp:author_id><wp:author_login><![CDATA[jane]]></wp:author_login><wp:author_email><![CDATA[jane@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>`,
		item{id: "40", typ: "attachment", name: "harbour-clip", title: "Harbour clip", parent: "41",
			link: "https://example.org/2024/05/06/harbour-at-dawn/harbour-clip/", attachment: up + "harbour-clip.mp4",
			extra: `<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[2024/05/harbour-clip.mp4]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Fishing boats leave the harbour]]></wp:meta_value></wp:postmeta>`},
		item{id: "41", typ: "post", name: "harbour-at-dawn", title: "Harbour at dawn", link: "https://example.org/2024/05/06/harbour-at-dawn/",
			body: "The boats left early.\n\n[video width=\"1280\" height=\"720\" mp4=\"" + up + "harbour-clip.mp4\" poster=\"" + up + "poster.jpg\"][/video]\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nThey came back at noon."},
		item{id: "42", typ: "post", name: "ferry-crossing", title: "Ferry crossing", link: "https://example.org/2024/05/07/ferry-crossing/",
			body: `<!-- wp:paragraph --><p>The crossing took an hour.</p><!-- /wp:paragraph -->
<!-- wp:video {"id":43} --><figure class="wp-block-video"><video controls src="` + up + `ferry.webm"></video><figcaption class="wp-element-caption">The "Marlow" ferry at dawn</figcaption></figure><!-- /wp:video -->
<!-- wp:html --><video controls><source src="/wp-content/uploads/2024/05/harbour-clip.mp4" type="video/mp4"></video><!-- /wp:html -->`},
		item{id: "44", typ: "post", name: "missing-clip", title: "A missing clip", link: "https://example.org/2024/05/08/missing-clip/",
			body: "Before.\n\n[video src=\"" + up + "gone.mp4\"][/video]\n\n[video src=\"" + up + "old-format.mov\"][/video]"},
	)
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		r, log, err := runImport(t, st, data, wordpress.Options{Uploads: dir})
		if err != nil {
			t.Fatalf("%v\n%s", err, log)
		}
		clipKey, ferryKey := videoKey(clip, "video/mp4"), videoKey(ferry, "video/webm")
		v, err := st.ImageByPath(ctx, clipKey)
		if err != nil {
			t.Fatalf("the MP4 is not in the library under %s: %v\n%s", clipKey, err, log)
		}
		if v.MIME != "video/mp4" || v.SizeBytes != int64(len(clip)) || v.OriginalName != "harbour-clip.mp4" || v.Alt != "Fishing boats leave the harbour" {
			t.Errorf("library video = %+v", v)
		}
		if v.Poster == nil {
			t.Error("the [video] shortcode's poster was not given to the video")
		}
		if w, err := st.ImageByPath(ctx, ferryKey); err != nil || w.MIME != "video/webm" {
			t.Errorf("the WebM in the library: %+v, %v", w, err)
		}
		bodies := map[string]string{}
		for _, slug := range []string{"harbour-at-dawn", "ferry-crossing", "missing-clip"} {
			a, err := st.ArticleBySlug(ctx, slug)
			if err != nil {
				t.Fatalf("%s: %v", slug, err)
			}
			bodies[slug] = a.Body
		}
		for slug, want := range map[string][]string{
			"harbour-at-dawn": {"\n![](/media/" + clipKey + ")\n", "\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n"},
			"ferry-crossing":  {"\n![](/media/" + ferryKey + ` "The \"Marlow\" ferry at dawn")` + "\n", "\n![](/media/" + clipKey + ")"},
			"missing-clip":    {"[Video: gone.mp4](" + up + "gone.mp4)", "[Video: old-format.mov](/media/"},
		} {
			for _, w := range want {
				if !strings.Contains("\n"+bodies[slug]+"\n", w) {
					t.Errorf("%s: body lacks %q:\n%s", slug, w, bodies[slug])
				}
			}
		}
		for _, w := range []string{"gone.mp4 kept as a link", "old-format.mov kept as a link", "missing file: 2024/05/gone.mp4"} {
			if !strings.Contains(log, w) {
				t.Errorf("no warning %q in:\n%s", w, log)
			}
		}
		if r.Warnings == 0 {
			t.Error("the report counts no warnings")
		}
		// The attachment page leads to the story that plays the video.
		if got, _, _ := st.Redirect(ctx, "/?attachment_id=40"); got.ArticleID == 0 {
			t.Errorf("attachment page of the video leads to %+v, want its story", got)
		}
		// A dry run says the same about the videos.
		_, dry, err := runImport(t, storetest.OpenSQLite(t), data, wordpress.Options{Uploads: dir, DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(dry, "harbour-clip.mp4 kept as a link") || strings.Contains(dry, "ferry.webm kept as a link") || !strings.Contains(dry, "gone.mp4 kept as a link") {
			t.Errorf("dry run warnings differ from the import's:\n%s", dry)
		}
		// Importing again stores nothing new.
		media := count(t, st, `SELECT COUNT(*) FROM media`)
		if _, _, err := runImport(t, st, data, wordpress.Options{Uploads: dir}); err != nil {
			t.Fatal(err)
		}
		if again := count(t, st, `SELECT COUNT(*) FROM media`); again != media {
			t.Errorf("importing again: %d library entries, was %d", again, media)
		}
	})
}

// TestVideosWithoutUploads keeps every video a link when no uploads
// folder is given, saying so.
func TestVideosWithoutUploads(t *testing.T) {
	data := snippet("https://example.org", "",
		item{id: "41", typ: "post", name: "harbour-at-dawn", title: "Harbour at dawn", creator: "jane", link: "https://example.org/2024/05/06/harbour-at-dawn/",
			body: `[video mp4="https://example.org/wp-content/uploads/2024/05/harbour-clip.mp4"][/video]`})
	st := storetest.OpenSQLite(t)
	_, log, err := runImport(t, st, data, wordpress.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.ArticleBySlug(context.Background(), "harbour-at-dawn")
	if err != nil {
		t.Fatal(err)
	}
	if body := a.Body; body != "[Video: harbour-clip.mp4](https://example.org/wp-content/uploads/2024/05/harbour-clip.mp4)" {
		t.Errorf("body = %q", body)
	}
	if !strings.Contains(log, "harbour-clip.mp4 kept as a link") {
		t.Errorf("no warning about the video in:\n%s", log)
	}
}

func videoKey(b []byte, mime string) string {
	sum := sha256.Sum256(b)
	return media.VideoKey(sum[:], mime)
}
