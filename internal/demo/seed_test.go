package demo

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestSeedPhotosProcessed: the demo's photos go through media.Process like
// uploads: content-addressed keys, a full version and variants, each in
// JPEG and WebP, all stored.
func TestSeedPhotosProcessed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.OpenSQLite(t)
	bucket, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Seed(ctx, st, bucket, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), Options{Width: 480, Height: 270, VariantWidths: []int{160, 320}}); err != nil {
		t.Fatal(err)
	}
	list, err := st.ListArticles(ctx, article.Filter{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Limit: 100})
	if err != nil || len(list) == 0 {
		t.Fatalf("stories: %d, %v", len(list), err)
	}
	hashed := regexp.MustCompile(`^[0-9a-f]{20}-full\.jpg$`)
	for _, a := range list {
		img, err := st.ImageByID(ctx, a.FeaturedImage.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !hashed.MatchString(img.Path) || img.WebPPath == "" || img.Width != 480 || len(img.Variants) != 2 || img.Variants[0].WebPPath == "" || img.Alt == "" {
			t.Fatalf("%q: photo %+v", a.Headline, img)
		}
		for _, k := range img.Keys() {
			obj, err := bucket.Open(ctx, k)
			if err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			obj.Close()
		}
	}
}
