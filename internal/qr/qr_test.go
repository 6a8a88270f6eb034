package qr

import (
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	goqr "github.com/piglig/go-qr"
)

// grid reads path data back into modules, the way a browser would fill it:
// every "Mx yhNv1h-Nz" is a row of N dark modules.
func grid(t *testing.T, c Code) [][]bool {
	t.Helper()
	g := make([][]bool, c.Box)
	for i := range g {
		g[i] = make([]bool, c.Box)
	}
	cmd := regexp.MustCompile(`^M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	for rest := c.Path; rest != ""; {
		m := cmd.FindStringSubmatch(rest)
		if m == nil || m[3] != m[4] {
			t.Fatalf("path has an unexpected command at %.30q", rest)
		}
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		n, _ := strconv.Atoi(m[3])
		for i := range n {
			if g[y][x+i] {
				t.Fatalf("module %d,%d drawn twice", x+i, y)
			}
			g[y][x+i] = true
		}
		rest = rest[len(m[0]):]
	}
	return g
}

// raster draws the grid at scale pixels a module, as a screen would.
func raster(g [][]bool, scale int) image.Image {
	img := image.NewGray(image.Rect(0, 0, len(g)*scale, len(g)*scale))
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			v := uint8(255)
			if g[y/scale][x/scale] {
				v = 0
			}
			img.SetGray(x, y, color.Gray{Y: v})
		}
	}
	return img
}

// TestRoundTrip: what is drawn decodes back to the text that was encoded.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
		"ethereum:0x32Be343B94f860124dC4fEe278FDCBD38C102D88",
		"44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SP1nk",
		"خبرنامه",
	} {
		c, err := Encode(text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := goqr.DecodeDetailed(raster(grid(t, c), 4), goqr.WithFastPathOnly())
		if err != nil {
			t.Fatalf("%q: decode: %v", text, err)
		}
		if got.Text != text {
			t.Errorf("decoded %q, want %q", got.Text, text)
		}
		if c.Size != 17+4*got.Version || c.Box != c.Size+2*Quiet {
			t.Errorf("%q: size %d box %d for version %d", text, c.Size, c.Box, got.Version)
		}
	}
}

// TestStructure checks what any scanner relies on, independently of the
// decoder: a light quiet zone and the three finder patterns in the corners.
func TestStructure(t *testing.T) {
	t.Parallel()
	c, err := Encode("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")
	if err != nil {
		t.Fatal(err)
	}
	g := grid(t, c)
	for i := range c.Box {
		for j := range Quiet {
			if g[j][i] || g[i][j] || g[c.Box-1-j][i] || g[i][c.Box-1-j] {
				t.Fatalf("quiet zone has a dark module near %d,%d", i, j)
			}
		}
	}
	finder := []string{"#######", "#.....#", "#.###.#", "#.###.#", "#.###.#", "#.....#", "#######"}
	for _, at := range [][2]int{{0, 0}, {c.Size - 7, 0}, {0, c.Size - 7}} {
		var rows []string
		for y := range 7 {
			var b strings.Builder
			for x := range 7 {
				b.WriteByte(".#"[boolInt(g[Quiet+at[1]+y][Quiet+at[0]+x])])
			}
			rows = append(rows, b.String())
		}
		if fmt.Sprint(rows) != fmt.Sprint(finder) {
			t.Errorf("finder pattern at %v:\n%s", at, strings.Join(rows, "\n"))
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestTooLong(t *testing.T) {
	t.Parallel()
	if _, err := Encode(strings.Repeat("x", 4000)); err == nil {
		t.Error("4000 bytes encoded; a QR code holds at most 2953")
	}
}
