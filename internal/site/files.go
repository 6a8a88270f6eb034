package site

import (
	"net/http"
	"path"

	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/web"
)

// Media serves an image or video from the media store. Keys are made from
// the content, so files are cached for a year. Range requests (206) let
// readers seek in a video without downloading all of it.
func (h *Handler) Media(w http.ResponseWriter, r *http.Request) error {
	key := r.PathValue("file")
	if !blob.ValidKey(key) {
		return blob.ErrNotFound
	}
	obj, err := h.Files.Open(r.Context(), key)
	if err != nil {
		return err
	}
	defer obj.Close()
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// The type goes by the key's extension, which we chose from the file's
	// content; Go's own table lacks the video types.
	if typ, ok := mediaTypes[path.Ext(key)]; ok {
		w.Header().Set("Content-Type", typ)
	}
	http.ServeContent(w, r, path.Base(key), obj.ModTime(), obj)
	return nil
}

var mediaTypes = map[string]string{".jpg": "image/jpeg", ".webp": "image/webp", ".png": "image/png", ".gif": "image/gif",
	".mp4": "video/mp4", ".webm": "video/webm"}

// Robots serves robots.txt: everything public may be crawled, the desk
// not; crawlers find the sitemap index here.
func (h *Handler) Robots(w http.ResponseWriter, r *http.Request) error {
	body := "User-agent: *\nDisallow: /admin/\n\nSitemap: " + h.absURL(r, "/sitemap.xml") + "\n"
	web.Write(w, r, http.StatusOK, "text/plain; charset=utf-8", []byte(body), web.Public)
	return nil
}
