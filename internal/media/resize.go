package media

import (
	"image"
	"runtime"
	"sync"

	"golang.org/x/image/draw"
)

// bandPixels bounds the scaler's working buffer: x/image/draw keeps 32 bytes
// (four float64s) for each pixel it has scaled across but not yet down.
// 1<<18 pixels is 8 MB.
const bandPixels = 1 << 18

// resize scales src to w × h with Catmull-Rom, as an *image.RGBA with alpha
// premultiplied (so that edges against transparency do not darken).
//
// One draw.CatmullRom.Scale call would buffer 32 bytes for every destination
// column times every source row: 250 MB for a 12-megapixel photo, more than
// a gigabyte for a tall infographic, on servers that may have a gigabyte or
// two in all. So the scaling is done in two passes, across in bands of rows
// and then down in bands of columns, each band needing 8 MB. Along the axis a
// pass leaves alone the kernel has a single tap of weight one, so the bands
// meet without seams. The result matches a single call's but for the 8-bit
// picture between the passes: rounding, and overshoot past black or white
// clipped.
func resize(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	if b.Dx() != w {
		src = scaleAcross(src, w)
	}
	if b.Dy() != h {
		return scaleDown(src, h)
	}
	return toRGBA(src)
}

// scaleAcross changes the width only, a band of rows at a time.
func scaleAcross(src image.Image, w int) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, w, b.Dy()))
	band := max(1, bandPixels/w)
	newScaler := func() draw.Scaler { return draw.CatmullRom.NewScaler(w, band, b.Dx(), band) }
	inBands(b.Dy(), band, newScaler, func(s draw.Scaler, from, to int) {
		sr := image.Rect(b.Min.X, b.Min.Y+from, b.Max.X, b.Min.Y+to)
		s.Scale(dst, image.Rect(0, from, w, to), src, sr, draw.Src, nil)
	})
	return dst
}

// scaleDown changes the height only, a band of columns at a time.
func scaleDown(src image.Image, h int) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), h))
	band := max(1, bandPixels/b.Dy())
	newScaler := func() draw.Scaler { return draw.CatmullRom.NewScaler(band, h, band, b.Dy()) }
	inBands(b.Dx(), band, newScaler, func(s draw.Scaler, from, to int) {
		sr := image.Rect(b.Min.X+from, b.Min.Y, b.Min.X+to, b.Max.Y)
		s.Scale(dst, image.Rect(from, 0, to, h), src, sr, draw.Src, nil)
	})
	return dst
}

// inBands splits [0, total) into bands and scales them on as many goroutines
// as there are CPUs: an editor waits for the upload, and bands write disjoint
// pixels, so they need no lock. Each goroutine has its own scaler, which
// computes the kernel weights once for all its full bands; for a last,
// shorter band it falls back to a one-off scaler by itself.
func inBands[S any](total, band int, newScaler func() S, scale func(s S, from, to int)) {
	workers := min(runtime.GOMAXPROCS(0), (total+band-1)/band)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			s := newScaler()
			for from := w * band; from < total; from += workers * band {
				scale(s, from, min(from+band, total))
			}
		})
	}
	wg.Wait()
}

// toRGBA returns img as an *image.RGBA whose bounds start at (0, 0), copying
// only when it is not one already.
func toRGBA(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// onWhite flattens transparency onto white, for JPEG, which has no alpha: a
// transparent logo would otherwise turn black.
func onWhite(img *image.RGBA) *image.RGBA {
	if img.Opaque() {
		return img
	}
	dst := image.NewRGBA(img.Bounds())
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Over)
	return dst
}

// toNRGBA undoes the premultiplication for the WebP encoder, which reads an
// *image.RGBA's bytes as if they were not premultiplied and would darken
// every half-transparent pixel.
func toNRGBA(img *image.RGBA) image.Image {
	if img.Opaque() {
		return img // premultiplied and straight alpha agree when alpha is full
	}
	dst := image.NewNRGBA(img.Bounds())
	draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Src)
	return dst
}
