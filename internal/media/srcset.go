package media

import (
	"fmt"
	"strings"
)

// Sources are an image's versions as <img> and <source> list them.
type Sources struct {
	Src        string // the widest JPEG no wider than 1280 pixels: a default for browsers without srcset
	Srcset     string // every JPEG, "url 320w, …", the full version last
	WebPSrcset string // the same in WebP; empty when none was made
}

// Sources lists img's files as URLs under prefix (such as "/media/").
func (img Image) Sources(prefix string) Sources {
	s := Sources{Src: prefix + img.Path}
	var jpeg, webp []string
	for _, v := range img.Variants {
		jpeg = append(jpeg, fmt.Sprintf("%s%s %dw", prefix, v.Path, v.Width))
		if v.WebPPath != "" {
			webp = append(webp, fmt.Sprintf("%s%s %dw", prefix, v.WebPPath, v.Width))
		}
		if v.Width <= 1280 {
			s.Src = prefix + v.Path
		}
	}
	jpeg = append(jpeg, fmt.Sprintf("%s%s %dw", prefix, img.Path, img.Width))
	if img.WebPPath != "" {
		webp = append(webp, fmt.Sprintf("%s%s %dw", prefix, img.WebPPath, img.Width))
	}
	s.Srcset = strings.Join(jpeg, ", ")
	// A partial WebP list would hide the JPEG sizes it lacks from browsers
	// that take the <source>: WebP only when every version has one.
	if len(webp) == len(jpeg) {
		s.WebPSrcset = strings.Join(webp, ", ")
	}
	return s
}

// Keys lists every key img's files are stored under.
func (img Image) Keys() []string {
	keys := []string{img.Path}
	if img.WebPPath != "" {
		keys = append(keys, img.WebPPath)
	}
	for _, v := range img.Variants {
		keys = append(keys, v.Path)
		if v.WebPPath != "" {
			keys = append(keys, v.WebPPath)
		}
	}
	return keys
}

// IsVideo reports whether the library entry is a video file rather than a picture.
func (img Image) IsVideo() bool { return strings.HasPrefix(img.MIME, "video/") }
