package media

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Kinds of refused upload, for errors.Is. Process returns them inside a
// *Rejection, whose Error() is the sentence to show the person uploading.
var (
	ErrUnsupported   = errors.New("not a JPEG, PNG, WebP or GIF image")
	ErrTooLarge      = errors.New("image file too large")
	ErrTooManyPixels = errors.New("image has too many pixels")
	ErrBadDimensions = errors.New("image dimensions out of range")
	ErrUnreadable    = errors.New("image data cannot be read")
)

// Rejection is an upload refused because of what the file is, not because of
// a fault of ours: the web layer shows Message beside the upload field (422).
type Rejection struct {
	Kind    error // one of the Err values above
	Message string
	Cause   error // the decoder's own error, for the log; often nil
}

func (r *Rejection) Error() string { return r.Message }

func (r *Rejection) Unwrap() []error {
	if r.Cause == nil {
		return []error{r.Kind}
	}
	return []error{r.Kind, r.Cause}
}

func reject(kind error, format string, args ...any) *Rejection {
	return &Rejection{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

func errUnsupported() error {
	return reject(ErrUnsupported, "This file is not a JPEG, PNG, WebP or GIF image.")
}

func errTooLarge(limit int64) error {
	return reject(ErrTooLarge, "The file is larger than %d MB, the limit for images.", limit>>20)
}

func errTooManyPixels(w, h, limit int) error {
	return reject(ErrTooManyPixels, "The image is %d × %d pixels (%s megapixels); the limit is %s megapixels.",
		w, h, megapixels(w*h), megapixels(limit))
}

// errUnreadable keeps the decoder's words for the log only: "invalid Huffman
// code" tells an editor nothing, and the remedy is the same for every cause.
func errUnreadable(cause error) error {
	return &Rejection{Kind: ErrUnreadable, Cause: cause,
		Message: "This image cannot be read: the file is damaged or incomplete, or saved in a form we cannot read. " +
			"Open it in an image editor, save it again as JPEG or PNG, and upload that."}
}

// megapixels rounds up to one decimal, so an image just over the limit never
// reads as "50 megapixels; the limit is 50 megapixels".
func megapixels(pixels int) string {
	mp := math.Ceil(float64(pixels)/1e5) / 10
	return strconv.FormatFloat(mp, 'f', -1, 64)
}
