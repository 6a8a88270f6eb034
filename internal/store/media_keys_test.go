package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestImagesByKeys: any key of an image finds it, with its variants; a
// video comes with its poster, variants included; posters of YouTube
// videos are kept out of the library's list.
func TestImagesByKeys(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		photo := media.Image{Path: "aa-full.jpg", WebPPath: "aa-full.webp", MIME: "image/jpeg", Width: 800, Height: 600, Alt: "Boats",
			Variants: []media.Variant{{Width: 320, Height: 240, Path: "aa-320.jpg", WebPPath: "aa-320.webp"}}}
		var err error
		if photo.ID, err = st.CreateImage(ctx, photo, now); err != nil {
			t.Fatal(err)
		}
		video := media.Image{Path: "bb.mp4", MIME: "video/mp4", Poster: &media.Image{ID: photo.ID}}
		if video.ID, err = st.CreateImage(ctx, video, now); err != nil {
			t.Fatal(err)
		}
		found, err := st.ImagesByKeys(ctx, []string{"aa-320.webp", "bb.mp4", "nothing.jpg"})
		if err != nil {
			t.Fatal(err)
		}
		if got := found["aa-full.jpg"]; got.ID != photo.ID || len(got.Variants) != 1 || found["aa-320.jpg"].ID != photo.ID {
			t.Errorf("photo by a variant's key: %+v", found)
		}
		v := found["bb.mp4"]
		if v.ID != video.ID || v.Poster == nil || v.Poster.Path != "aa-full.jpg" || len(v.Poster.Variants) != 1 {
			t.Errorf("video: %+v (poster %+v)", v, v.Poster)
		}
		if _, ok := found["nothing.jpg"]; ok || len(found) != 5 {
			t.Errorf("found %d keys", len(found))
		}
		if err := st.SetImagePoster(ctx, video.ID, 0); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.ImageByID(ctx, video.ID); got.Poster != nil {
			t.Errorf("poster kept after removal: %+v", got.Poster)
		}
		yt := media.ExternalVideo{Provider: "youtube", ID: "dQw4w9WgXcQ"}
		if err := st.SetVideoPoster(ctx, yt, photo.ID, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if n, _ := st.CountImages(ctx, ""); n != 1 {
			t.Errorf("library counts %d entries; the poster should be hidden, the video shown", n)
		}
	})
}
