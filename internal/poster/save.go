package poster

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"

	"github.com/datelinenews/dateline/internal/media"
)

// save puts a picture through media.Process, like any upload, and stores it
// in the library, or finds it there already (the stand-in is shared by
// every video whose thumbnail could not be fetched).
func (m *Maker) save(ctx context.Context, data []byte, caption string) (media.Image, error) {
	leave, err := m.Gate.Enter(ctx)
	if err != nil {
		return media.Image{}, err
	}
	p, err := media.Process(ctx, bytes.NewReader(data), media.Options{})
	leave()
	if err != nil {
		return media.Image{}, err
	}
	if old, err := m.Store.ImageByPath(ctx, media.FullKey(p)); err == nil {
		return old, nil
	} else if !errors.Is(err, media.ErrNotFound) {
		return media.Image{}, err
	}
	img, err := media.Store(ctx, m.Bucket, p)
	if err != nil {
		return img, err
	}
	img.Caption, img.SizeBytes = caption, int64(len(data))
	img.ID, err = m.Store.CreateImage(ctx, img, m.Now())
	return img, err
}

// standIn is the poster shown while the provider's cannot be had: a dark
// 16:9 frame with a light play symbol in the middle.
func (m *Maker) standIn(ctx context.Context) (media.Image, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, drawStandIn(1280, 720)); err != nil {
		return media.Image{}, err
	}
	return m.save(ctx, buf.Bytes(), "Stand-in poster for videos")
}

func drawStandIn(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bg, circle, play := color.RGBA{0x2b, 0x2b, 0x2b, 0xff}, color.RGBA{0x44, 0x44, 0x44, 0xff}, color.RGBA{0xee, 0xee, 0xee, 0xff}
	cx, cy, r := w/2, h/2, h/6
	for y := range h {
		for x := range w {
			dx, dy := x-cx, y-cy
			c := bg
			if dx*dx+dy*dy <= r*r {
				c = circle
			}
			// A triangle pointing right, its left edge at cx - r/3.
			if left := cx - r/3; x >= left && abs(dy)*2 <= (r-(x-left))*1 && x-left <= r {
				c = play
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
