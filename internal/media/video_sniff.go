package media

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
)

// VideoHeadSize is how many bytes SniffVideo needs to see.
const VideoHeadSize = 64

// MaxVideoBytes is the largest video file accepted.
const MaxVideoBytes = 500 << 20

// mp4Brands are the ftyp brands of MP4 files that browsers play: the ISO
// base media formats, MP4 versions 1 and 2, H.264 and Apple's M4V.
var mp4Brands = map[string]bool{"isom": true, "iso2": true, "iso4": true, "iso5": true, "iso6": true,
	"mp41": true, "mp42": true, "avc1": true, "M4V ": true, "dash": true}

// SniffVideo recognises an MP4 or WebM file from its first bytes (at least
// VideoHeadSize of them, or the whole file), never by its name, and returns
// its MIME type, or "" for anything else.
func SniffVideo(head []byte) string {
	switch {
	case isMP4(head):
		return "video/mp4"
	case isWebM(head):
		return "video/webm"
	}
	return ""
}

// isMP4 reads the ftyp box that opens an MP4 file: its major brand, or any
// of its compatible brands, must be one of mp4Brands.
func isMP4(b []byte) bool {
	if len(b) < 16 || string(b[4:8]) != "ftyp" {
		return false
	}
	size := int(binary.BigEndian.Uint32(b[0:4]))
	if size < 16 || size > 4096 {
		return false
	}
	if mp4Brands[string(b[8:12])] {
		return true
	}
	// Compatible brands follow the major brand and its version.
	for i := 16; i+4 <= min(size, len(b)); i += 4 {
		if mp4Brands[string(b[i:i+4])] {
			return true
		}
	}
	return false
}

// isWebM reads the EBML header that opens a Matroska file and checks that
// its DocType is "webm" (plain Matroska, .mkv, is not for browsers).
func isWebM(b []byte) bool {
	if !bytes.HasPrefix(b, []byte{0x1A, 0x45, 0xDF, 0xA3}) {
		return false
	}
	size, n := ebmlSize(b[4:])
	if n == 0 {
		return false
	}
	header := b[4+n:]
	if size < uint64(len(header)) {
		header = header[:size]
	}
	for len(header) >= 3 {
		id := [2]byte{header[0], header[1]}
		if header[0]&0x80 != 0 { // a one-byte ID: none in the header we need
			id = [2]byte{0, header[0]}
			header = header[1:]
		} else {
			header = header[2:]
		}
		l, n := ebmlSize(header)
		if n == 0 || uint64(len(header)-n) < l {
			return false
		}
		value := header[n : n+int(l)]
		if id == [2]byte{0x42, 0x82} { // DocType
			return string(value) == "webm"
		}
		header = header[n+int(l):]
	}
	return false
}

// ebmlSize decodes an EBML variable-length size: the count of leading zero
// bits of the first byte says how many more bytes follow. It returns the
// value and the bytes read, 0 when b is too short or the size malformed.
func ebmlSize(b []byte) (uint64, int) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0
	}
	n := 1
	for mask := byte(0x80); b[0]&mask == 0; mask >>= 1 {
		n++
	}
	if len(b) < n {
		return 0, 0
	}
	v := uint64(b[0] & (0xFF >> n))
	for _, c := range b[1:n] {
		v = v<<8 | uint64(c)
	}
	return v, n
}

// VideoKey names a video file by its content, as the library stores it:
// the first 20 hex digits of sum (the SHA-256 of its bytes) and the
// extension of its type (from SniffVideo).
func VideoKey(sum []byte, mime string) string {
	ext := ".mp4"
	if mime == "video/webm" {
		ext = ".webm"
	}
	return hex.EncodeToString(sum)[:20] + ext
}
