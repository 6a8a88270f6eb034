package media

import (
	"context"
	"fmt"
	"image"
	"io"
	"slices"

	"golang.org/x/image/draw"
)

// Options set what Process accepts and makes. Zero fields take the values of
// DefaultOptions.
type Options struct {
	MaxBytes  int64 // largest file accepted
	MaxPixels int   // largest width × height accepted
	MaxWidth  int   // width of the full version when the original is wider
	Widths    []int // widths of the smaller versions
	Quality   int   // JPEG and WebP quality, 1 to 100
	SkipWebP  bool  // make JPEG only: quicker, for tests and bulk imports
}

// DefaultOptions are the limits and sizes for photos uploaded to the desk.
func DefaultOptions() Options {
	return Options{
		MaxBytes:  40 << 20,
		MaxPixels: 50_000_000,
		MaxWidth:  2560,
		Widths:    []int{320, 480, 640, 800, 960, 1280, 1920},
		Quality:   80,
	}
}

// maxSide refuses pictures that are within the pixel limit only by being a
// thread: 50 megapixels could otherwise be 1 × 50,000,000.
const maxSide = 20_000

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.MaxPixels <= 0 {
		o.MaxPixels = d.MaxPixels
	}
	if o.MaxWidth <= 0 {
		o.MaxWidth = d.MaxWidth
	}
	if len(o.Widths) == 0 {
		o.Widths = d.Widths
	}
	if o.Quality <= 0 || o.Quality > 100 {
		o.Quality = d.Quality
	}
	// Sorted, without repeats or nonsense, so variants come out narrowest first.
	widths := slices.DeleteFunc(slices.Clone(o.Widths), func(w int) bool { return w <= 0 })
	slices.Sort(widths)
	o.Widths = slices.Compact(widths)
	return o
}

// Processed is an upload made safe to publish: re-encoded from its pixels,
// turned upright, without metadata, in several widths.
type Processed struct {
	Width, Height int   // the original, upright
	Full          File  // JPEG, the original's width up to Options.MaxWidth: the largest clean version
	FullWebP      *File // the same as WebP; nil when WebP is skipped or the picture is too long for it
	Variants      []File
	// Variants are the Options.Widths narrower than Full, narrowest first,
	// each as JPEG and then (unless skipped) WebP.
}

// Process checks an uploaded image and makes its published versions.
//
// The file is recognised by its content and its header is checked against
// the limits before any pixel is decoded, so a small file claiming a huge
// picture costs nothing. What the uploader must fix comes back as a
// *Rejection; other errors are ours.
//
// Memory use peaks at the file plus the decoder's working set (1.5 bytes a
// pixel for a camera JPEG, 8 for a 16-bit PNG, about 15 for a progressive
// full-colour JPEG: 750 MB at the 50-megapixel limit) plus the full version,
// so callers should bound how many uploads are processed at once. Scaling
// uses every CPU.
func Process(ctx context.Context, r io.Reader, opts Options) (*Processed, error) {
	opts = opts.withDefaults()
	data, err := readLimited(r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	f, err := sniff(data)
	if err != nil {
		return nil, err
	}
	cfg, err := decodeConfig(f, data)
	if err != nil {
		return nil, errUnreadable(err)
	}
	if err := checkDimensions(cfg.Width, cfg.Height, opts.MaxPixels); err != nil {
		return nil, err
	}
	orientation := 1
	if f == formatJPEG {
		orientation = jpegOrientation(data)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, err := decode(f, data)
	if err != nil {
		return nil, errUnreadable(err)
	}
	return makeVersions(ctx, onCanvas(src, cfg), orientation, opts)
}

// readLimited reads the whole upload, refusing it once it passes limit.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge(limit)
	}
	return data, nil
}

func checkDimensions(w, h, maxPixels int) error {
	switch {
	case w <= 0 || h <= 0:
		return reject(ErrBadDimensions, "The image says it is %d × %d pixels, so the file is damaged.", w, h)
	case w > maxSide || h > maxSide:
		return reject(ErrBadDimensions, "The image is %d × %d pixels; neither side may be longer than %d pixels.", w, h, maxSide)
	case w*h > maxPixels: // both sides are at most maxSide: no overflow
		return errTooManyPixels(w, h, maxPixels)
	}
	return nil
}

// onCanvas places a GIF's first frame, which may be smaller than the picture
// and offset within it, on a transparent canvas of the picture's size.
func onCanvas(img image.Image, cfg image.Config) image.Image {
	canvas := image.Rect(0, 0, cfg.Width, cfg.Height)
	if img.Bounds() == canvas {
		return img
	}
	dst := image.NewRGBA(canvas)
	draw.Draw(dst, img.Bounds(), img, img.Bounds().Min, draw.Src)
	return dst
}
