package media

import (
	"context"
	"image"
	"slices"
)

// makeVersions scales the decoded picture to the full version and then to
// each narrower width, and encodes every one of them.
func makeVersions(ctx context.Context, src image.Image, orientation int, opts Options) (*Processed, error) {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if swapsSides(orientation) {
		w, h = h, w
	}
	p := &Processed{Width: w, Height: h}
	fullW := min(w, opts.MaxWidth)
	fullH := scaledHeight(w, h, fullW)
	// Scale first and turn after: turning the smaller picture is cheaper, and
	// a camera JPEG is scaled straight from the decoder's YCbCr.
	sw, sh := fullW, fullH
	if swapsSides(orientation) {
		sw, sh = sh, sw
	}
	full := orient(resize(src, sw, sh), orientation)
	var err error
	if p.Full, p.FullWebP, err = encodeBoth(full, opts); err != nil {
		return nil, err
	}
	// Widest first, each scaled from the one before: small steps are quicker
	// than shrinking the full version again every time, and as sharp.
	prev := full
	for _, vw := range slices.Backward(opts.Widths) {
		if vw >= fullW {
			continue // never upscale, nor repeat the full version
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		prev = resize(prev, vw, scaledHeight(w, h, vw))
		files, err := encodeVariant(prev, opts)
		if err != nil {
			return nil, err
		}
		p.Variants = append(files, p.Variants...)
	}
	return p, nil
}

// scaledHeight keeps the original's proportions at width nw, rounding to the
// nearest pixel and never below one. Heights come from the original, not
// from the previous step, so rounding does not add up.
func scaledHeight(w, h, nw int) int {
	return max(1, (h*nw+w/2)/w)
}

// encodeBoth encodes img as JPEG and, unless skipped or too long for the
// format, as WebP.
func encodeBoth(img *image.RGBA, opts Options) (File, *File, error) {
	jpg, err := encodeJPEG(img, opts.Quality)
	if err != nil || opts.SkipWebP || !fitsWebP(img) {
		return jpg, nil, err
	}
	wp, err := encodeWebP(img, opts.Quality)
	return jpg, wp, err
}

// encodeVariant returns the files of one variant, JPEG first.
func encodeVariant(img *image.RGBA, opts Options) ([]File, error) {
	jpg, wp, err := encodeBoth(img, opts)
	if err != nil {
		return nil, err
	}
	if wp == nil {
		return []File{jpg}, nil
	}
	return []File{jpg, *wp}, nil
}
