package desk

import (
	"bufio"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/http"
	"os"

	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/media"
)

// spooledVideo is an uploaded video file, written to a temporary file as it
// arrived (never held in memory) and hashed on the way for its key.
type spooledVideo struct {
	file *os.File
	sum  hash.Hash
	mime string
	size int64
}

// readVideo spools the rest of the upload, refusing it past the limit.
func (h *Handler) readVideo(r *bufio.Reader, mime string, up *upload) (int, error) {
	f, err := os.CreateTemp("", "dateline-video-*")
	if err != nil {
		return 0, err
	}
	v := &spooledVideo{file: f, sum: sha256.New(), mime: mime}
	up.Video = v
	n, err := io.Copy(io.MultiWriter(f, v.sum), io.LimitReader(r, media.MaxVideoBytes+1))
	v.size, up.Size = n, n
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb) || n > media.MaxVideoBytes:
		up.Video = nil
		v.remove()
		up.Problems["file"] = fmt.Sprintf("The video is larger than %d MB, the limit for videos.", media.MaxVideoBytes>>20)
		return http.StatusRequestEntityTooLarge, nil
	case err != nil:
		up.Video = nil
		v.remove()
		return 0, err
	}
	return http.StatusUnprocessableEntity, nil
}

// key names the video by its content: the first 20 hex digits of the
// SHA-256 of its bytes, and the extension of its type.
func (v *spooledVideo) key() string {
	if v == nil {
		return ""
	}
	return media.VideoKey(v.sum.Sum(nil), v.mime)
}

// store copies the spooled file to the bucket and describes it.
func (v *spooledVideo) store(ctx context.Context, bucket blob.Bucket) (media.Image, error) {
	if _, err := v.file.Seek(0, io.SeekStart); err != nil {
		return media.Image{}, err
	}
	key := v.key()
	if err := bucket.Put(ctx, key, v.file); err != nil {
		return media.Image{}, fmt.Errorf("store video %s: %w", key, err)
	}
	return media.Image{Path: key, MIME: v.mime}, nil
}

// remove deletes the temporary file; nil and repeated calls are harmless.
func (v *spooledVideo) remove() {
	if v == nil || v.file == nil {
		return
	}
	v.file.Close()
	os.Remove(v.file.Name())
	v.file = nil
}
