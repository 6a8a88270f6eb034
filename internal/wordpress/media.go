package wordpress

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
)

// attachment brings a WordPress attachment in: its file through
// internal/media (so no EXIF, GPS or other metadata survives), or, for an
// MP4 or WebM video, as a library video; with the alt text and caption
// WordPress kept for it. Its page's addresses are noted for redirects.
func (im *importer) attachment(ctx context.Context, it *Item) error {
	counts := im.report.Counts["media"]
	rel := uploadsPath(it.AttachmentURL)
	if rel == "" {
		rel = strings.TrimPrefix(it.MetaValue("_wp_attached_file"), "/")
	}
	if rel == "" {
		counts.Skipped++
		im.warn(it.Line, "media", fmt.Sprintf("attachment %s (%s) has no file under wp-content/uploads: skipped", it.ID, quote(it.Title)))
		return nil
	}
	im.arch.attachments = append(im.arch.attachments, wpAttachment{id: it.ID, parent: strings.TrimSpace(it.Parent), link: it.Link})
	if _, ok := im.maps[mapAttachment][it.ID]; ok {
		counts.Unchanged++
	}
	e, ok := im.mediaFile(ctx, rel)
	if !ok {
		return nil
	}
	if e.ID != 0 && !im.opt.DryRun {
		if err := im.describe(ctx, e.ID, it); err != nil {
			return err
		}
	}
	return im.entry(ctx, mapAttachment, it.ID, e)
}

// describe gives an imported image the alt text and caption of its attachment.
func (im *importer) describe(ctx context.Context, id int64, it *Item) error {
	img, err := im.st.ImageByID(ctx, id)
	if err != nil {
		return err
	}
	alt := clip(text(it.MetaValue("_wp_attachment_image_alt")), 500)
	caption := clip(text(stripTags(it.Excerpt())), 1000)
	if img.Alt == alt && img.Caption == caption {
		return nil
	}
	img.Alt, img.Caption = alt, caption
	return im.st.UpdateImageText(ctx, img)
}

// errSkipFile marks a file refused by internal/media.
var errSkipFile = errors.New("not a readable picture")

// errVideoTooLarge marks a video file past the library's limit.
var errVideoTooLarge = errors.New("video too large")

// sizeSuffix matches the sizes WordPress makes of an image
// (photo-1024x683.jpg) and its "-scaled" copy of large originals.
var sizeSuffix = regexp.MustCompile(`-(\d+x\d+|scaled)$`)

// mediaFile returns the imported file for a path under wp-content/uploads,
// importing it the first time. A resized copy (photo-300x200.jpg) leads to
// its original when the uploads folder has it. ok is false when there is
// nothing to link to: no uploads folder, a missing file, or a dry run.
func (im *importer) mediaFile(ctx context.Context, rel string) (store.ImportEntry, bool) {
	rel = cleanRel(rel)
	if rel == "" {
		return store.ImportEntry{}, false
	}
	rel = im.original(rel)
	if e, ok := im.maps[mapMedia][rel]; ok {
		return e, true
	}
	counts := im.report.Counts["media"]
	if im.opt.Uploads == "" {
		counts.Skipped++
		im.once("no uploads", 0, "no --uploads folder given: media are not imported and keep pointing at the old site")
		return store.ImportEntry{}, false
	}
	full := filepath.Join(im.opt.Uploads, filepath.FromSlash(rel))
	video, err := sniffVideoFile(full)
	if err != nil {
		im.missing(rel, err)
		return store.ImportEntry{}, false
	}
	if im.opt.DryRun {
		counts.Imported++
		im.maps[mapMedia][rel] = store.ImportEntry{}
		return store.ImportEntry{}, false
	}
	var e store.ImportEntry
	if video != "" {
		e, err = im.storeVideo(ctx, rel, full, video)
	} else {
		var data []byte
		if data, err = os.ReadFile(full); err != nil {
			im.missing(rel, err)
			return store.ImportEntry{}, false
		}
		e, err = im.storeFile(ctx, rel, data)
	}
	if errors.Is(err, errSkipFile) || errors.Is(err, errVideoTooLarge) {
		counts.Skipped++
		im.maps[mapMedia][rel] = store.ImportEntry{}
		msg := fmt.Sprintf("%s is not a picture Dateline can read: skipped (%v)", rel, errors.Unwrap(err))
		if errors.Is(err, errVideoTooLarge) {
			msg = fmt.Sprintf("%s is larger than %d MB, the limit for videos: skipped; links to it keep pointing at the old site", rel, media.MaxVideoBytes>>20)
		}
		im.warn(0, "media", msg)
		return store.ImportEntry{}, false
	}
	if err != nil {
		im.failed = errors.Join(im.failed, err)
		return store.ImportEntry{}, false
	}
	counts.Imported++
	if err := im.entry(ctx, mapMedia, rel, e); err != nil {
		im.failed = errors.Join(im.failed, err)
	}
	return e, true
}

// original strips a size suffix when the original file exists.
func (im *importer) original(rel string) string {
	ext := path.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	loc := sizeSuffix.FindStringIndex(stem)
	if loc == nil {
		return rel
	}
	orig := stem[:loc[0]] + ext
	if _, ok := im.maps[mapMedia][orig]; ok {
		return orig
	}
	if im.opt.Uploads != "" {
		if _, err := os.Stat(filepath.Join(im.opt.Uploads, filepath.FromSlash(orig))); err == nil {
			return orig
		}
	}
	return rel
}

// missing lists a file the export refers to but the uploads folder lacks.
func (im *importer) missing(rel string, err error) {
	if im.warnedOnce["missing "+rel] {
		return
	}
	im.warnedOnce["missing "+rel] = true
	im.report.Missing = append(im.report.Missing, rel)
	im.report.Counts["media"].Skipped++
	if errors.Is(err, fs.ErrNotExist) {
		im.warn(0, "media", fmt.Sprintf("missing file: %s is not in the uploads folder; links to it keep pointing at the old site", rel))
		return
	}
	im.warn(0, "media", fmt.Sprintf("cannot read %s: %v", rel, err))
}

// storeFile processes an image like any upload and stores its versions; a
// file that is not an image (a PDF) is stored as it is. Names come from the
// content, so a picture already in the library (attached twice in
// WordPress, or uploaded before) is reused rather than stored again; the
// alt text each story gives it stays in that story's Markdown.
func (im *importer) storeFile(ctx context.Context, rel string, data []byte) (store.ImportEntry, error) {
	p, err := media.Process(ctx, bytes.NewReader(data), im.opt.Images)
	var rej *media.Rejection
	if errors.As(err, &rej) && !looksLikeImage(rel) {
		sum := sha256.Sum256(data)
		key := hex.EncodeToString(sum[:10]) + strings.ToLower(path.Ext(rel))
		if err := im.putNew(ctx, key, data); err != nil {
			return store.ImportEntry{}, err
		}
		im.warn(0, "media", fmt.Sprintf("%s is not an image: stored as it is, without processing", rel))
		return store.ImportEntry{Target: "/media/" + key}, nil
	}
	if rej != nil {
		return store.ImportEntry{}, fmt.Errorf("%s: %w", rel, errSkipFile)
	}
	if err != nil {
		return store.ImportEntry{}, fmt.Errorf("%s: %w", rel, err)
	}
	if old, err := im.st.ImageByPath(ctx, media.FullKey(p)); err == nil {
		return store.ImportEntry{ID: old.ID, Target: "/media/" + old.Path}, nil
	}
	fresh := !im.exists(ctx, media.FullKey(p))
	img, err := media.Store(ctx, im.opt.Media, p)
	if err != nil {
		return store.ImportEntry{}, err
	}
	if fresh {
		im.written = append(im.written, imageKeys(img)...)
	}
	img.OriginalName, img.SizeBytes = path.Base(rel), int64(len(data))
	id, err := im.st.CreateImage(ctx, img, im.now)
	if err != nil {
		return store.ImportEntry{}, err
	}
	return store.ImportEntry{ID: id, Target: "/media/" + img.Path}, nil
}

// putNew stores a file under its content name unless it is there already;
// only files this import wrote are removed if it fails.
func (im *importer) putNew(ctx context.Context, key string, data []byte) error {
	if im.exists(ctx, key) {
		return nil
	}
	if err := im.opt.Media.Put(ctx, key, bytes.NewReader(data)); err != nil {
		return err
	}
	im.written = append(im.written, key)
	return nil
}

func (im *importer) exists(ctx context.Context, key string) bool {
	f, err := im.opt.Media.Open(ctx, key)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

func looksLikeImage(rel string) bool {
	switch strings.ToLower(path.Ext(rel)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		return true
	}
	return false
}

// imageKeys lists every file of a stored image.
func imageKeys(img media.Image) []string {
	keys := []string{img.Path}
	if img.WebPPath != "" {
		keys = append(keys, img.WebPPath)
	}
	for _, v := range img.Variants {
		for _, k := range []string{v.Path, v.WebPPath} {
			if k != "" {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// removeWritten deletes the files of an import that did not commit.
func (im *importer) removeWritten(ctx context.Context) {
	ctx = context.WithoutCancel(ctx)
	for _, k := range im.written {
		_ = im.opt.Media.Delete(ctx, k) // best effort: the import's own error is the one to report
	}
}

// uploadsPath is the part of an address after wp-content/uploads/, decoded.
func uploadsPath(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return ""
	}
	_, rel, ok := strings.Cut(u.Path, "/wp-content/uploads/")
	if !ok {
		return ""
	}
	return rel
}

// cleanRel refuses paths that would leave the uploads folder.
func cleanRel(rel string) string {
	rel = path.Clean("/" + strings.TrimSpace(rel))[1:]
	if rel == "" || strings.HasPrefix(rel, "..") || strings.ContainsRune(rel, 0) {
		return ""
	}
	return rel
}
