// Package blob stores media files by key: on the local disk by default, in
// S3-compatible storage when one machine is not enough.
package blob

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"
)

// ErrNotFound is returned when no object has the key.
var ErrNotFound = errors.New("blob not found")

// ErrBadKey is returned for keys that could escape the store or are not plain paths.
var ErrBadKey = errors.New("bad blob key")

// Bucket stores and serves objects by key.
type Bucket interface {
	Put(ctx context.Context, key string, r io.Reader) error
	Open(ctx context.Context, key string) (Object, error)
	Delete(ctx context.Context, key string) error
}

// Object is an opened blob, readable from any offset (for range requests).
type Object interface {
	io.ReadSeekCloser
	Size() int64
	ModTime() time.Time
}

// ValidKey reports whether key is a clean relative slash path such as
// "images/2026/11/photo-640.jpg": no "..", no leading slash, no empty parts.
func ValidKey(key string) bool {
	if key == "" || len(key) > 512 || strings.HasPrefix(key, "/") || strings.ContainsAny(key, "\\\x00") {
		return false
	}
	for part := range strings.SplitSeq(key, "/") {
		if part == "" || part == "." || part == ".." {
			return false
		}
	}
	return true
}
