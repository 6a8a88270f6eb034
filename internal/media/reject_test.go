package media

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
)

func TestRejects(t *testing.T) {
	t.Parallel()
	animatedWebP := []byte("RIFF\x1a\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x02\x00\x00\x00\x0f\x00\x00\x0f\x00\x00")
	truncated := encodeTestJPEG(t, quadrants(64, 64, red, green, blue, white))
	truncated = truncated[:len(truncated)/2]
	cases := []struct {
		name    string
		in      []byte
		opts    Options
		kind    error
		message string // the whole message, or "" to check only that there is one
	}{
		{"text file named .jpg", []byte("Minutes of the editorial meeting\n"), Options{}, ErrUnsupported,
			"This file is not a JPEG, PNG, WebP or GIF image."},
		{"empty", nil, Options{}, ErrUnsupported, ""},
		{"HTML", []byte("<!doctype html><svg onload=alert(1)>"), Options{}, ErrUnsupported, ""},
		{"PDF", []byte("%PDF-1.7\n"), Options{}, ErrUnsupported, ""},
		{"animated WebP", animatedWebP, Options{}, ErrUnsupported,
			"Animated WebP images are not supported. Upload a still image, or the animation as a GIF."},
		{"too many pixels (JPEG header)", jpegHeader(12000, 9000), Options{}, ErrTooManyPixels,
			"The image is 12000 × 9000 pixels (108 megapixels); the limit is 50 megapixels."},
		{"just over the pixel limit", pngHeader(10001, 5000), Options{}, ErrTooManyPixels,
			"The image is 10001 × 5000 pixels (50.1 megapixels); the limit is 50 megapixels."},
		{"a thread of pixels", pngHeader(30000, 100), Options{}, ErrBadDimensions,
			"The image is 30000 × 100 pixels; neither side may be longer than 20000 pixels."},
		{"no pixels (GIF)", []byte("GIF89a\x00\x00\x00\x00\x00\x00\x00;"), Options{}, ErrBadDimensions, ""},
		{"over the byte limit", bytes.Repeat([]byte{0xFF}, 2<<20), Options{MaxBytes: 1 << 20}, ErrTooLarge,
			"The file is larger than 1 MB, the limit for images."},
		{"truncated JPEG", truncated, Options{}, ErrUnreadable, ""},
		{"PNG header only", pngHeader(100, 100), Options{}, ErrUnreadable, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := Process(context.Background(), bytes.NewReader(c.in), c.opts)
			var rej *Rejection
			if !errors.Is(err, c.kind) || !errors.As(err, &rej) {
				t.Fatalf("got %v, want a Rejection of kind %v", err, c.kind)
			}
			if c.message != "" && err.Error() != c.message {
				t.Errorf("message\n got %q\nwant %q", err.Error(), c.message)
			}
			if !strings.HasSuffix(err.Error(), ".") || strings.Contains(err.Error(), ": image:") {
				t.Errorf("message %q is not a sentence for an editor", err.Error())
			}
		})
	}
}

// TestBombRefusedFromHeader: a 33-byte PNG claiming 20000 × 20000 pixels
// (1.6 GB decoded) is refused on its header, before any pixel memory is
// allocated. Not parallel, so that other tests' allocations do not count.
func TestBombRefusedFromHeader(t *testing.T) {
	bomb := pngHeader(20000, 20000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Process(context.Background(), bytes.NewReader(bomb), Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooManyPixels) {
		t.Fatalf("got %v, want ErrTooManyPixels", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("allocated %d bytes refusing a header; it was decoded", n)
	}
}
