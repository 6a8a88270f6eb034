package desk

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/web"
)

// maxUploadBytes bounds an upload request: the 500 MB video limit plus room
// for the form's other fields. Images have their own, lower limit (40 MB),
// which media.Process applies as it reads.
const maxUploadBytes = media.MaxVideoBytes + 1<<20

// upload is an upload form as received: the words, and the processed file.
type upload struct {
	Form     UploadForm
	Name     string // the file's name on the uploader's computer
	Size     int64
	Picture  *media.Processed
	Video    *spooledVideo // instead of Picture, for a video file
	Problems map[string]string
}

// UploadMedia takes an image from the library's upload form, or from the
// story editor's drop zone (which asks for JSON), makes its published
// versions and stores them under names made from their content. The same
// picture uploaded again is not stored twice: the upload leads to the image
// already in the library.
func (h *Handler) UploadMedia(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes)
	up, status, err := h.readUpload(r)
	defer up.Video.remove()
	if err != nil {
		return err
	}
	if len(up.Problems) > 0 {
		return h.uploadRefused(w, r, status, up.Form, up.Problems)
	}
	img, fresh, err := h.saveUpload(r, up)
	if err != nil {
		return err
	}
	message := "Image uploaded: " + up.Name + "."
	if !fresh {
		message = "This image is already in the library, as #" + strconv.FormatInt(img.ID, 10) + "; nothing was added."
	}
	if wantsJSON(r) {
		return writeJSON(w, http.StatusOK, uploaded(img, message))
	}
	return seeOther(w, r, "/admin/media", message)
}

// busyMessage answers an upload that found every processing slot taken.
const busyMessage = "The server is busy preparing other images. Wait a minute and upload this one again."

// saveUpload stores the files and the library entry, or finds the entry
// that already holds the same picture (fresh is then false).
func (h *Handler) saveUpload(r *http.Request, up upload) (img media.Image, fresh bool, err error) {
	ctx := r.Context()
	key := up.Video.key()
	if up.Picture != nil {
		key = media.FullKey(up.Picture)
	}
	if old, err := h.Store.ImageByPath(ctx, key); err == nil {
		return old, false, nil
	} else if !errors.Is(err, media.ErrNotFound) {
		return img, false, err
	}
	if up.Video != nil {
		img, err = up.Video.store(ctx, h.Media)
	} else {
		img, err = media.Store(ctx, h.Media, up.Picture)
	}
	if err != nil {
		return img, false, err
	}
	img.Alt, img.Caption, img.Credit = up.Form.Alt, up.Form.Caption, up.Form.Credit
	img.OriginalName, img.SizeBytes = up.Name, up.Size
	if img.ID, err = h.Store.CreateImage(ctx, img, h.Now()); err != nil {
		h.removeFiles(ctx, img)
		return img, false, err
	}
	h.audit(r, "media.upload", fmt.Sprintf("image %d", img.ID), up.Name)
	return img, true, nil
}

// uploadRefused answers a refused upload: the library page with the
// problems beside the fields, or for the editor the message as JSON.
func (h *Handler) uploadRefused(w http.ResponseWriter, r *http.Request, status int, form UploadForm, problems map[string]string) error {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "60")
	}
	if wantsJSON(r) {
		return writeJSON(w, status, UploadResult{Error: problems["file"]})
	}
	return h.mediaLibrary(w, r, status, form, problems)
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
	if up.Picture == nil && up.Video == nil && up.Problems["file"] == "" {
		up.Problems["file"] = "Choose an image or video file to upload."
	}
	return up, status, nil
}

// tooLarge turns a request cut off by maxUploadBytes into a problem (413);
// anything else that broke the form is a 400.
func tooLarge(err error, up *upload) int {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		up.Problems["file"] = fmt.Sprintf("The file is larger than %d MB, the limit for videos (images: %d MB).",
			media.MaxVideoBytes>>20, media.DefaultOptions().MaxBytes>>20)
		return http.StatusRequestEntityTooLarge
	}
	up.Problems["file"] = "The upload was interrupted. Choose the file and send it again."
	return http.StatusBadRequest
}

// readFile processes the uploaded file; what the uploader must fix becomes a
// problem beside the file field.
func (h *Handler) readFile(ctx context.Context, part *multipart.Part, up *upload) (int, error) {
	up.Name = path.Base(strings.ReplaceAll(part.FileName(), `\`, "/"))
	file := bufio.NewReaderSize(part, 64<<10)
	head, _ := file.Peek(media.VideoHeadSize) // shorter for a short file; errors come again on reading
	if typ := media.SniffVideo(head); typ != "" {
		return h.readVideo(file, typ, up)
	}
	// Only the decoding waits its turn, not the form's words before the file.
	leave, err := h.Processing.Enter(ctx)
	if errors.Is(err, media.ErrBusy) {
		up.Problems["file"] = busyMessage
		return http.StatusServiceUnavailable, nil
	}
	if err != nil {
		return 0, err
	}
	counted := &countingReader{r: file}
	p, err := media.Process(ctx, counted, media.Options{})
	leave()
	up.Size = counted.n
	var rej *media.Rejection
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return tooLarge(err, up), nil
	case errors.As(err, &rej) && errors.Is(rej, media.ErrTooLarge):
		up.Problems["file"] = rej.Message
		return http.StatusRequestEntityTooLarge, nil
	case errors.As(err, &rej) && errors.Is(rej, media.ErrUnsupported) && !strings.Contains(rej.Message, "Animated"):
		up.Problems["file"] = "This file is not a JPEG, PNG, WebP or GIF image, nor an MP4 or WebM video."
		return http.StatusUnprocessableEntity, nil
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
