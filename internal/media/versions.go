package media

import (
	"cmp"
	"context"
	"image"
	"runtime"
	"slices"
	"sync"
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
	full := orient(resize(preShrink(src, sw, sh), sw, sh), orientation)
	// Each version is encoded as JPEG and WebP on goroutines of their own,
	// at most one per CPU at a time, while the next narrower one is scaled:
	// the encoders use one CPU each, the scaler all of them.
	enc := newEncoders(opts)
	enc.add(full)
	// Widest first, each scaled from the one before: small steps are quicker
	// than shrinking the full version again every time, and as sharp.
	prev := full
	for _, vw := range slices.Backward(opts.Widths) {
		if vw >= fullW {
			continue // never upscale, nor repeat the full version
		}
		if err := ctx.Err(); err != nil {
			enc.wait()
			return nil, err
		}
		prev = resize(prev, vw, scaledHeight(w, h, vw))
		enc.add(prev)
	}
	files, err := enc.wait()
	if err != nil {
		return nil, err
	}
	p.Full, p.FullWebP = files[0][0], nil
	if len(files[0]) > 1 {
		p.FullWebP = &files[0][1]
	}
	for _, f := range slices.Backward(files[1:]) {
		p.Variants = append(p.Variants, f...) // narrowest first
	}
	return p, nil
}

// scaledHeight keeps the original's proportions at width nw, rounding to the
// nearest pixel and never below one. Heights come from the original, not
// from the previous step, so rounding does not add up.
func scaledHeight(w, h, nw int) int {
	return max(1, (h*nw+w/2)/w)
}

// encoders encodes versions concurrently, keeping them in the order added.
type encoders struct {
	opts  Options
	slots chan struct{}
	wg    sync.WaitGroup
	mu    sync.Mutex
	files [][]File // per version: JPEG, then WebP when made
	err   error
}

func newEncoders(opts Options) *encoders {
	return &encoders{opts: opts, slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// add encodes img as JPEG and, unless skipped or too long for the format,
// as WebP, each on its own goroutine once a slot is free.
func (e *encoders) add(img *image.RGBA) {
	webp := !e.opts.SkipWebP && fitsWebP(img)
	e.mu.Lock() // encoders still running write into e.files
	i := len(e.files)
	e.files = append(e.files, make([]File, 1, 2))
	if webp {
		e.files[i] = e.files[i][:2]
	}
	e.mu.Unlock()
	e.run(func() error {
		f, err := encodeJPEG(img, e.opts.Quality)
		e.mu.Lock()
		e.files[i][0] = f
		e.mu.Unlock()
		return err
	})
	if !webp {
		return
	}
	e.run(func() error {
		f, err := encodeWebP(img, e.opts.Quality)
		if err == nil {
			e.mu.Lock()
			e.files[i][1] = *f
			e.mu.Unlock()
		}
		return err
	})
}

func (e *encoders) run(encode func() error) {
	e.slots <- struct{}{}
	e.wg.Go(func() {
		defer func() { <-e.slots }()
		if err := encode(); err != nil {
			e.mu.Lock()
			e.err = cmp.Or(e.err, err)
			e.mu.Unlock()
		}
	})
}

// wait returns every version's files, widest (the full version) first.
func (e *encoders) wait() ([][]File, error) {
	e.wg.Wait()
	return e.files, e.err
}
