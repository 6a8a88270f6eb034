package desk

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"path"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/web"
)

// maxUploadBytes bounds an upload request: the 40 MB image limit plus room
// for the form's other fields.
const maxUploadBytes = 41 << 20

// upload is an upload form as received: the words, and the processed file.
type upload struct {
	Form     UploadForm
	Name     string // the file's name on the uploader's computer
	Size     int64
	Picture  *media.Processed
	Problems map[string]string
}

// UploadMedia takes an image from the library's upload form, makes its
// published versions and stores them under a random name.
func (h *Handler) UploadMedia(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	up, status, err := h.readUpload(r)
	if err != nil {
		return err
	}
	if len(up.Problems) > 0 {
		return h.mediaLibrary(w, r, status, up.Form, up.Problems)
	}
	name, err := randomName()
	if err != nil {
		return err
	}
	img, err := media.Store(r.Context(), h.Media, name, up.Picture)
	if err != nil {
		return err
	}
	img.Alt, img.Caption, img.Credit = up.Form.Alt, up.Form.Caption, up.Form.Credit
	img.OriginalName, img.SizeBytes = up.Name, up.Size
	id, err := h.Store.CreateImage(r.Context(), img, h.Now())
	if err != nil {
		h.removeFiles(r.Context(), img)
		return err
	}
	h.audit(r, "media.upload", fmt.Sprintf("image %d", id), up.Name)
	return seeOther(w, r, "/admin/media", "Image uploaded: "+up.Name+".")
}

// readUpload streams the multipart form, processing the file as it arrives
// so that it is held in memory once. A refused file is a problem for the
// form, with the status to answer (413 or 422); other errors are ours.
func (h *Handler) readUpload(r *http.Request) (upload, int, error) {
	up := upload{Problems: map[string]string{}}
	status := http.StatusUnprocessableEntity
	mr, err := r.MultipartReader()
	if err != nil {
		return up, 0, web.BadRequest("The upload form was not sent as a file upload.")
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return up, tooLarge(err, &up), nil
		}
		if part.FormName() == "file" && part.FileName() != "" {
			status, err = h.readFile(r.Context(), part, &up)
		} else {
			err = readField(part, &up.Form)
		}
		if err != nil {
			return up, tooLarge(err, &up), nil
		}
	}
	if up.Picture == nil && up.Problems["file"] == "" {
		up.Problems["file"] = "Choose an image file to upload."
	}
	return up, status, nil
}

// tooLarge turns a request cut off by maxUploadBytes into a problem (413);
// anything else that broke the form is a 400.
func tooLarge(err error, up *upload) int {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		up.Problems["file"] = fmt.Sprintf("The file is larger than %d MB, the limit for images.", media.DefaultOptions().MaxBytes>>20)
		return http.StatusRequestEntityTooLarge
	}
	up.Problems["file"] = "The upload was interrupted. Choose the file and send it again."
	return http.StatusBadRequest
}

// readFile processes the uploaded file; what the uploader must fix becomes a
// problem beside the file field.
func (h *Handler) readFile(ctx context.Context, part *multipart.Part, up *upload) (int, error) {
	up.Name = path.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
	counted := &countingReader{r: part}
	p, err := media.Process(ctx, counted, media.Options{})
	up.Size = counted.n
	var rej *media.Rejection
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return tooLarge(err, up), nil
	case errors.As(err, &rej) && errors.Is(rej, media.ErrTooLarge):
		up.Problems["file"] = rej.Message
		return http.StatusRequestEntityTooLarge, nil
	case errors.As(err, &rej):
		up.Problems["file"] = rej.Message
		return http.StatusUnprocessableEntity, nil
	case err != nil:
		return 0, err
	}
	up.Picture = p
	return http.StatusUnprocessableEntity, nil
}

// readField keeps one of the form's text fields, up to 4 KB of it.
func readField(part *multipart.Part, f *UploadForm) error {
	b, err := io.ReadAll(io.LimitReader(part, 4<<10))
	if err != nil {
		return err
	}
	v := strings.TrimSpace(string(b))
	switch part.FormName() {
	case "alt":
		f.Alt = v
	case "caption":
		f.Caption = v
	case "credit":
		f.Credit = v
	}
	return nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// randomName is a file name nobody can guess or collide with.
func randomName() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// imageFiles lists every key an image's files are stored under.
func imageFiles(img media.Image) []string {
	keys := []string{img.Path, img.WebPPath}
	for _, v := range img.Variants {
		keys = append(keys, v.Path, v.WebPPath)
	}
	return keys
}

// removeFiles deletes an image's files, logging what could not be deleted:
// a stray file costs space, not correctness.
func (h *Handler) removeFiles(ctx context.Context, img media.Image) {
	ctx = context.WithoutCancel(ctx)
	for _, k := range imageFiles(img) {
		if k == "" {
			continue
		}
		if err := h.Media.Delete(ctx, k); err != nil {
			h.Log.WarnContext(ctx, "delete image file", slog.String("key", k), slog.Any("err", err))
		}
	}
}
