package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"image/gif"
	"image/png"
	"testing"

	gowebp "github.com/gen2brain/webp"
)

// FuzzProcess feeds small files of every format, whole, cut and mangled.
// Invariants: no panic; either a *Rejection or outputs that decode to the
// sizes they state and carry no metadata. The pixel limit is lowered so that
// each run stays small and quick.
func FuzzProcess(f *testing.F) {
	img := quadrants(24, 16, red, green, blue, white)
	jpg := encodeTestJPEG(f, img)
	var pngBuf, gifBuf, webpBuf bytes.Buffer
	png.Encode(&pngBuf, img)
	gif.Encode(&gifBuf, img, nil)
	if err := gowebp.Encode(&webpBuf, img); err != nil {
		f.Fatal(err)
	}
	seeds := [][]byte{jpg, withSegments(jpg, exifAPP1(binary.LittleEndian, 6)), pngBuf.Bytes(), gifBuf.Bytes(),
		webpBuf.Bytes(), pngHeader(300, 300), jpegHeader(300, 300), []byte("GIF89a\x10\x00\x10\x00")}
	for _, s := range seeds {
		f.Add(s)
		f.Add(s[:len(s)/2])
	}
	opts := Options{MaxPixels: 1 << 16, MaxBytes: 1 << 16, SkipWebP: true}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Process(context.Background(), bytes.NewReader(b), opts)
		if err != nil {
			var rej *Rejection
			if !errors.As(err, &rej) || rej.Message == "" {
				t.Fatalf("error that is not a Rejection: %v", err)
			}
			return
		}
		if p.Width*p.Height > opts.MaxPixels {
			t.Fatalf("%d×%d passed a limit of %d pixels", p.Width, p.Height, opts.MaxPixels)
		}
		for _, file := range allFiles(p) {
			assertClean(t, file, nil)
		}
	})
}
