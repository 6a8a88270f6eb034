package media

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/blob/disk"
)

func TestStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bucket, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	in := encodeTestJPEG(t, quadrants(700, 400, red, green, blue, white))
	p, err := Process(ctx, bytes.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	img, err := Store(ctx, bucket, p)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(p.Full.Data)
	n := hex.EncodeToString(sum[:])[:20]
	want := Image{Path: n + "-full.jpg", WebPPath: n + "-full.webp", MIME: "image/jpeg", Width: 700, Height: 400,
		Variants: []Variant{
			{Width: 320, Height: 183, Path: n + "-320.jpg", WebPPath: n + "-320.webp"},
			{Width: 480, Height: 274, Path: n + "-480.jpg", WebPPath: n + "-480.webp"},
			{Width: 640, Height: 366, Path: n + "-640.jpg", WebPPath: n + "-640.webp"},
		}}
	if diff := cmp.Diff(want, img); diff != "" {
		t.Errorf("Image (-want +got):\n%s", diff)
	}
	stored := map[string][]byte{img.Path: p.Full.Data, img.WebPPath: p.FullWebP.Data}
	for i, v := range img.Variants {
		stored[v.Path], stored[v.WebPPath] = p.Variants[2*i].Data, p.Variants[2*i+1].Data
	}
	for key, data := range stored {
		if got := readBlob(t, bucket, key); !bytes.Equal(got, data) {
			t.Errorf("%s: %d bytes stored, want %d", key, len(got), len(data))
		}
	}
}

// TestStoreAllOrNothing: when a write fails, the files already written go.
func TestStoreAllOrNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bucket := &failingBucket{Bucket: dir, failAt: 3}
	in := encodeTestJPEG(t, quadrants(700, 400, red, green, blue, white))
	p, err := Process(ctx, bytes.NewReader(in), Options{SkipWebP: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Store(ctx, bucket, p); !errors.Is(err, errDiskFull) {
		t.Fatalf("got %v, want the bucket's error", err)
	}
	x := ContentName(p)
	for _, key := range []string{x + "-full.jpg", x + "-320.jpg", x + "-480.jpg"} {
		if _, err := dir.Open(ctx, key); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("%s left behind (%v)", key, err)
		}
	}
}

// TestStoreDeduplicates: the same upload twice gives the same keys and is
// not written again, so a failure storing the second copy cannot delete the
// first's files; a different picture gets other keys.
func TestStoreDeduplicates(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir, err := disk.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	in := encodeTestJPEG(t, quadrants(700, 400, red, green, blue, white))
	process := func(in []byte) *Processed {
		p, err := Process(ctx, bytes.NewReader(in), Options{SkipWebP: true})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	first, err := Store(ctx, dir, process(in))
	if err != nil {
		t.Fatal(err)
	}
	bucket := &failingBucket{Bucket: dir, failAt: 1}
	second, err := Store(ctx, bucket, process(in))
	if err != nil || bucket.puts != 0 {
		t.Fatalf("storing the same picture again: %v, %d files written", err, bucket.puts)
	}
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("same upload, other keys (-first +second):\n%s", diff)
	}
	other, err := Store(ctx, dir, process(encodeTestJPEG(t, quadrants(700, 400, blue, green, red, white))))
	if err != nil {
		t.Fatal(err)
	}
	if other.Path == first.Path {
		t.Errorf("two different pictures share the key %s", other.Path)
	}
	readBlob(t, dir, first.Variants[0].Path)
}

var errDiskFull = errors.New("disk full")

type failingBucket struct {
	*disk.Bucket
	puts, failAt int
}

func (b *failingBucket) Put(ctx context.Context, key string, r io.Reader) error {
	if b.puts++; b.puts == b.failAt {
		return errDiskFull
	}
	return b.Bucket.Put(ctx, key, r)
}

func readBlob(t *testing.T, bucket blob.Bucket, key string) []byte {
	t.Helper()
	obj, err := bucket.Open(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	defer obj.Close()
	b, err := io.ReadAll(obj)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
