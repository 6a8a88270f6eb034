package desk

import (
	"fmt"
	"net/http"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/web"
)

// DeleteMedia deletes an image and its files. While stories use it, the
// stories are shown and the deletion waits for a ticked confirmation;
// stories featuring it are then left without a featured image. Only those
// who may edit any story may delete an image in use.
func (h *Handler) DeleteMedia(w http.ResponseWriter, r *http.Request) error {
	img, err := h.image(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The form could not be read.")
	}
	users, err := h.Store.ImageUsers(r.Context(), img)
	if err != nil {
		return err
	}
	if len(users) > 0 && !CurrentUser(r).Role.Can(people.EditAny) {
		return article.ErrForbidden
	}
	if len(users) > 0 && r.PostForm.Get("confirm") != "on" {
		form := UploadForm{Alt: img.Alt, Caption: img.Caption, Credit: img.Credit}
		problems := map[string]string{"confirm": fmt.Sprintf("This image is used by %d %s. Tick the box to delete it anyway.",
			len(users), plural(len(users), "story", "stories"))}
		return h.mediaEditor(w, r, http.StatusConflict, img, form, problems)
	}
	if err := h.Store.DeleteImage(r.Context(), img.ID); err != nil {
		return err
	}
	h.removeFiles(r.Context(), img)
	h.audit(r, "media.delete", fmt.Sprintf("image %d", img.ID), tileOf(img).Name)
	return seeOther(w, r, "/admin/media", "Image deleted.")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
