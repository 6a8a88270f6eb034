// Package disk is the default blob store: files in a folder.
package disk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinenews/dateline/internal/blob"
)

// Bucket keeps objects as files under Dir.
type Bucket struct{ Dir string }

// New returns a bucket rooted at dir, creating it if needed.
func New(dir string) (*Bucket, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create media folder: %w", err)
	}
	return &Bucket{Dir: dir}, nil
}

func (b *Bucket) path(key string) (string, error) {
	if !blob.ValidKey(key) {
		return "", fmt.Errorf("%w: %q", blob.ErrBadKey, key)
	}
	return filepath.Join(b.Dir, filepath.FromSlash(key)), nil
}

// Put writes the object atomically: to a temporary file first, then renamed,
// so a reader never sees half a file.
func (b *Bucket) Put(ctx context.Context, key string, r io.Reader) error {
	p, err := b.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".upload-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// Media are public: readable by a web server or sync tool beside us.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := io.Copy(tmp, r); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

type file struct {
	*os.File
	info fs.FileInfo
}

func (f file) Size() int64        { return f.info.Size() }
func (f file) ModTime() time.Time { return f.info.ModTime() }

// Open opens the object for reading.
func (b *Bucket) Open(ctx context.Context, key string) (blob.Object, error) {
	p, err := b.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, blob.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		f.Close()
		return nil, blob.ErrNotFound
	}
	return file{f, info}, nil
}

// Delete removes the object; deleting a missing object is not an error.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	p, err := b.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
