package wordpress

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
)

// sniffVideoFile reads the first bytes of a file in the uploads folder and
// returns its video type when it is an MP4 or WebM file browsers play (by
// its content, as uploads to the desk are told), "" for anything else.
func sniffVideoFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, media.VideoHeadSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	return media.SniffVideo(head[:n]), nil
}

// storeVideo brings an uploaded video file into the media library as the
// desk does: the file as it is, streamed rather than held in memory, under
// a name made from its content, so the same video is stored once.
func (im *importer) storeVideo(ctx context.Context, rel, name, mime string) (store.ImportEntry, error) {
	f, err := os.Open(name)
	if err != nil {
		return store.ImportEntry{}, err
	}
	defer f.Close()
	sum := sha256.New()
	size, err := io.Copy(sum, io.LimitReader(f, media.MaxVideoBytes+1))
	if err != nil {
		return store.ImportEntry{}, fmt.Errorf("%s: %w", rel, err)
	}
	if size > media.MaxVideoBytes {
		return store.ImportEntry{}, fmt.Errorf("%s: %w", rel, errVideoTooLarge)
	}
	key := media.VideoKey(sum.Sum(nil), mime)
	if old, err := im.st.ImageByPath(ctx, key); err == nil {
		return store.ImportEntry{ID: old.ID, Target: "/media/" + old.Path}, nil
	} else if !errors.Is(err, media.ErrNotFound) {
		return store.ImportEntry{}, err
	}
	if !im.exists(ctx, key) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return store.ImportEntry{}, err
		}
		if err := im.opt.Media.Put(ctx, key, f); err != nil {
			return store.ImportEntry{}, fmt.Errorf("store video %s: %w", key, err)
		}
		im.written = append(im.written, key)
	}
	v := media.Image{Path: key, MIME: mime, OriginalName: path.Base(rel), SizeBytes: size}
	id, err := im.st.CreateImage(ctx, v, im.now)
	if err != nil {
		return store.ImportEntry{}, err
	}
	return store.ImportEntry{ID: id, Target: "/media/" + key}, nil
}

// isVideo tells an imported video of the library from a picture or a file
// stored as it was (which has no library entry).
func isVideo(e store.ImportEntry) bool {
	return e.ID != 0 && (strings.HasSuffix(e.Target, ".mp4") || strings.HasSuffix(e.Target, ".webm"))
}

// libraryVideo is the converter's Video finder: a video of the old site's
// uploads becomes the imported library video, shown as a player, with the
// poster WordPress gave it when that picture was imported too and the
// video has none yet. ok is false when the file could not be imported.
func (im *importer) libraryVideo(src, poster string) (string, bool) {
	rel := im.uploadsRel(src)
	if rel == "" {
		return "", false
	}
	e, ok := im.mediaFile(im.ctx, rel)
	if im.opt.DryRun {
		return im.wouldBeVideo(rel)
	}
	if !ok || !isVideo(e) {
		return "", false
	}
	if rel := im.uploadsRel(poster); rel != "" && !im.opt.DryRun {
		if err := im.setPoster(e.ID, rel); err != nil {
			im.failed = errors.Join(im.failed, err)
		}
	}
	return e.Target, true
}

// wouldBeVideo answers for a dry run, which stores nothing: whether the
// file would come in as a library video, under a stand-in address.
func (im *importer) wouldBeVideo(rel string) (string, bool) {
	rel = cleanRel(rel)
	if rel == "" || im.opt.Uploads == "" {
		return "", false
	}
	typ, err := sniffVideoFile(filepath.Join(im.opt.Uploads, filepath.FromSlash(im.original(rel))))
	if err != nil || typ == "" {
		return "", false
	}
	return "/media/" + media.VideoKey(make([]byte, sha256.Size), typ), true
}

// uploadsRel is the path under wp-content/uploads of an address of the old
// site, "" for any other address.
func (im *importer) uploadsRel(raw string) string {
	u, ok := im.ownURL(raw)
	if !ok {
		return ""
	}
	return uploadsPath(u.String())
}

// setPoster gives the video its WordPress poster, unless an editor chose
// one in Dateline already.
func (im *importer) setPoster(videoID int64, rel string) error {
	p, ok := im.mediaFile(im.ctx, rel)
	if !ok || p.ID == 0 || isVideo(p) {
		return nil
	}
	v, err := im.st.ImageByID(im.ctx, videoID)
	if err != nil || v.Poster != nil {
		return err
	}
	return im.st.SetImagePoster(im.ctx, videoID, p.ID)
}
