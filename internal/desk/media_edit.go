package desk

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/web"
)

// MediaEditPage shows one image: its words, the stories that use it, and
// the delete button.
type MediaEditPage struct {
	Layout
	Image   media.Image
	Tile    MediaTile
	Form    UploadForm
	Errors  map[string]string
	UsedBy  []article.Article // ID, headline and status only
	Confirm bool              // a delete was asked for while stories use the image
	Video   bool
	Posters []MediaTile // for a video: the pictures that may be its poster
}

// EditMedia shows an image of the library.
func (h *Handler) EditMedia(w http.ResponseWriter, r *http.Request) error {
	img, err := h.image(r)
	if err != nil {
		return err
	}
	form := UploadForm{Alt: img.Alt, Caption: img.Caption, Credit: img.Credit}
	if img.Poster != nil {
		form.Poster = img.Poster.ID
	}
	return h.mediaEditor(w, r, http.StatusOK, img, form, nil)
}

// SaveMedia changes an image's alt text, caption and credit.
func (h *Handler) SaveMedia(w http.ResponseWriter, r *http.Request) error {
	img, err := h.image(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The form is too large to send.")
	}
	f := r.PostForm
	form := UploadForm{Alt: strings.TrimSpace(f.Get("alt")), Caption: strings.TrimSpace(f.Get("caption")),
		Credit: strings.TrimSpace(f.Get("credit"))}
	form.Poster, _ = strconv.ParseInt(f.Get("poster"), 10, 64)
	problems := checkImageText(form)
	if img.IsVideo() {
		if err := h.checkPoster(r, form.Poster); err != nil {
			problems["poster"] = err.Error()
		}
	}
	if len(problems) > 0 {
		return h.mediaEditor(w, r, http.StatusUnprocessableEntity, img, form, problems)
	}
	detail := changes("alt", img.Alt, form.Alt, "caption", img.Caption, form.Caption, "credit", img.Credit, form.Credit)
	img.Alt, img.Caption, img.Credit = form.Alt, form.Caption, form.Credit
	if err := h.Store.UpdateImageText(r.Context(), img); err != nil {
		return mediaNotFound(err)
	}
	if img.IsVideo() {
		if err := h.Store.SetImagePoster(r.Context(), img.ID, max(form.Poster, 0)); err != nil {
			return mediaNotFound(err)
		}
	}
	h.audit(r, "media.edit", fmt.Sprintf("image %d", img.ID), detail)
	return seeOther(w, r, fmt.Sprintf("/admin/media/%d", img.ID), "Image saved.")
}

// checkImageText keeps the words within what a page can show.
func checkImageText(f UploadForm) map[string]string {
	problems := map[string]string{}
	for _, c := range []struct {
		field, value string
		limit        int
	}{{"alt", f.Alt, 1000}, {"caption", f.Caption, 2000}, {"credit", f.Credit, 300}} {
		if utf8.RuneCountInString(c.value) > c.limit {
			problems[c.field] = fmt.Sprintf("Keep this under %d characters.", c.limit)
		}
	}
	return problems
}

// image loads the library image named by {id}.
func (h *Handler) image(r *http.Request) (media.Image, error) {
	id, err := pathID(r)
	if err != nil {
		return media.Image{}, err
	}
	img, err := h.Store.ImageByID(r.Context(), id)
	return img, mediaNotFound(err)
}

func mediaNotFound(err error) error {
	if errors.Is(err, media.ErrNotFound) {
		return web.NotFound()
	}
	return err
}

func (h *Handler) mediaEditor(w http.ResponseWriter, r *http.Request, status int, img media.Image, form UploadForm, problems map[string]string) error {
	l, err := h.layout(r, "Image: "+tileOf(img).Name, "media")
	if err != nil {
		return err
	}
	users, err := h.Store.ImageUsers(r.Context(), img)
	if err != nil {
		return err
	}
	p := MediaEditPage{Layout: l, Image: img, Tile: tileOf(img), Form: form, Errors: problems, UsedBy: users,
		Confirm: problems["confirm"] != "", Video: img.IsVideo()}
	if p.Video {
		images, err := h.Store.ListImages(r.Context(), "", 100, 0)
		if err != nil {
			return err
		}
		for _, c := range images {
			if !c.IsVideo() {
				p.Posters = append(p.Posters, tileOf(c))
			}
		}
	}
	return h.page(w, r, status, "media_edit", p)
}

// checkPoster makes sure a video's poster is a picture of the library.
func (h *Handler) checkPoster(r *http.Request, id int64) error {
	if id <= 0 {
		return nil
	}
	p, err := h.Store.ImageByID(r.Context(), id)
	switch {
	case errors.Is(err, media.ErrNotFound):
		return errors.New("That poster is no longer in the library. Choose another.")
	case err != nil:
		return err
	case p.IsVideo():
		return errors.New("A poster must be a picture, not a video.")
	}
	return nil
}
