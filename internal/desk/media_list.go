package desk

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
)

// mediaStore is what the media library reads and writes.
type mediaStore interface {
	CreateImage(ctx context.Context, img media.Image, now time.Time) (int64, error)
	ImageByID(ctx context.Context, id int64) (media.Image, error)
	ImageByPath(ctx context.Context, key string) (media.Image, error)
	ImagesByKeys(ctx context.Context, keys []string) (map[string]media.Image, error)
	VideoPosters(ctx context.Context, videos []media.ExternalVideo) (map[string]media.Image, error)
	SetImagePoster(ctx context.Context, id, posterID int64) error
	ListImages(ctx context.Context, query string, limit, offset int) ([]media.Image, error)
	CountImages(ctx context.Context, query string) (int, error)
	UpdateImageText(ctx context.Context, img media.Image) error
	DeleteImage(ctx context.Context, id int64) error
	ImageUsers(ctx context.Context, img media.Image) ([]article.Article, error)
}

// mediaPageSize is how many images the library shows at a time.
const mediaPageSize = 24

// MediaPage is the media library: the upload form above a grid of images.
type MediaPage struct {
	Layout
	Upload     UploadForm
	Errors     map[string]string
	Query      string
	Images     []MediaTile
	Total      int
	Prev, Next string // links to the neighbouring pages; empty at the ends
}

// UploadForm is the upload form's text as typed, kept when the file is refused.
type UploadForm struct {
	Alt, Caption, Credit string
	Poster               int64 // a video's poster image; 0: none
}

// MediaTile is an image in the library's grid.
type MediaTile struct {
	ID                 int64
	Thumb              string
	Width, Height      int // of the thumbnail
	Alt, Caption, Name string
}

// MediaLibrary lists the library's images, searched by ?q= and paged by ?page=.
func (h *Handler) MediaLibrary(w http.ResponseWriter, r *http.Request) error {
	return h.mediaLibrary(w, r, http.StatusOK, UploadForm{}, nil)
}

func (h *Handler) mediaLibrary(w http.ResponseWriter, r *http.Request, status int, form UploadForm, problems map[string]string) error {
	l, err := h.layout(r, "Media library", "media")
	if err != nil {
		return err
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	total, err := h.Store.CountImages(r.Context(), q)
	if err != nil {
		return err
	}
	images, err := h.Store.ListImages(r.Context(), q, mediaPageSize, (pageNo-1)*mediaPageSize)
	if err != nil {
		return err
	}
	p := MediaPage{Layout: l, Upload: form, Errors: problems, Query: q, Total: total}
	for _, img := range images {
		p.Images = append(p.Images, tileOf(img))
	}
	if pageNo > 1 {
		p.Prev = libraryURL(q, pageNo-1)
	}
	if pageNo*mediaPageSize < total {
		p.Next = libraryURL(q, pageNo+1)
	}
	return h.page(w, r, status, "media", p)
}

func libraryURL(q string, page int) string {
	v := url.Values{"page": {strconv.Itoa(page)}}
	if q != "" {
		v.Set("q", q)
	}
	return "/admin/media?" + v.Encode()
}

// tileOf shows an image by its smallest version.
func tileOf(img media.Image) MediaTile {
	t := MediaTile{ID: img.ID, Thumb: "/media/" + img.Path, Width: img.Width, Height: img.Height,
		Alt: img.Alt, Caption: img.Caption, Name: img.OriginalName}
	if img.IsVideo() { // shown by its poster, if it has one
		t.Thumb, t.Width, t.Height = "", 0, 0
		if img.Poster != nil && img.Poster.Path != "" {
			p := tileOf(*img.Poster)
			t.Thumb, t.Width, t.Height = p.Thumb, p.Width, p.Height
		}
	} else if len(img.Variants) > 0 {
		v := img.Variants[0]
		t.Thumb, t.Width, t.Height = "/media/"+v.Path, v.Width, v.Height
	}
	if t.Name == "" {
		t.Name = img.Path
	}
	return t
}
