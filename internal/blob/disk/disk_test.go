package disk

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/blob"
)

func TestBucket(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Put(ctx, "images/2026/a.jpg", strings.NewReader("jpeg bytes")); err != nil {
		t.Fatal(err)
	}
	obj, err := b.Open(ctx, "images/2026/a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(obj)
	obj.Close()
	if string(got) != "jpeg bytes" || obj.Size() != 10 {
		t.Errorf("read back %q (size %d)", got, obj.Size())
	}
	if err := b.Delete(ctx, "images/2026/a.jpg"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Open(ctx, "images/2026/a.jpg"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("after delete: %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"../etc/passwd", "/abs", "a//b", "a/./b", "", "a\\b", "images"} {
		if bad == "images" {
			if _, err := b.Open(ctx, bad); !errors.Is(err, blob.ErrNotFound) {
				t.Errorf("Open(folder) = %v, want ErrNotFound", err)
			}
			continue
		}
		if err := b.Put(ctx, bad, strings.NewReader("x")); !errors.Is(err, blob.ErrBadKey) {
			t.Errorf("Put(%q) = %v, want ErrBadKey", bad, err)
		}
	}
}
