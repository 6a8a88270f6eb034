package media

import (
	"image"
	"image/color"
)

// Shrinking a 24-megapixel photo straight to 2560 pixels wide with
// Catmull-Rom reads about ten source pixels each way for every output pixel.
// Averaging 2 × 2 blocks first is one cheap pass that quarters the pixels,
// and what Catmull-Rom then does is a small step (as decoders that scale
// JPEGs by 1/2 do). Both are low-pass filters, so the result is as sharp.

// preShrink halves src while it stays at least twice w × h, for the decoders'
// usual outputs (*image.YCbCr for JPEG, *image.RGBA); other kinds are
// returned as they are.
func preShrink(src image.Image, w, h int) image.Image {
	for {
		b := src.Bounds()
		if b.Dx() < 2*w || b.Dy() < 2*h {
			return src
		}
		switch m := src.(type) {
		case *image.YCbCr:
			src = halveYCbCr(m)
		case *image.RGBA:
			src = halveRGBA(m)
		default:
			return src
		}
	}
}

// halveYCbCr averages each 2 × 2 block's luma and takes the chroma sample
// that covers the block (4:2:0 chroma is already at half resolution; other
// subsamplings lose only chroma detail that the later scaling drops anyway),
// converting to RGBA on the way.
func halveYCbCr(src *image.YCbCr) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	inBands(dst.Rect.Dy(), 64, func() struct{} { return struct{}{} }, func(_ struct{}, from, to int) {
		for y := from; y < to; y++ {
			sy := b.Min.Y + 2*y
			row := dst.Pix[y*dst.Stride:]
			for x := range dst.Rect.Dx() {
				sx := b.Min.X + 2*x
				i, j := src.YOffset(sx, sy), src.YOffset(sx, sy+1)
				yy := (uint(src.Y[i]) + uint(src.Y[i+1]) + uint(src.Y[j]) + uint(src.Y[j+1]) + 2) / 4
				c := src.COffset(sx, sy)
				r, g, bl := color.YCbCrToRGB(uint8(yy), src.Cb[c], src.Cr[c])
				p := row[4*x : 4*x+4 : 4*x+4]
				p[0], p[1], p[2], p[3] = r, g, bl, 255
			}
		}
	})
	return dst
}

// halveRGBA averages each 2 × 2 block; premultiplied alpha averages correctly.
func halveRGBA(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	inBands(dst.Rect.Dy(), 64, func() struct{} { return struct{}{} }, func(_ struct{}, from, to int) {
		for y := from; y < to; y++ {
			top := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+2*y):]
			bottom := src.Pix[src.PixOffset(b.Min.X, b.Min.Y+2*y+1):]
			row := dst.Pix[y*dst.Stride:]
			for i := range 4 * dst.Rect.Dx() {
				k := i/4*8 + i%4 // the same channel of the block's left pixel
				row[i] = uint8((uint(top[k]) + uint(top[k+4]) + uint(bottom[k]) + uint(bottom[k+4]) + 2) / 4)
			}
		}
	})
	return dst
}
