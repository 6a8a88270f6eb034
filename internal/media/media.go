// Package media describes the images stored for stories: the original and its
// resized variants, with the words that go with them (alt text, caption, credit).
package media

import (
	"errors"
	"time"
)

// ErrNotFound is returned when no image has the asked-for id.
var ErrNotFound = errors.New("image not found")

// Image is one picture in the media library, or one video file (MIME
// video/mp4 or video/webm, Path its key, Width and Height its frame's).
type Image struct {
	ID       int64
	Path     string // key in the blob store of the largest clean version
	WebPPath string // the same picture as WebP; empty when none was made
	MIME     string
	Width    int
	Height   int
	Alt      string
	Caption  string
	Credit   string
	Variants []Variant // smaller versions, narrowest first
	// Poster is the picture a video file shows before it plays, chosen by
	// the editor; nil for pictures and for videos without one.
	Poster *Image
	// OriginalName and SizeBytes describe the file as uploaded, for the library.
	OriginalName string
	SizeBytes    int64
	CreatedAt    time.Time
}

// Variant is a resized copy of an image.
type Variant struct {
	Width    int
	Height   int
	Path     string // JPEG
	WebPPath string // the same size as WebP; empty when none was made
}
