package media

import (
	"bytes"
	"context"
	"fmt"

	"github.com/datelinenews/dateline/internal/blob"
)

// Store writes the processed files to the bucket under flat keys made from
// name ("<name>-full.jpg", "<name>-640.jpg", "<name>-640.webp", ...) and
// returns the library entry describing them, not yet saved in the database.
// If any write fails, the files already written are deleted: an image is
// stored whole or not at all.
func Store(ctx context.Context, bucket blob.Bucket, name string, p *Processed) (Image, error) {
	img, files := layout(name, p)
	var written []string
	for _, f := range files {
		if err := bucket.Put(ctx, f.key, bytes.NewReader(f.data)); err != nil {
			removeAll(ctx, bucket, written)
			return Image{}, fmt.Errorf("store image %s: %w", f.key, err)
		}
		written = append(written, f.key)
	}
	return img, nil
}

type keyedFile struct {
	key  string
	data []byte
}

// layout names every file and builds the Image that points to them.
func layout(name string, p *Processed) (Image, []keyedFile) {
	img := Image{Path: name + "-full.jpg", MIME: p.Full.MIME, Width: p.Full.Width, Height: p.Full.Height}
	files := []keyedFile{{img.Path, p.Full.Data}}
	if p.FullWebP != nil {
		img.WebPPath = name + "-full.webp"
		files = append(files, keyedFile{img.WebPPath, p.FullWebP.Data})
	}
	for _, f := range p.Variants {
		key := fmt.Sprintf("%s-%d.%s", name, f.Width, extension(f.MIME))
		files = append(files, keyedFile{key, f.Data})
		i := len(img.Variants) - 1
		if i < 0 || img.Variants[i].Width != f.Width {
			img.Variants = append(img.Variants, Variant{Width: f.Width, Height: f.Height})
			i++
		}
		if f.MIME == "image/webp" {
			img.Variants[i].WebPPath = key
		} else {
			img.Variants[i].Path = key
		}
	}
	return img, files
}

func extension(mime string) string {
	if mime == "image/webp" {
		return "webp"
	}
	return "jpg"
}

// removeAll deletes what a failed Store wrote, even when ctx is what failed.
func removeAll(ctx context.Context, bucket blob.Bucket, keys []string) {
	ctx = context.WithoutCancel(ctx)
	for _, k := range keys {
		_ = bucket.Delete(ctx, k) // best effort: the first error is the one to report
	}
}
