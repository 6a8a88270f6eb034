package media

import "image"

// Cameras store pixels as the sensor read them and record in EXIF how to turn
// them for display. Browsers honour that tag, but our outputs carry no EXIF,
// so the turn is applied to the pixels themselves.
//
// The eight EXIF orientations, as where the stored image's first row and
// first column appear when shown upright:
//
//	1 top, left       2 top, right      3 bottom, right   4 bottom, left
//	5 left, top       6 right, top      7 right, bottom   8 left, bottom
//
// 5 to 8 swap width and height.

// swapsSides reports whether orientation o turns the picture a quarter, so
// that the upright width is the stored height.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }

// orient returns src turned upright for EXIF orientation o.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return src
	}
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	w, h := sw, sh
	if swapsSides(o) {
		w, h = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		row := dst.Pix[y*dst.Stride:]
		for x := range w {
			sx, sy := storedPoint(o, x, y, sw, sh)
			i := src.PixOffset(b.Min.X+sx, b.Min.Y+sy)
			copy(row[4*x:4*x+4], src.Pix[i:i+4])
		}
	}
	return dst
}

// storedPoint maps a pixel (x, y) of the upright picture to the stored
// picture of sw × sh pixels it comes from.
func storedPoint(o, x, y, sw, sh int) (int, int) {
	switch o {
	case 2: // mirrored left to right
		return sw - 1 - x, y
	case 3: // turned half a circle
		return sw - 1 - x, sh - 1 - y
	case 4: // mirrored top to bottom
		return x, sh - 1 - y
	case 5: // mirrored along the diagonal from top left
		return y, x
	case 6: // needs a quarter turn clockwise
		return y, sh - 1 - x
	case 7: // mirrored along the diagonal from top right
		return sw - 1 - y, sh - 1 - x
	case 8: // needs a quarter turn anticlockwise
		return sw - 1 - y, x
	}
	return x, y
}
