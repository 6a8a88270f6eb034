package media

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/webp"
)

// format is an image file format recognised from its first bytes.
type format int

const (
	formatJPEG format = iota + 1
	formatPNG
	formatGIF
	formatWebP
)

// sniff recognises the file by its magic bytes, never by its name or the
// browser's Content-Type, both of which the uploader controls.
func sniff(b []byte) (format, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xFF\xD8\xFF")):
		return formatJPEG, nil
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1A\n")):
		return formatPNG, nil
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return formatGIF, nil
	case isWebP(b):
		if animatedWebP(b) {
			return 0, reject(ErrUnsupported, "Animated WebP images are not supported. Upload a still image, or the animation as a GIF.")
		}
		return formatWebP, nil
	}
	return 0, errUnsupported()
}

// isWebP checks the RIFF container and the first chunk: lossy, lossless or extended.
func isWebP(b []byte) bool {
	if len(b) < 16 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return false
	}
	switch string(b[12:16]) {
	case "VP8 ", "VP8L", "VP8X":
		return true
	}
	return false
}

// animatedWebP reads the animation flag of an extended (VP8X) header. The
// WebP decoder cannot read animations, and this says why better than its error.
func animatedWebP(b []byte) bool {
	const animationFlag = 1 << 1
	return string(b[12:16]) == "VP8X" && len(b) > 20 && b[20]&animationFlag != 0
}

// decodeConfig reads only the header. Each format's own function is called,
// not image.DecodeConfig: the WebP encoder we link registers a second "webp"
// decoder (libwebp compiled to WebAssembly), and untrusted files should meet
// the pure Go one.
func decodeConfig(f format, b []byte) (image.Config, error) {
	r := bytes.NewReader(b)
	switch f {
	case formatJPEG:
		return jpeg.DecodeConfig(r)
	case formatPNG:
		return png.DecodeConfig(r)
	case formatGIF:
		return gif.DecodeConfig(r)
	default:
		return webp.DecodeConfig(r)
	}
}

// decode reads the pixels. For a GIF that is the first frame only: an
// animation's later frames are dropped, and variants show the first.
func decode(f format, b []byte) (image.Image, error) {
	r := bytes.NewReader(b)
	switch f {
	case formatJPEG:
		return jpeg.Decode(r)
	case formatPNG:
		return png.Decode(r)
	case formatGIF:
		return gif.Decode(r)
	default:
		return webp.Decode(r)
	}
}
