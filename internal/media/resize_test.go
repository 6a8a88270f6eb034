package media

import (
	"image"
	"image/color"
	"testing"

	"golang.org/x/image/draw"
)

// TestResizeBands checks that scaling in bands matches one whole-picture
// Catmull-Rom call, apart from rounding between the two passes, on a picture
// large enough to need several bands each way.
func TestResizeBands(t *testing.T) {
	t.Parallel()
	src := image.NewRGBA(image.Rect(0, 0, 3000, 1200))
	for y := range 1200 {
		for x := range 3000 {
			// Sharp steps, but kept to mid-tones: Catmull-Rom overshoots at
			// edges, and the 8-bit image between the passes clips what goes
			// past black or white, where one call would not. That clipping is
			// harmless (it trims ringing); here it would hide the comparison.
			src.Set(x, y, color.RGBA{uint8(64 + x*7%128), uint8(64 + y*3%128), uint8(64 + (x^y)*5%128), 255})
		}
	}
	const w, h = 2000, 700
	if bandPixels/w >= 1200 || bandPixels/1200 >= 2000 {
		t.Fatal("the picture fits in one band; the test would prove nothing")
	}
	got := resize(src, w, h)
	want := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(want, want.Bounds(), src, src.Bounds(), draw.Src, nil)
	worst := 0
	for i := range got.Pix {
		worst = max(worst, int(got.Pix[i])-int(want.Pix[i]), int(want.Pix[i])-int(got.Pix[i]))
	}
	if worst > 2 {
		t.Errorf("banded result differs from one call by up to %d levels", worst)
	}
}

// TestPreShrink: halving first gives the same picture as scaling the whole
// way with Catmull-Rom, within a few levels, for a camera JPEG's YCbCr and
// for RGBA, and leaves pictures less than twice the target alone.
func TestPreShrink(t *testing.T) {
	t.Parallel()
	const sw, sh, w, h = 1600, 1200, 500, 375
	rgba := image.NewRGBA(image.Rect(0, 0, sw, sh))
	ycc := image.NewYCbCr(rgba.Rect, image.YCbCrSubsampleRatio420)
	for y := range sh {
		for x := range sw {
			// Smooth tones: a 2 × 2 average and Catmull-Rom differ only in
			// detail finer than the output can show.
			c := color.RGBA{uint8(40 + x*150/sw), uint8(60 + y*120/sh), uint8(90 + (x+y)*100/(sw+sh)), 255}
			rgba.SetRGBA(x, y, c)
			yy, cb, cr := color.RGBToYCbCr(c.R, c.G, c.B)
			ycc.Y[ycc.YOffset(x, y)] = yy
			ycc.Cb[ycc.COffset(x, y)], ycc.Cr[ycc.COffset(x, y)] = cb, cr
		}
	}
	for name, src := range map[string]image.Image{"rgba": rgba, "ycbcr": ycc} {
		shrunk := preShrink(src, w, h)
		if b := shrunk.Bounds(); b.Dx() != sw/2 || b.Dy() != sh/2 {
			t.Fatalf("%s: shrunk to %v, want one halving", name, b)
		}
		got := resize(shrunk, w, h)
		want := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(want, want.Bounds(), src, src.Bounds(), draw.Src, nil)
		worst := 0
		for i := range got.Pix {
			worst = max(worst, int(got.Pix[i])-int(want.Pix[i]), int(want.Pix[i])-int(got.Pix[i]))
		}
		if worst > 4 {
			t.Errorf("%s: halving first differs by up to %d levels", name, worst)
		}
	}
	if small := preShrink(rgba, sw/2+1, sh/2); small != image.Image(rgba) {
		t.Error("a picture less than twice the target was halved")
	}
}
