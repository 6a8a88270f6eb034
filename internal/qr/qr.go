// Package qr turns text into a QR code drawn as SVG path data, so pages can
// show it inline without asking any other site for an image.
package qr

import (
	"fmt"
	"strconv"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// Quiet is the light margin around the symbol, in modules, that the QR
// standard asks for so scanners can find its edges.
const Quiet = 4

// Code is a QR code ready to draw: an SVG viewBox of Box×Box units whose
// Path, filled dark, is the symbol's dark modules, quiet zone included.
type Code struct {
	Size int    // modules per side, without the quiet zone: 17 + 4×version
	Box  int    // Size + 2×Quiet
	Path string // SVG path data
}

// Encode makes the QR code of text at error correction level M, which
// survives a smudged screen or a creased printout and stays small.
func Encode(text string) (Code, error) {
	q, err := goqr.EncodeText(text, goqr.Medium)
	if err != nil {
		return Code{}, fmt.Errorf("qr code of %d bytes: %w", len(text), err)
	}
	n := q.Size()
	return Code{Size: n, Box: n + 2*Quiet, Path: path(n, q.Module)}, nil
}

// path draws each row's runs of dark modules as one rectangle apiece:
// a few hundred short commands instead of a rectangle per module.
func path(n int, dark func(x, y int) bool) string {
	var b strings.Builder
	for y := range n {
		for x := 0; x < n; {
			if !dark(x, y) {
				x++
				continue
			}
			run := 1
			for x+run < n && dark(x+run, y) {
				run++
			}
			b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) +
				"h" + strconv.Itoa(run) + "v1h-" + strconv.Itoa(run) + "z")
			x += run
		}
	}
	return b.String()
}
