package media

import (
	"bytes"
	"encoding/binary"
)

// jpegOrientation returns the EXIF Orientation of a JPEG file, 1 to 8. A file
// without one, or with one we cannot read, gets 1 (pixels as stored): a
// damaged tag is no reason to refuse a photo.
//
// Only this one tag is read, so a small parser of our own does, with every
// offset checked against the data it points into. It sees uploaded bytes
// before any decoder does; FuzzJPEGOrientation holds it to that.
func jpegOrientation(jpg []byte) int {
	tiff := exifTIFF(jpg)
	if tiff == nil {
		return 1
	}
	return tiffOrientation(tiff)
}

// exifTIFF returns the TIFF structure inside the first APP1 "Exif" segment,
// or nil. It walks the marker segments up to the start of the image data,
// where metadata ends.
func exifTIFF(b []byte) []byte {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil
	}
	for i := 2; i+1 < len(b); {
		if b[i] != 0xFF {
			return nil // not a marker: the file is damaged
		}
		m := b[i+1]
		switch {
		case m == 0xFF: // fill byte before a marker
			i++
			continue
		case m == 0x01 || m >= 0xD0 && m <= 0xD8: // markers without a length
			i += 2
			continue
		case m == 0xDA || m == 0xD9: // start of scan, end of image
			return nil
		}
		if i+4 > len(b) {
			return nil
		}
		n := int(b[i+2])<<8 | int(b[i+3]) // counts its own two bytes
		if n < 2 || i+2+n > len(b) {
			return nil
		}
		body := b[i+4 : i+2+n]
		if m == 0xE1 && len(body) >= 6 && bytes.HasPrefix(body, []byte("Exif\x00")) {
			return body[6:]
		}
		i += 2 + n
	}
	return nil
}

// tiffOrientation finds tag 0x0112 in the first image file directory (IFD0).
func tiffOrientation(t []byte) int {
	const tagOrientation, typeShort = 0x0112, 3
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(t[2:]) != 42 {
		return 1
	}
	// Offsets are uint32 from the file; compare as uint64 so that no sum
	// overflows, on 32-bit platforms too.
	ifd := uint64(order.Uint32(t[4:]))
	if ifd+2 > uint64(len(t)) {
		return 1
	}
	count := int(order.Uint16(t[ifd:]))
	for k := range count {
		e := int(ifd) + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if order.Uint16(t[e:]) != tagOrientation {
			continue
		}
		if order.Uint16(t[e+2:]) != typeShort || order.Uint32(t[e+4:]) != 1 {
			return 1
		}
		if v := int(order.Uint16(t[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}
