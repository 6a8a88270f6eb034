package media

import (
	"bytes"
	"context"
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
	img, err := Store(ctx, bucket, "kabul-market", p)
	if err != nil {
		t.Fatal(err)
	}
	want := Image{Path: "kabul-market-full.jpg", WebPPath: "kabul-market-full.webp", MIME: "image/jpeg", Width: 700, Height: 400,
		Variants: []Variant{
			{Width: 320, Height: 183, Path: "kabul-market-320.jpg", WebPPath: "kabul-market-320.webp"},
			{Width: 480, Height: 274, Path: "kabul-market-480.jpg", WebPPath: "kabul-market-480.webp"},
			{Width: 640, Height: 366, Path: "kabul-market-640.jpg", WebPPath: "kabul-market-640.webp"},
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
	if _, err := Store(ctx, bucket, "x", p); !errors.Is(err, errDiskFull) {
		t.Fatalf("got %v, want the bucket's error", err)
	}
	for _, key := range []string{"x-full.jpg", "x-320.jpg", "x-480.jpg"} {
		if _, err := dir.Open(ctx, key); !errors.Is(err, blob.ErrNotFound) {
			t.Errorf("%s left behind (%v)", key, err)
		}
	}
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
