package media

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/datelinenews/dateline/internal/blob"
)

// Store writes the processed files to the bucket under flat keys named for
// their content ("<hash>-full.jpg", "<hash>-640.jpg", "<hash>-640.webp", ...;
// see ContentName) and returns the library entry describing them, not yet
// saved in the database. The same picture uploaded twice gets the same keys,
// and files already in the bucket are not written again. If any write fails,
// the files this call wrote are deleted: an image is stored whole or not at all.
func Store(ctx context.Context, bucket blob.Bucket, p *Processed) (Image, error) {
	img, files := layout(ContentName(p), p)
	var written []string
	for _, f := range files {
		if exists(ctx, bucket, f.key, len(f.data)) {
			continue // the same bytes, from an earlier upload: shared, so never ours to delete
		}
		if err := bucket.Put(ctx, f.key, bytes.NewReader(f.data)); err != nil {
			removeAll(ctx, bucket, written)
			return Image{}, fmt.Errorf("store image %s: %w", f.key, err)
		}
		written = append(written, f.key)
	}
	return img, nil
}

// ContentName is the stem of every key of a processed image: the first 20
// hex digits (80 bits) of the SHA-256 of its full-size JPEG. The variants are
// made from the full version, so the stem names them all; re-encoding the
// same upload gives the same bytes and so the same name.
func ContentName(p *Processed) string {
	sum := sha256.Sum256(p.Full.Data)
	return hex.EncodeToString(sum[:10])
}

// exists reports whether key holds a file of size bytes already. Under a
// content-addressed name, that file holds these very bytes.
func exists(ctx context.Context, bucket blob.Bucket, key string, size int) bool {
	obj, err := bucket.Open(ctx, key)
	if err != nil {
		return false
	}
	defer obj.Close()
	return obj.Size() == int64(size)
}

type keyedFile struct {
	key  string
	data []byte
}

// FullKey is the key the full-size JPEG of p is stored under: an image
// already in the library with this path holds the same picture.
func FullKey(p *Processed) string { return ContentName(p) + "-full.jpg" }

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
