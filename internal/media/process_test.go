package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	gowebp "github.com/gen2brain/webp"
	"golang.org/x/image/webp"
)

const fixtures = "../../../shared/fixtures/wordpress/uploads"

// fixtureOriginals lists the uploaded originals of the WordPress fixture,
// leaving out the sizes WordPress made from them ("-300x200.jpg").
func fixtureOriginals(t testing.TB) []string {
	t.Helper()
	dir := fixtures
	if _, err := os.Stat(dir); err != nil {
		dir = "/work/shared/fixtures/wordpress/uploads"
	}
	all, err := filepath.Glob(filepath.Join(dir, "*", "*", "*"))
	if err != nil || len(all) == 0 {
		t.Fatalf("no fixture photos in %s: %v", dir, err)
	}
	sized := regexp.MustCompile(`-\d+x\d+\.\w+$`)
	var out []string
	for _, p := range all {
		ext := filepath.Ext(p)
		if (ext == ".jpg" || ext == ".png") && !sized.MatchString(p) {
			out = append(out, p)
		}
	}
	return out
}

// TestFixturesLoseMetadata runs the real photos, which carry EXIF with GPS
// and IPTC captions and bylines, and checks that no output keeps any of it.
func TestFixturesLoseMetadata(t *testing.T) {
	t.Parallel()
	for _, path := range fixtureOriginals(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			gps := gpsLatitude(in)
			if filepath.Ext(path) == ".jpg" && (gps == nil || !bytes.Contains(in, []byte("Photoshop 3.0"))) {
				t.Fatal("fixture has lost its EXIF GPS or IPTC block; the test would prove nothing")
			}
			p, err := Process(context.Background(), bytes.NewReader(in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range allFiles(p) {
				assertClean(t, f, gps)
			}
			cfg, _, _ := image.DecodeConfig(bytes.NewReader(in))
			if p.Width != cfg.Width || p.Height != cfg.Height || p.Full.Width != min(cfg.Width, 2560) {
				t.Errorf("sizes: original %d×%d, processed %d×%d, full %d wide", cfg.Width, cfg.Height, p.Width, p.Height, p.Full.Width)
			}
		})
	}
}

func allFiles(p *Processed) []File {
	files := append([]File{p.Full}, p.Variants...)
	if p.FullWebP != nil {
		files = append(files, *p.FullWebP)
	}
	return files
}

// assertClean checks that f decodes to its stated size and carries nothing
// but pixels: no APPn segment at all (EXIF and XMP live in APP1, ICC in APP2,
// IPTC in APP13 "Photoshop 3.0"), no comment, no metadata chunk in WebP.
func assertClean(t *testing.T, f File, gps []byte) {
	t.Helper()
	var img image.Image
	var err error
	switch f.MIME {
	case "image/jpeg":
		for m := range jpegSegments(t, f.Data) {
			if m >= 0xE0 && m <= 0xEF || m == 0xFE {
				t.Errorf("%d px JPEG has segment FF%X", f.Width, m)
			}
		}
		img, err = jpeg.Decode(bytes.NewReader(f.Data))
	case "image/webp":
		for _, c := range riffChunks(t, f.Data) {
			if c != "VP8 " && c != "VP8L" && c != "VP8X" && c != "ALPH" {
				t.Errorf("%d px WebP has chunk %q", f.Width, c)
			}
		}
		img, err = webp.Decode(bytes.NewReader(f.Data))
	default:
		t.Fatalf("MIME %q", f.MIME)
	}
	if err != nil {
		t.Fatalf("%s %d px: %v", f.MIME, f.Width, err)
	}
	if b := img.Bounds(); b.Dx() != f.Width || b.Dy() != f.Height {
		t.Errorf("%s says %d×%d, holds %d×%d", f.MIME, f.Width, f.Height, b.Dx(), b.Dy())
	}
	for _, marker := range []string{"Exif", "http://ns.adobe.com/xap", "Photoshop 3.0", "8BIM", "ICC_PROFILE"} {
		if bytes.Contains(f.Data, []byte(marker)) {
			t.Errorf("%s %d px contains %q", f.MIME, f.Width, marker)
		}
	}
	if gps != nil && bytes.Contains(f.Data, gps) {
		t.Errorf("%s %d px still holds the GPS latitude", f.MIME, f.Width)
	}
}

func TestVersions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		w, h          int
		full          image.Point
		variantWidths []int
	}{
		// Flat pictures keep the test quick; proportions are what it checks.
		{"wider than the cap", 3000, 500, image.Pt(2560, 427), []int{320, 480, 640, 800, 960, 1280, 1920}},
		{"exactly a listed width", 1920, 300, image.Pt(1920, 300), []int{320, 480, 640, 800, 960, 1280}},
		{"smaller than every width", 300, 200, image.Pt(300, 200), nil},
		{"tall and narrow", 500, 3000, image.Pt(500, 3000), []int{320, 480}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := encodeTestJPEG(t, quadrants(c.w, c.h, color.White, color.Black, color.Black, color.White))
			p, err := Process(context.Background(), bytes.NewReader(in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := image.Pt(p.Full.Width, p.Full.Height); got != c.full || p.FullWebP == nil {
				t.Errorf("full %v (WebP %v), want %v", got, p.FullWebP != nil, c.full)
			}
			var widths []int
			for i, f := range p.Variants {
				want := []string{"image/jpeg", "image/webp"}[i%2]
				if f.MIME != want || f.Height != scaledHeight(c.w, c.h, f.Width) {
					t.Errorf("variant %d: %s %d×%d, want %s at %d high", i, f.MIME, f.Width, f.Height, want, scaledHeight(c.w, c.h, f.Width))
				}
				if i%2 == 0 {
					widths = append(widths, f.Width)
				}
			}
			if !slices.Equal(widths, c.variantWidths) {
				t.Errorf("variant widths %v, want %v", widths, c.variantWidths)
			}
		})
	}
}

var (
	red    = color.NRGBA{255, 0, 0, 255}
	green  = color.NRGBA{0, 255, 0, 255}
	blue   = color.NRGBA{0, 0, 255, 255}
	white  = color.NRGBA{255, 255, 255, 255}
	clear  = color.NRGBA{}
	halfRd = color.NRGBA{255, 0, 0, 128}
)

// TestOrientation stores an upright picture (red, green / blue, white
// quadrants) the way a camera would for each EXIF orientation, tags it, and
// checks that the output shows it upright. Where each quadrant lands in the
// stored pixels is worked out from the EXIF definition (which stored row and
// column become the top and left), not from the code under test.
func TestOrientation(t *testing.T) {
	t.Parallel()
	const w, h = 96, 64                  // upright
	stored := map[uint16][4]color.NRGBA{ // top left, top right, bottom left, bottom right
		1: {red, green, blue, white},
		2: {green, red, white, blue},
		3: {white, blue, green, red},
		4: {blue, white, red, green},
		5: {red, blue, green, white},
		6: {green, white, red, blue},
		7: {white, green, blue, red},
		8: {blue, red, white, green},
	}
	for o, q := range stored {
		for _, order := range []binary.ByteOrder{binary.BigEndian, binary.LittleEndian} {
			t.Run(fmt.Sprintf("%d %v", o, order), func(t *testing.T) {
				t.Parallel()
				sw, sh := w, h
				if o >= 5 {
					sw, sh = h, w
				}
				in := withSegments(encodeTestJPEG(t, quadrants(sw, sh, q[0], q[1], q[2], q[3])), exifAPP1(order, o))
				p, err := Process(context.Background(), bytes.NewReader(in), Options{})
				if err != nil {
					t.Fatal(err)
				}
				if p.Width != w || p.Height != h {
					t.Fatalf("%d×%d, want %d×%d", p.Width, p.Height, w, h)
				}
				jpg, _ := jpeg.Decode(bytes.NewReader(p.Full.Data))
				wp, _ := webp.Decode(bytes.NewReader(p.FullWebP.Data))
				for _, img := range []image.Image{jpg, wp} {
					assertQuadrants(t, img, red, green, blue, white)
				}
			})
		}
	}
}

func assertQuadrants(t *testing.T, img image.Image, tl, tr, bl, br color.NRGBA) {
	t.Helper()
	b := img.Bounds()
	at := func(fx, fy int) color.Color { return img.At(b.Dx()*fx/4, b.Dy()*fy/4) }
	for _, c := range []struct {
		name   string
		fx, fy int
		want   color.NRGBA
	}{{"top left", 1, 1, tl}, {"top right", 3, 1, tr}, {"bottom left", 1, 3, bl}, {"bottom right", 3, 3, br}} {
		if got := at(c.fx, c.fy); !near(got, c.want, 40) {
			t.Errorf("%s is %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPNGAlpha: transparency becomes white in JPEG and stays in WebP, and a
// half-transparent red stays red (not darkened) in WebP.
func TestPNGAlpha(t *testing.T) {
	t.Parallel()
	src := image.NewNRGBA(image.Rect(0, 0, 90, 40))
	for y := range 40 {
		for x := range 90 {
			src.SetNRGBA(x, y, [3]color.NRGBA{red, halfRd, clear}[x/30])
		}
	}
	var in bytes.Buffer
	png.Encode(&in, src)
	p, err := Process(context.Background(), &in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	jpg, _ := jpeg.Decode(bytes.NewReader(p.Full.Data))
	wp, err := webp.Decode(bytes.NewReader(p.FullWebP.Data))
	if err != nil {
		t.Fatal(err)
	}
	pink := color.NRGBA{255, 127, 127, 255}
	for _, c := range []struct {
		img  image.Image
		x    int
		want color.NRGBA
	}{{jpg, 15, red}, {jpg, 45, pink}, {jpg, 75, white}, {wp, 15, red}, {wp, 45, halfRd}} {
		if got := c.img.At(c.x, 20); !near(got, c.want, 24) {
			t.Errorf("x=%d in %T: %v, want %v", c.x, c.img, color.NRGBAModel.Convert(got), c.want)
		}
	}
	if _, _, _, a := wp.At(75, 20).RGBA(); a != 0 {
		t.Errorf("transparent area has alpha %d in WebP", a>>8)
	}
}

// TestGIF: an animation gives its first frame; a first frame smaller than
// the picture sits where the file puts it, on white in the JPEG.
func TestGIF(t *testing.T) {
	t.Parallel()
	pal := color.Palette{color.Transparent, red, blue}
	frame := func(r image.Rectangle, idx uint8) *image.Paletted {
		m := image.NewPaletted(r, pal)
		for i := range m.Pix {
			m.Pix[i] = idx
		}
		return m
	}
	anim := &gif.GIF{
		Image:  []*image.Paletted{frame(image.Rect(20, 15, 40, 30), 1), frame(image.Rect(0, 0, 40, 30), 2)},
		Delay:  []int{10, 10},
		Config: image.Config{Width: 40, Height: 30, ColorModel: pal},
	}
	var in bytes.Buffer
	if err := gif.EncodeAll(&in, anim); err != nil {
		t.Fatal(err)
	}
	p, err := Process(context.Background(), &in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 40 || p.Height != 30 {
		t.Fatalf("%d×%d, want the canvas, 40×30", p.Width, p.Height)
	}
	jpg, _ := jpeg.Decode(bytes.NewReader(p.Full.Data))
	assertQuadrants(t, jpg, white, white, white, red)
}

func TestWebPInput(t *testing.T) {
	t.Parallel()
	var in bytes.Buffer
	if err := gowebp.Encode(&in, quadrants(400, 300, red, green, blue, white)); err != nil {
		t.Fatal(err)
	}
	p, err := Process(context.Background(), &in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Width != 400 || p.Height != 300 || len(p.Variants) != 2 {
		t.Fatalf("%d×%d with %d variant files, want 400×300 with 2", p.Width, p.Height, len(p.Variants))
	}
	jpg, _ := jpeg.Decode(bytes.NewReader(p.Variants[0].Data))
	assertQuadrants(t, jpg, red, green, blue, white)
}

func TestCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := encodeTestJPEG(t, quadrants(800, 600, red, green, blue, white))
	if _, err := Process(ctx, bytes.NewReader(in), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
