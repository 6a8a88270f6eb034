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
