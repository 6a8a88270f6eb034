package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// Helpers that build test files byte by byte and look inside outputs.

// exifAPP1 builds a complete APP1 segment holding an EXIF block whose IFD0
// has a Make tag and then the Orientation tag.
func exifAPP1(order binary.ByteOrder, orientation uint16) []byte {
	tiff := make([]byte, 8+2+2*12+4+6)
	if order == binary.LittleEndian {
		copy(tiff, "II")
	} else {
		copy(tiff, "MM")
	}
	order.PutUint16(tiff[2:], 42)
	order.PutUint32(tiff[4:], 8) // IFD0 right after the header
	order.PutUint16(tiff[8:], 2) // two entries
	mk := tiff[10:22]
	order.PutUint16(mk[0:], 0x010F) // Make, ASCII, 6 bytes, stored after the IFD
	order.PutUint16(mk[2:], 2)
	order.PutUint32(mk[4:], 6)
	order.PutUint32(mk[8:], 8+2+2*12+4)
	o := tiff[22:34]
	order.PutUint16(o[0:], 0x0112) // Orientation, SHORT, 1, value in the entry
	order.PutUint16(o[2:], 3)
	order.PutUint32(o[4:], 1)
	order.PutUint16(o[8:], orientation)
	copy(tiff[8+2+2*12+4:], "Canon\x00")
	return segment(0xE1, append([]byte("Exif\x00\x00"), tiff...))
}

// segment wraps body as a JPEG marker segment.
func segment(marker byte, body []byte) []byte {
	n := len(body) + 2
	return append([]byte{0xFF, marker, byte(n >> 8), byte(n)}, body...)
}

// withSegments inserts segments right after a JPEG's SOI marker.
func withSegments(jpg []byte, segs ...[]byte) []byte {
	out := append([]byte{}, jpg[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, jpg[2:]...)
}

func encodeTestJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader returns a PNG signature and IHDR chunk claiming w × h RGBA
// pixels, and nothing else: a header without a picture behind it.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 4+13)
	copy(ihdr, "IHDR")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	ihdr[12], ihdr[13] = 8, 6 // 8 bits, RGBA
	out := []byte("\x89PNG\r\n\x1A\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// jpegHeader returns SOI, a JFIF APP0 and a baseline SOF0 claiming w × h
// pixels in three components, and no picture.
func jpegHeader(w, h uint16) []byte {
	jfif := []byte("JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1}
	out := []byte{0xFF, 0xD8}
	out = append(out, segment(0xE0, jfif)...)
	return append(out, segment(0xC0, sof)...)
}

// jpegSegments lists the marker segments before the image data.
func jpegSegments(t testing.TB, b []byte) map[byte][][]byte {
	t.Helper()
	segs := map[byte][][]byte{}
	if !bytes.HasPrefix(b, []byte{0xFF, 0xD8}) {
		t.Fatalf("not a JPEG: % x", b[:min(len(b), 8)])
	}
	for i := 2; i+4 <= len(b); {
		m := b[i+1]
		if b[i] != 0xFF || m == 0xDA {
			break
		}
		n := int(b[i+2])<<8 | int(b[i+3])
		segs[m] = append(segs[m], b[i+4:min(len(b), i+2+n)])
		i += 2 + n
	}
	return segs
}

// riffChunks lists the four-letter chunk names at the top of a WebP file.
func riffChunks(t testing.TB, b []byte) []string {
	t.Helper()
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		t.Fatalf("not a WebP: % x", b[:min(len(b), 16)])
	}
	var names []string
	for i := 12; i+8 <= len(b); {
		names = append(names, string(b[i:i+4]))
		n := int(binary.LittleEndian.Uint32(b[i+4:]))
		i += 8 + n + n%2
	}
	return names
}

// gpsLatitude digs the GPSLatitude rationals (24 bytes) out of a JPEG's EXIF
// block, or returns nil. It is written apart from the parser under test.
func gpsLatitude(jpg []byte) []byte {
	i := bytes.Index(jpg, []byte("Exif\x00\x00"))
	if i < 0 {
		return nil
	}
	t := jpg[i+6:]
	var bo binary.ByteOrder = binary.BigEndian
	if string(t[:2]) == "II" {
		bo = binary.LittleEndian
	}
	gps := ifdValue(t, bo, int(bo.Uint32(t[4:])), 0x8825)
	if gps < 0 {
		return nil
	}
	lat := ifdValue(t, bo, gps, 0x0002)
	if lat < 0 || lat+24 > len(t) {
		return nil
	}
	return t[lat : lat+24]
}

// ifdValue returns the 32-bit value (often an offset) of tag in the IFD at off, or -1.
func ifdValue(t []byte, bo binary.ByteOrder, off int, tag uint16) int {
	if off+2 > len(t) {
		return -1
	}
	for k := range int(bo.Uint16(t[off:])) {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return -1
		}
		if bo.Uint16(t[e:]) == tag {
			return int(bo.Uint32(t[e+8:]))
		}
	}
	return -1
}

// quadrants paints a w × h picture in four colours: top left, top right,
// bottom left, bottom right.
func quadrants(w, h int, tl, tr, bl, br color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := [2][2]color.Color{{tl, tr}, {bl, br}}[2*y/h][2*x/w]
			img.Set(x, y, c)
		}
	}
	return img
}

// near reports whether c is within tol of want on each of R, G, B and A (8-bit).
func near(c color.Color, want color.NRGBA, tol int) bool {
	got := color.NRGBAModel.Convert(c).(color.NRGBA)
	d := func(a, b uint8) bool { return max(int(a)-int(b), int(b)-int(a)) <= tol }
	return d(got.R, want.R) && d(got.G, want.G) && d(got.B, want.B) && d(got.A, want.A)
}
