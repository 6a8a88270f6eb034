package media

import (
	"encoding/binary"
	"testing"
)

// ftyp builds an MP4 file's opening box.
func ftyp(major string, compatible ...string) []byte {
	b := make([]byte, 16, 16+4*len(compatible))
	binary.BigEndian.PutUint32(b, uint32(16+4*len(compatible)))
	copy(b[4:], "ftyp")
	copy(b[8:], major)
	for _, c := range compatible {
		b = append(b, c...)
	}
	return append(b, "\x00\x00\x00\x08free"...)
}

// ebml builds a Matroska EBML header with the given DocType.
func ebml(docType string) []byte {
	body := []byte{0x42, 0x86, 0x81, 0x01} // EBMLVersion 1
	body = append(body, 0x42, 0x82, 0x80|byte(len(docType)))
	body = append(body, docType...)
	body = append(body, 0x42, 0x87, 0x81, 0x04) // DocTypeVersion 4
	return append(append([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x80 | byte(len(body))}, body...), 0x18, 0x53, 0x80, 0x67)
}

func TestSniffVideo(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		head []byte
		want string
	}{
		{"isom", ftyp("isom", "isom", "iso2", "avc1", "mp41"), "video/mp4"},
		{"mp42", ftyp("mp42", "mp42", "isom"), "video/mp4"},
		{"avc1", ftyp("avc1"), "video/mp4"},
		{"unknown major, mp4 compatible", ftyp("XAVC", "XAVC", "mp42"), "video/mp4"},
		{"QuickTime", ftyp("qt  ", "qt  "), ""},
		{"HEIC photo", ftyp("heic", "mif1", "heic"), ""},
		{"webm", ebml("webm"), "video/webm"},
		{"matroska", ebml("matroska"), ""},
		{"truncated EBML", ebml("webm")[:8], ""},
		{"JPEG", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), ""},
		{"HTML", []byte("<!DOCTYPE html><html><body>ftyp"), ""},
		{"empty", nil, ""},
	}
	for _, c := range cases {
		if got := SniffVideo(c.head); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func FuzzSniffVideo(f *testing.F) {
	f.Add(ftyp("isom", "mp42"))
	f.Add(ebml("webm"))
	f.Fuzz(func(t *testing.T, b []byte) {
		switch SniffVideo(b) {
		case "", "video/mp4", "video/webm":
		default:
			t.Fatal("unexpected type")
		}
	})
}
