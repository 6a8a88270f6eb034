package media

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"golang.org/x/image/draw"
)

// BenchmarkProcess12MP processes a 12-megapixel camera JPEG (4000 × 3000) into
// the full version and seven variants.
func BenchmarkProcess12MP(b *testing.B) {
	var src image.Image
	for _, p := range fixtureOriginals(b) {
		if strings.Contains(p, "ministers-in-the-zarin-plateau") {
			f, err := os.Open(p)
			if err != nil {
				b.Fatal(err)
			}
			src, err = jpeg.Decode(f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	if src == nil {
		b.Fatal("fixture photo missing")
	}
	// Upscaled from a 2400 × 1600 fixture and saved at a camera's quality.
	big := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	draw.CatmullRom.Scale(big, big.Bounds(), src, src.Bounds(), draw.Src, nil)
	var in bytes.Buffer
	jpeg.Encode(&in, big, &jpeg.Options{Quality: 92})
	for _, c := range []struct {
		name string
		opts Options
	}{{"jpeg+webp", Options{}}, {"jpeg-only", Options{SkipWebP: true}}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(in.Len()))
			for b.Loop() {
				if _, err := Process(context.Background(), bytes.NewReader(in.Bytes()), c.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
