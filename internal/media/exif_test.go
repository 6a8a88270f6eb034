package media

import (
	"encoding/binary"
	"image"
	"os"
	"testing"
)

func TestJPEGOrientation(t *testing.T) {
	t.Parallel()
	plain := encodeTestJPEG(t, image.NewGray(image.Rect(0, 0, 8, 8)))
	xmp := segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>"))
	cases := []struct {
		name string
		in   []byte
		want int
	}{
		{"no EXIF", plain, 1},
		{"big-endian 6", withSegments(plain, exifAPP1(binary.BigEndian, 6)), 6},
		{"little-endian 8", withSegments(plain, exifAPP1(binary.LittleEndian, 8)), 8},
		{"after an XMP APP1", withSegments(plain, xmp, exifAPP1(binary.BigEndian, 3)), 3},
		{"first EXIF block wins", withSegments(plain, exifAPP1(binary.BigEndian, 5), exifAPP1(binary.BigEndian, 7)), 5},
		{"fill bytes before a marker", withSegments(plain, []byte{0xFF, 0xFF}, exifAPP1(binary.BigEndian, 2)), 2},
		{"out of range 0", withSegments(plain, exifAPP1(binary.BigEndian, 0)), 1},
		{"out of range 9", withSegments(plain, exifAPP1(binary.BigEndian, 9)), 1},
		{"segment runs past the end", exifAPP1(binary.BigEndian, 6)[:20], 1},
		{"EXIF after the image data is ignored", append(plain[:len(plain)-2], exifAPP1(binary.BigEndian, 6)...), 1},
		{"not a JPEG", []byte("GIF89a"), 1},
		{"empty", nil, 1},
	}
	for _, c := range cases {
		if c.name == "segment runs past the end" {
			c.in = append([]byte{0xFF, 0xD8}, c.in...)
		}
		if got := jpegOrientation(c.in); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestTIFFOrientationBounds(t *testing.T) {
	t.Parallel()
	tiff := exifAPP1(binary.BigEndian, 6)[4+6:]
	const entryEnd = 8 + 2 + 2*12 // header, count, Make and Orientation entries
	for n := range len(tiff) {
		want := 1
		if n >= entryEnd {
			want = 6 // the tag is whole; what follows it is not needed
		}
		if got := tiffOrientation(tiff[:n]); got != want {
			t.Errorf("cut to %d bytes: %d, want %d", n, got, want)
		}
	}
	far := append([]byte{}, tiff...)
	binary.BigEndian.PutUint32(far[4:], 0xFFFFFFFE) // IFD0 offset near 2^32
	if got := tiffOrientation(far); got != 1 {
		t.Errorf("IFD offset past the end: %d", got)
	}
}

// FuzzJPEGOrientation: whatever the bytes, the parser returns an orientation
// from 1 to 8 and never panics or reads out of bounds.
func FuzzJPEGOrientation(f *testing.F) {
	plain := encodeTestJPEG(f, image.NewGray(image.Rect(0, 0, 8, 8)))
	for o := range uint16(10) {
		f.Add(withSegments(plain, exifAPP1(binary.BigEndian, o)))
		f.Add(withSegments(plain, exifAPP1(binary.LittleEndian, o))[:40])
		f.Add(exifAPP1(binary.LittleEndian, o)[10:])
	}
	for _, p := range fixtureOriginals(f)[:3] {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b[:min(len(b), 4096)])
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, got := range []int{jpegOrientation(b), tiffOrientation(b)} {
			if got < 1 || got > 8 {
				t.Fatalf("orientation %d", got)
			}
		}
	})
}
