package demo

import (
	"image"
	"image/jpeg"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// Scenes lists the scene names Picture knows how to draw.
var Scenes = []string{"city", "mountains", "sea", "fields", "market", "crowd"}

// NumPalettes is the number of colour schemes Picture offers (0..NumPalettes-1).
const NumPalettes = 6

// Picture draws a deterministic, flat-art illustration of the named scene
// to stand in for a news photograph. The drawing is done in relative
// coordinates, so the same scene and palette look the same at any size with
// the same aspect ratio. Unknown scenes fall back to "mountains"; palettes
// wrap around modulo NumPalettes.
func Picture(scene string, palette, width, height int) image.Image {
	if width <= 0 || height <= 0 {
		return image.NewRGBA(image.Rect(0, 0, max(width, 0), max(height, 0)))
	}
	pi := ((palette % NumPalettes) + NumPalettes) % NumPalettes
	p := &palettes[pi]

	// FNV-1a over the scene name picks the layout; the palette index perturbs it.
	h := uint64(14695981039346656037)
	for i := 0; i < len(scene); i++ {
		h ^= uint64(scene[i])
		h *= 1099511628211
	}
	r := rand.New(rand.NewPCG(h, 0x9e3779b97f4a7c15^uint64(pi+1)*0xbf58476d1ce4e5b9))

	c := newCanvas(width, height)
	switch scene {
	case "city":
		drawCity(c, p, r)
	case "sea":
		drawSea(c, p, r)
	case "fields":
		drawFields(c, p, r)
	case "market":
		drawMarket(c, p, r)
	case "crowd":
		drawCrowd(c, p, r)
	default:
		drawMountains(c, p, r)
	}
	return c.finish()
}

// EncodeJPEG writes img as a JPEG at the quality used for demo pictures.
func EncodeJPEG(w io.Writer, img image.Image) error {
	return jpeg.Encode(w, img, &jpeg.Options{Quality: 78})
}

// ---------------------------------------------------------------------------
// Colours and palettes

type rgb struct{ r, g, b float32 }

func hex(v uint32) rgb {
	return rgb{float32(v >> 16 & 255), float32(v >> 8 & 255), float32(v & 255)}
}

func mix(a, b rgb, t float64) rgb {
	f := float32(t)
	return rgb{a.r + (b.r-a.r)*f, a.g + (b.g-a.g)*f, a.b + (b.b-a.b)*f}
}

func (c rgb) scale(k float64) rgb {
	f := float32(k)
	return rgb{c.r * f, c.g * f, c.b * f}
}

type palette struct {
	skyTop, skyHorizon, sun, cloud, haze rgb
	far, mid, near, ground, water        rgb
	light                                rgb // lit windows and lamps
	accents                              [5]rgb
	fields                               [4]rgb
	glow                                 float64 // strength of the sun's glow
	dim                                  float64 // brightness of lit objects (1 = daylight)
	tint                                 float64 // how much objects pick up the sky colour
	litWindows                           float64 // share of windows with lights on
	night, puffy, snow                   bool
}

// obj adapts an object's base colour to the palette's light, then fades it
// into the haze by the given amount (0 = nearby, 1 = lost in the distance).
func (p *palette) obj(c rgb, haze float64) rgb {
	c = mix(c.scale(p.dim), p.skyTop, p.tint)
	return mix(c, p.haze, haze)
}

var palettes = [NumPalettes]palette{
	{ // 0: dawn, rose and lavender
		skyTop: hex(0x44588a), skyHorizon: hex(0xf7c9a4), sun: hex(0xfff2da), cloud: hex(0xf9d9c8), haze: hex(0xe9bfae),
		far: hex(0xa193b8), mid: hex(0x776a98), near: hex(0x3f3a60), ground: hex(0x4a4262), water: hex(0x5d7fa8),
		light:   hex(0xffd27a),
		accents: [5]rgb{hex(0xe76f51), hex(0xf4a261), hex(0x2a9d8f), hex(0xe9c46a), hex(0xf4efe6)},
		fields:  [4]rgb{hex(0xd8bb6a), hex(0x93ad62), hex(0xd6a27c), hex(0x6f9152)},
		glow:    0.9, dim: 0.92, tint: 0.08, litWindows: 0.12, snow: true,
	},
	{ // 1: clear midday
		skyTop: hex(0x2f7dc0), skyHorizon: hex(0xd3eaf6), sun: hex(0xfffbea), cloud: hex(0xffffff), haze: hex(0xcde2ee),
		far: hex(0x8eb2c8), mid: hex(0x5c8c74), near: hex(0x2f5c4a), ground: hex(0x5b7048), water: hex(0x1f6fa3),
		light:   hex(0xfff0b0),
		accents: [5]rgb{hex(0xd62828), hex(0xf77f00), hex(0xfcbf49), hex(0x118ab2), hex(0xf2ecd6)},
		fields:  [4]rgb{hex(0xe6c267), hex(0x8ab17d), hex(0x5f9442), hex(0xbccb95)},
		glow:    0.7, dim: 1, tint: 0.03, litWindows: 0.02, puffy: true, snow: true,
	},
	{ // 2: dusk, magenta and indigo
		skyTop: hex(0x2a1f4d), skyHorizon: hex(0xf28c5e), sun: hex(0xffd9a0), cloud: hex(0xe97f7a), haze: hex(0xc76f70),
		far: hex(0x8c5482), mid: hex(0x5e3868), near: hex(0x2e1f40), ground: hex(0x3a2844), water: hex(0x4b3b6e),
		light:   hex(0xffc46b),
		accents: [5]rgb{hex(0xf9c74f), hex(0xf94144), hex(0x90be6d), hex(0x4d908e), hex(0xf8edeb)},
		fields:  [4]rgb{hex(0xd7a35c), hex(0x8f7142), hex(0xa65f4b), hex(0x707c47)},
		glow:    1.0, dim: 0.75, tint: 0.16, litWindows: 0.3,
	},
	{ // 3: dust and ochre
		skyTop: hex(0x7ea8c8), skyHorizon: hex(0xf0dec4), sun: hex(0xfff5e2), cloud: hex(0xfbf4ea), haze: hex(0xe8d5b8),
		far: hex(0xcaa87e), mid: hex(0xa97f55), near: hex(0x6f4e37), ground: hex(0x9c7a52), water: hex(0x4f8a8b),
		light:   hex(0xffe08a),
		accents: [5]rgb{hex(0xc0392b), hex(0x2e86ab), hex(0xf2a541), hex(0x6a994e), hex(0xf6eee2)},
		fields:  [4]rgb{hex(0xdcbb7c), hex(0xa6b65e), hex(0xc59257), hex(0x809150)},
		glow:    0.75, dim: 0.98, tint: 0.04, litWindows: 0.03, snow: true,
	},
	{ // 4: night
		skyTop: hex(0x0a1431), skyHorizon: hex(0x2f4372), sun: hex(0xf3f0dc), cloud: hex(0x3c4e7c), haze: hex(0x34476f),
		far: hex(0x2b3a62), mid: hex(0x1f2a4d), near: hex(0x111931), ground: hex(0x151c36), water: hex(0x1a2b52),
		light:   hex(0xffc766),
		accents: [5]rgb{hex(0xffb703), hex(0xfb8500), hex(0x8ecae6), hex(0xe63946), hex(0xf1faee)},
		fields:  [4]rgb{hex(0x5a6a52), hex(0x46586a), hex(0x6a6a4c), hex(0x4c5a72)},
		glow:    0.35, dim: 0.5, tint: 0.25, litWindows: 0.45, night: true, snow: true,
	},
	{ // 5: overcast slate
		skyTop: hex(0x7f93a6), skyHorizon: hex(0xdde2e5), sun: hex(0xf5f6f2), cloud: hex(0xeef0f1), haze: hex(0xc9d1d7),
		far: hex(0x98a8a8), mid: hex(0x6d817b), near: hex(0x42554f), ground: hex(0x5f6d50), water: hex(0x5a7585),
		light:   hex(0xffe6a8),
		accents: [5]rgb{hex(0xbc4749), hex(0x386641), hex(0xf2e8cf), hex(0xa7c957), hex(0x6a4c93)},
		fields:  [4]rgb{hex(0xa9b68c), hex(0xc6b684), hex(0x819370), hex(0xb9aa7c)},
		glow:    0.35, dim: 0.9, tint: 0.06, litWindows: 0.08, snow: true,
	},
}

var (
	white = hex(0xffffff)
	skins = []rgb{hex(0x8d5524), hex(0xc68642), hex(0xe0ac69), hex(0xf1c27d), hex(0xa1665e), hex(0x6b4226)}
	hairs = []rgb{hex(0x1f1a17), hex(0x2e241d), hex(0x4a3a2c), hex(0x3b3b3b), hex(0x6d6259)}
	wood  = hex(0x6b4a2f)
)

// ---------------------------------------------------------------------------
// Canvas and primitives. All primitives take pixel coordinates and draw with
// analytic anti-aliasing; scenes convert from relative units first.

type canvas struct {
	w, h int
	W, H float64 // the size as floats
	pix  []float32
}

type pt struct{ x, y float64 }

func newCanvas(w, h int) *canvas {
	return &canvas{w: w, h: h, W: float64(w), H: float64(h), pix: make([]float32, w*h*3)}
}

// aspect is the width in units of the height.
func (c *canvas) aspect() float64 { return c.W / c.H }

func clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

func smoothstep(a, b, x float64) float64 {
	t := clamp01((x - a) / (b - a))
	return t * t * (3 - 2*t)
}

func rf(r *rand.Rand, a, b float64) float64 { return a + r.Float64()*(b-a) }

func (c *canvas) blend(x, y int, col rgb, a float64) {
	if a <= 0 {
		return
	}
	i := (y*c.w + x) * 3
	p := c.pix[i : i+3 : i+3]
	if a >= 1 {
		p[0], p[1], p[2] = col.r, col.g, col.b
		return
	}
	f := float32(a)
	p[0] += (col.r - p[0]) * f
	p[1] += (col.g - p[1]) * f
	p[2] += (col.b - p[2]) * f
}

// span clips a float range to pixel indices [lo, hi).
func span(a, b float64, n int) (int, int) {
	lo := int(math.Floor(a))
	hi := int(math.Ceil(b))
	return max(lo, 0), min(hi, n)
}

func overlap(a0, a1, b0, b1 float64) float64 {
	return max(0, min(a1, b1)-max(a0, b0))
}

func (c *canvas) rect(x0, y0, x1, y1 float64, col rgb, alpha float64) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	ix0, ix1 := span(x0, x1, c.w)
	iy0, iy1 := span(y0, y1, c.h)
	for y := iy0; y < iy1; y++ {
		cy := overlap(float64(y), float64(y+1), y0, y1)
		for x := ix0; x < ix1; x++ {
			c.blend(x, y, col, alpha*cy*overlap(float64(x), float64(x+1), x0, x1))
		}
	}
}

// vgrad fills a rectangle with a vertical gradient.
func (c *canvas) vgrad(x0, y0, x1, y1 float64, top, bottom rgb, alpha float64) {
	ix0, ix1 := span(x0, x1, c.w)
	iy0, iy1 := span(y0, y1, c.h)
	for y := iy0; y < iy1; y++ {
		cy := overlap(float64(y), float64(y+1), y0, y1)
		col := mix(top, bottom, clamp01((float64(y)+0.5-y0)/(y1-y0)))
		for x := ix0; x < ix1; x++ {
			c.blend(x, y, col, alpha*cy*overlap(float64(x), float64(x+1), x0, x1))
		}
	}
}

// ellipse fills an ellipse, optionally clipped below clipY (use +Inf for none).
func (c *canvas) ellipseClip(cx, cy, rx, ry, clipY float64, col rgb, alpha float64) {
	// Very small shapes are drawn at half a pixel with reduced opacity.
	if rx < 0.5 {
		alpha *= rx / 0.5
		rx = 0.5
	}
	if ry < 0.5 {
		alpha *= ry / 0.5
		ry = 0.5
	}
	ix0, ix1 := span(cx-rx-1, cx+rx+1, c.w)
	iy0, iy1 := span(cy-ry-1, min(cy+ry+1, clipY+1), c.h)
	irx2, iry2 := 1/(rx*rx), 1/(ry*ry)
	for y := iy0; y < iy1; y++ {
		py := float64(y) + 0.5
		dy := py - cy
		clip := clamp01(clipY - py + 0.5)
		if clip <= 0 {
			continue
		}
		for x := ix0; x < ix1; x++ {
			dx := float64(x) + 0.5 - cx
			f := dx*dx*irx2 + dy*dy*iry2 - 1
			g := 2 * math.Sqrt(dx*dx*irx2*irx2+dy*dy*iry2*iry2)
			var cov float64
			if g == 0 {
				cov = 1
			} else {
				cov = clamp01(0.5 - f/g)
			}
			c.blend(x, y, col, alpha*cov*clip)
		}
	}
}

func (c *canvas) ellipse(cx, cy, rx, ry float64, col rgb, alpha float64) {
	c.ellipseClip(cx, cy, rx, ry, math.Inf(1), col, alpha)
}

// glow adds a soft radial light with a Gaussian falloff.
func (c *canvas) glow(cx, cy, rad float64, col rgb, alpha float64) {
	ix0, ix1 := span(cx-rad*3, cx+rad*3, c.w)
	iy0, iy1 := span(cy-rad*3, cy+rad*3, c.h)
	k := 1 / (rad * rad)
	for y := iy0; y < iy1; y++ {
		dy := float64(y) + 0.5 - cy
		for x := ix0; x < ix1; x++ {
			dx := float64(x) + 0.5 - cx
			c.blend(x, y, col, alpha*math.Exp(-(dx*dx+dy*dy)*k))
		}
	}
}

// line draws a segment with round caps.
func (c *canvas) line(x0, y0, x1, y1, width float64, col rgb, alpha float64) {
	rad := width / 2
	if rad < 0.5 {
		alpha *= rad / 0.5
		rad = 0.5
	}
	ix0, ix1 := span(min(x0, x1)-rad-1, max(x0, x1)+rad+1, c.w)
	iy0, iy1 := span(min(y0, y1)-rad-1, max(y0, y1)+rad+1, c.h)
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	for y := iy0; y < iy1; y++ {
		py := float64(y) + 0.5
		for x := ix0; x < ix1; x++ {
			px := float64(x) + 0.5
			t := 0.0
			if l2 > 0 {
				t = clamp01(((px-x0)*dx + (py-y0)*dy) / l2)
			}
			d := math.Hypot(px-x0-t*dx, py-y0-t*dy) - rad
			c.blend(x, y, col, alpha*clamp01(0.5-d))
		}
	}
}

// poly fills a convex polygon.
func (c *canvas) poly(ps []pt, col rgb, alpha float64) {
	n := len(ps)
	if n < 3 {
		return
	}
	area := 0.0
	minX, minY, maxX, maxY := ps[0].x, ps[0].y, ps[0].x, ps[0].y
	for i, a := range ps {
		b := ps[(i+1)%n]
		area += a.x*b.y - b.x*a.y
		minX, maxX = min(minX, a.x), max(maxX, a.x)
		minY, maxY = min(minY, a.y), max(maxY, a.y)
	}
	sign := 1.0
	if area < 0 {
		sign = -1
	}
	type edge struct{ nx, ny, d float64 }
	var buf [8]edge
	edges := buf[:0]
	for i, a := range ps {
		b := ps[(i+1)%n]
		ex, ey := b.x-a.x, b.y-a.y
		l := math.Hypot(ex, ey)
		if l == 0 {
			continue
		}
		nx, ny := sign*ey/l, -sign*ex/l
		edges = append(edges, edge{nx, ny, nx*a.x + ny*a.y})
	}
	ix0, ix1 := span(minX-1, maxX+1, c.w)
	iy0, iy1 := span(minY-1, maxY+1, c.h)
	for y := iy0; y < iy1; y++ {
		py := float64(y) + 0.5
		for x := ix0; x < ix1; x++ {
			px := float64(x) + 0.5
			dmax := math.Inf(-1)
			for _, e := range edges {
				dmax = max(dmax, e.nx*px+e.ny*py-e.d)
			}
			c.blend(x, y, col, alpha*clamp01(0.5-dmax))
		}
	}
}

// ridge fills everything below the curve v = f(u) (relative coordinates),
// colouring each pixel with paint. depth is the distance below the curve in
// units of the height; slope is the curve's gradient in pixels per pixel.
func (c *canvas) ridge(f func(u float64) float64, paint func(x, y int, depth, slope float64) rgb) {
	c.ridgeTo(f, nil, paint)
}

// ridgeTo is ridge, but stops a little below the curve bottom, which the
// caller promises to cover with an opaque layer afterwards.
func (c *canvas) ridgeTo(f, bottom func(u float64) float64, paint func(x, y int, depth, slope float64) rgb) {
	du := 0.5 / c.W
	for x := 0; x < c.w; x++ {
		u := (float64(x) + 0.5) / c.W
		ry := f(u) * c.H
		slope := (f(u+du) - f(u-du)) * c.H
		k := 1 / math.Sqrt(1+slope*slope)
		y0 := max(0, int(math.Floor(ry-1-math.Abs(slope))))
		y1 := c.h
		if bottom != nil {
			b := bottom(u) * c.H
			sb := (bottom(u+du) - bottom(u-du)) * c.H
			y1 = min(c.h, int(math.Ceil(b+2+math.Abs(sb))))
		}
		for y := y0; y < y1; y++ {
			py := float64(y) + 0.5
			cov := clamp01((py-ry)*k + 0.5)
			if cov <= 0 {
				continue
			}
			c.blend(x, y, paint(x, y, (py-ry)/c.H, slope), cov)
		}
	}
}

// flat returns a paint function with a gentle vertical gradient.
func flat(top, bottom rgb, fade float64) func(x, y int, depth, slope float64) rgb {
	return func(_, _ int, depth, _ float64) rgb { return mix(top, bottom, clamp01(depth/fade)) }
}

// fog blends col over the whole width, rising from nothing at v0 to amax at v1
// and staying at amax below.
func (c *canvas) fog(v0, v1 float64, col rgb, amax float64) {
	y0 := max(0, int(v0*c.H))
	for y := y0; y < c.h; y++ {
		a := amax * smoothstep(v0, v1, (float64(y)+0.5)/c.H)
		for x := 0; x < c.w; x++ {
			c.blend(x, y, col, a)
		}
	}
}

// finish applies a soft vignette and film grain and converts to 8-bit.
func (c *canvas) finish() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
	for y := 0; y < c.h; y++ {
		dy := (float64(y)+0.5)/c.H - 0.5
		for x := 0; x < c.w; x++ {
			dx := (float64(x)+0.5)/c.W - 0.5
			vig := float32(1 - 0.38*(dx*dx+dy*dy))
			hsh := uint32(x)*374761393 + uint32(y)*668265263
			hsh = (hsh ^ hsh>>13) * 1274126177
			hsh ^= hsh >> 16
			g := (float32(hsh&1023)/1023 - 0.5) * 6
			i := (y*c.w + x) * 3
			o := img.PixOffset(x, y)
			img.Pix[o] = to8(c.pix[i]*vig + g)
			img.Pix[o+1] = to8(c.pix[i+1]*vig + g)
			img.Pix[o+2] = to8(c.pix[i+2]*vig + g)
			img.Pix[o+3] = 255
		}
	}
	return img
}

func to8(v float32) uint8 {
	if v <= 0 {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v + 0.5)
}

// ---------------------------------------------------------------------------
// Noise

type noise1 [256]float64

func newNoise(r *rand.Rand) *noise1 {
	var n noise1
	for i := range n {
		n[i] = r.Float64()*2 - 1
	}
	return &n
}

// at is smooth value noise in [-1, 1].
func (n *noise1) at(x float64) float64 {
	fl := math.Floor(x)
	f := x - fl
	i := int(fl)
	t := f * f * (3 - 2*f)
	a, b := n[i&255], n[(i+1)&255]
	return a + (b-a)*t
}

// fbm is fractal noise in roughly [-1, 1].
func (n *noise1) fbm(x float64, oct int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for range oct {
		sum += n.at(x) * amp
		norm += amp
		amp *= 0.5
		x = x*2.03 + 17.1
	}
	return sum / norm
}

// ridged is sharp-crested fractal noise in [0, 1].
func (n *noise1) ridged(x float64, oct int) float64 {
	sum, amp, norm := 0.0, 1.0, 0.0
	for range oct {
		v := 1 - math.Abs(n.at(x))
		sum += v * v * amp
		norm += amp
		amp *= 0.48
		x = x*2.07 + 31.7
	}
	return sum / norm
}

// ---------------------------------------------------------------------------
// Shared scenery

func (c *canvas) sky(p *palette, horizon, sunU, sunV float64) {
	aspect := c.aspect()
	// The Gaussian glow is separable: exp(-(dx²+dy²)k) = exp(-dx²k)·exp(-dy²k).
	near, wide := make([]float64, c.w), make([]float64, c.w)
	for x := range near {
		dx := ((float64(x)+0.5)/c.W - sunU) * aspect
		near[x], wide[x] = 0.75*p.glow*math.Exp(-dx*dx*70), 0.3*p.glow*math.Exp(-dx*dx*5)
	}
	for y := 0; y < c.h; y++ {
		v := (float64(y) + 0.5) / c.H
		t := clamp01(v / horizon)
		t = 0.35*t + 0.65*t*t
		base := mix(p.skyTop, p.skyHorizon, t)
		dy := v - sunV
		ny, wy := math.Exp(-dy*dy*70), math.Exp(-dy*dy*5)
		row := c.pix[y*c.w*3 : (y+1)*c.w*3]
		for x := 0; x < c.w; x++ {
			g := near[x]*ny + wide[x]*wy
			col := mix(base, p.sun, min(g, 1))
			row[x*3], row[x*3+1], row[x*3+2] = col.r, col.g, col.b
		}
	}
}

// celestial draws the sun, or the moon and stars on night palettes.
func (c *canvas) celestial(p *palette, r *rand.Rand, sunU, sunV, horizon float64) {
	if p.night {
		for range 260 {
			u, v := r.Float64(), r.Float64()*horizon*0.85
			rad := rf(r, 0.0008, 0.0024)
			a := rf(r, 0.35, 0.95) * (1 - v/horizon)
			c.ellipse(u*c.W, v*c.H, rad*c.H, rad*c.H, hex(0xf4f4ff), a)
		}
		x, y, rad := sunU*c.W, sunV*c.H, 0.042*c.H
		c.ellipse(x, y, rad, rad, p.sun, 1)
		crater := mix(p.sun, p.skyHorizon, 0.35)
		for range 4 {
			cr := rf(r, 0.12, 0.28) * rad
			c.ellipse(x+rf(r, -0.5, 0.5)*rad, y+rf(r, -0.5, 0.5)*rad, cr, cr, crater, 0.35)
		}
		return
	}
	rad := 0.045 * c.H
	c.ellipse(sunU*c.W, sunV*c.H, rad, rad, p.sun, 0.55+0.45*min(p.glow, 1))
}

// clouds scatters long thin streaks (and, on clear palettes, puffy clouds).
func (c *canvas) clouds(p *palette, r *rand.Rand, v0, v1 float64) {
	n := 3 + r.IntN(3)
	for range n {
		u, v := r.Float64(), rf(r, v0, v1)
		k := 2 + r.IntN(3)
		for range k {
			c.ellipse((u+rf(r, -0.08, 0.08))*c.W, (v+rf(r, -0.012, 0.012))*c.H,
				rf(r, 0.08, 0.22)*c.W, rf(r, 0.004, 0.011)*c.H, p.cloud, rf(r, 0.25, 0.5))
		}
	}
	if !p.puffy {
		return
	}
	for range 2 + r.IntN(2) {
		c.puff(r, r.Float64()*c.aspect(), rf(r, v0+0.05, v1), rf(r, 0.05, 0.09), p.cloud, mix(p.cloud, p.skyTop, 0.18))
	}
}

// puff draws a flat-bottomed cumulus cloud at (xh, v) in height units.
func (c *canvas) puff(r *rand.Rand, xh, v, size float64, col, shade rgb) {
	type circ struct{ x, y, r float64 }
	n := 4 + r.IntN(3)
	cs := make([]circ, n)
	for i := range cs {
		t := (float64(i)+0.5)/float64(n)*2 - 1
		rad := size * (1 - 0.55*t*t) * rf(r, 0.8, 1.1)
		cs[i] = circ{(xh + t*size*1.6) * c.H, (v - rad*0.55) * c.H, rad * c.H}
	}
	base := v * c.H
	x0, x1 := (xh-size*2.8)*c.H, (xh+size*2.8)*c.H
	ix0, ix1 := span(x0, x1, c.w)
	iy0, iy1 := span((v-size*2.2)*c.H, base+1, c.h)
	for y := iy0; y < iy1; y++ {
		py := float64(y) + 0.5
		clip := clamp01(base - py + 0.5)
		for x := ix0; x < ix1; x++ {
			px := float64(x) + 0.5
			cov := 0.0
			for _, ci := range cs {
				cov = max(cov, clamp01(0.5-(math.Hypot(px-ci.x, py-ci.y)-ci.r)))
			}
			if cov > 0 {
				// Shade the lower part of the cloud slightly.
				t := clamp01((py - (base - size*0.9*c.H)) / (size * 0.9 * c.H))
				c.blend(x, y, mix(col, shade, t), 0.92*cov*clip)
			}
		}
	}
}

func (c *canvas) pine(x, base, h float64, col rgb) {
	c.rect(x-h*0.03, base-h*0.2, x+h*0.03, base+h*0.05, col, 1)
	for k := range 3 {
		top := base - h + h*0.26*float64(k)
		bot := top + h*0.5
		hw := h * 0.42 * (0.5 + 0.25*float64(k)) / 2
		c.poly([]pt{{x, top}, {x + hw, bot}, {x - hw, bot}}, col, 1)
	}
}

func (c *canvas) roundTree(x, base, h float64, col, lit rgb, dx float64) {
	c.rect(x-h*0.04, base-h*0.45, x+h*0.04, base, mix(col, wood, 0.5), 1)
	rad := h * 0.33
	c.ellipse(x, base-h*0.62, rad, rad*1.05, col, 1)
	c.ellipseClip(x+dx*rad*0.25, base-h*0.7, rad*0.7, rad*0.7, math.Inf(1), lit, 0.55)
}

func (c *canvas) poplar(x, base, h float64, col, lit rgb, dx float64) {
	c.rect(x-h*0.02, base-h*0.15, x+h*0.02, base, mix(col, wood, 0.5), 1)
	c.ellipse(x, base-h*0.55, h*0.09, h*0.46, col, 1)
	c.ellipse(x+dx*h*0.025, base-h*0.6, h*0.05, h*0.36, lit, 0.45)
}

// minaret draws a slender tower whose foot is at (x, base), in pixels.
func (c *canvas) minaret(x, base, h float64, col, trim rgb) {
	w := h * 0.075
	c.rect(x-w/2, base-h*0.72, x+w/2, base, col, 1)
	c.rect(x-w*0.8, base-h*0.74, x+w*0.8, base-h*0.7, trim, 1)
	c.rect(x-w*0.38, base-h*0.88, x+w*0.38, base-h*0.72, col, 1)
	c.rect(x-w*0.6, base-h*0.89, x+w*0.6, base-h*0.87, trim, 1)
	c.poly([]pt{{x, base - h}, {x + w*0.45, base - h*0.89}, {x - w*0.45, base - h*0.89}}, trim, 1)
}

// dome draws an onion-less dome on a drum, centred at x with the drum's foot at base.
func (c *canvas) dome(x, base, rad float64, col, trim rgb) {
	c.rect(x-rad*0.9, base-rad*0.45, x+rad*0.9, base, col, 1)
	c.ellipseClip(x, base-rad*0.45, rad, rad*0.95, base-rad*0.45, trim, 1)
	c.line(x, base-rad*1.4, x, base-rad*1.75, rad*0.06, trim, 1)
	c.ellipse(x, base-rad*1.42, rad*0.08, rad*0.08, trim, 1)
}

// figure draws a simple person (in pixels): feet off-frame, shoulders at
// about base-0.52*s, head top at about base-0.83*s.
type figureStyle struct {
	cloth, skin, hat rgb
	kind             int // 0 hair, 1 headscarf, 2 cap, 3 turban, 4 short hair
	placard          bool
	sign, signBand   rgb
}

func (c *canvas) figure(x, base, s float64, st figureStyle) {
	if st.placard {
		px := x + s*0.14
		c.line(px, base-s*0.5, px, base-s*1.15, s*0.025, mix(wood, st.cloth, 0.2), 1)
		c.rect(px-s*0.26, base-s*1.38, px+s*0.26, base-s*1.08, st.sign, 1)
		c.rect(px-s*0.26, base-s*1.16, px+s*0.26, base-s*1.11, st.signBand, 1)
		c.rect(px-s*0.2, base-s*1.31, px+s*0.12, base-s*1.27, st.signBand, 0.75)
		c.rect(px-s*0.2, base-s*1.24, px+s*0.05, base-s*1.2, st.signBand, 0.5)
		c.line(x+s*0.16, base-s*0.5, px, base-s*0.9, s*0.07, st.cloth, 1)
		c.ellipse(px, base-s*0.9, s*0.035, s*0.035, st.skin, 1)
	}
	c.ellipse(x, base-s*0.47, s*0.21, s*0.09, st.cloth, 1)
	c.rect(x-s*0.21, base-s*0.47, x+s*0.21, base+s*0.5, st.cloth, 1)
	c.rect(x-s*0.035, base-s*0.63, x+s*0.035, base-s*0.52, st.skin, 1)
	hx, hy := x, base-s*0.7
	switch st.kind {
	case 1: // headscarf wrapping head and shoulders
		c.ellipse(hx, hy+s*0.01, s*0.11, s*0.125, st.hat, 1)
		c.poly([]pt{{hx - s*0.1, hy}, {hx + s*0.1, hy}, {hx + s*0.19, base - s*0.42}, {hx - s*0.19, base - s*0.42}}, st.hat, 1)
		c.ellipse(hx, hy+s*0.015, s*0.06, s*0.075, st.skin, 1)
	default:
		c.ellipse(hx, hy, s*0.085, s*0.1, st.skin, 1)
	}
	switch st.kind {
	case 0, 4:
		depth := 0.02
		if st.kind == 0 {
			depth = 0.04
		}
		c.ellipseClip(hx, hy-s*0.015, s*0.09, s*0.095, hy-s*0.015+s*depth, st.hat, 1)
	case 2: // flat woollen cap
		c.ellipseClip(hx, hy-s*0.045, s*0.095, s*0.07, hy-s*0.045, st.hat, 1)
		c.ellipse(hx, hy-s*0.05, s*0.1, s*0.025, mix(st.hat, white, 0.12), 1)
	case 3: // turban
		c.ellipse(hx, hy-s*0.07, s*0.11, s*0.06, st.hat, 1)
		c.ellipse(hx+s*0.02, hy-s*0.085, s*0.07, s*0.03, mix(st.hat, white, 0.25), 1)
	}
}

func randomFigure(p *palette, r *rand.Rand, haze float64, cloths []rgb) figureStyle {
	st := figureStyle{
		cloth: p.obj(cloths[r.IntN(len(cloths))].scale(rf(r, 0.85, 1.05)), haze),
		skin:  p.obj(skins[r.IntN(len(skins))], haze),
		kind:  r.IntN(5),
	}
	switch st.kind {
	case 1, 3:
		st.hat = p.obj(cloths[r.IntN(len(cloths))], haze)
	case 2:
		st.hat = p.obj(mix(hex(0x8a7a66), hex(0x4a4038), r.Float64()), haze)
	default:
		st.hat = p.obj(hairs[r.IntN(len(hairs))], haze)
	}
	return st
}

func clothColours(p *palette) []rgb {
	return []rgb{
		p.accents[0], p.accents[1], p.accents[2], p.accents[3], p.accents[4],
		hex(0xe9e4d8), hex(0x3b3b40), hex(0x6b5b4b), hex(0x556b8d), hex(0x8a9a7b), hex(0x9c5b4a),
	}
}

// skyline draws a row of buildings along the ground line (relative v),
// with heights picked between minTop and maxTop and widths in height units.
func (c *canvas) skyline(p *palette, r *rand.Rand, ground, minTop, maxTop, wMin, wMax float64, col rgb, windows float64) {
	H := c.H
	xh := -rf(r, 0, 0.08)
	for xh < c.aspect()+0.05 {
		w := rf(r, wMin, wMax)
		top := rf(r, minTop, maxTop)
		bc := col.scale(rf(r, 0.9, 1.08))
		x0, x1 := xh*H, (xh+w)*H
		switch k := r.Float64(); {
		case k < 0.15:
			c.rect(x0+w*0.2*H, (top-rf(r, 0.03, 0.07))*H, x1-w*0.2*H, top*H+1, bc, 1)
		case k < 0.27:
			ax := x0 + rf(r, 0.2, 0.8)*w*H
			c.line(ax, top*H, ax, (top-rf(r, 0.04, 0.09))*H, 0.004*H, bc, 1)
		case k < 0.37:
			c.rect(x0+w*0.55*H, (top-0.025)*H, x0+w*0.8*H, top*H+1, bc.scale(0.92), 1)
		}
		c.rect(x0, top*H, x1, ground*H+1, bc, 1)
		// A lighter parapet line catches the light.
		c.rect(x0, top*H, x1, (top+0.006)*H, mix(bc, p.sun, 0.12), 1)
		if windows > 0 {
			cols := int((w - 0.016) / 0.026)
			rows := int((ground - top - 0.03) / 0.036)
			off := (w - float64(cols)*0.026) / 2
			dark := mix(bc, p.skyTop, 0.45).scale(0.85)
			for j := range rows {
				for i := range cols {
					wx := xh + off + float64(i)*0.026 + 0.007
					wy := top + 0.022 + float64(j)*0.036
					wc, a := dark, windows*0.6
					if r.Float64() < p.litWindows {
						wc, a = mix(p.light, white, rf(r, 0, 0.3)), windows*rf(r, 0.65, 1)
					}
					c.rect(wx*H, wy*H, (wx+0.012)*H, (wy+0.017)*H, wc, a)
				}
			}
		}
		xh += w + max(0, rf(r, -0.01, 0.02))
	}
}

// ---------------------------------------------------------------------------
// Scenes

func sunSide(sunU float64) float64 {
	if sunU < 0.5 {
		return -1
	}
	return 1
}

func drawMountains(c *canvas, p *palette, r *rand.Rand) {
	sunU, sunV := rf(r, 0.2, 0.8), rf(r, 0.14, 0.28)
	c.sky(p, 0.62, sunU, sunV)
	c.celestial(p, r, sunU, sunV, 0.62)
	c.clouds(p, r, 0.06, 0.34)
	side := sunSide(sunU)

	const layers = 5
	type layer struct {
		n, sn           *noise1
		off             float64
		base, amp, freq float64
		sharp           bool
		f               func(float64) float64
	}
	ls := make([]*layer, layers)
	for i := range ls {
		l := &layer{n: newNoise(r), sn: newNoise(r), off: rf(r, 0, 100),
			base: 0.44 + 0.12*float64(i), amp: 0.27 - 0.04*float64(i), freq: 1.8 + 0.5*float64(i), sharp: i < 2}
		if l.sharp {
			l.f = func(u float64) float64 { return l.base - l.amp*l.n.ridged(u*l.freq+l.off, 6) }
		} else {
			l.f = func(u float64) float64 { return l.base - l.amp*(0.5+0.6*l.n.fbm(u*l.freq+l.off, 5)) }
		}
		ls[i] = l
	}
	for i, l := range ls {
		t := float64(i) / (layers - 1)
		// Light and shade follow a smoothed copy of the ridge, so the faces
		// read as broad facets rather than per-column streaks. The facing is
		// tabulated over the range the slanted lookups reach.
		fs := func(u float64) float64 {
			if l.sharp {
				return -l.amp * l.n.ridged(u*l.freq+l.off, 1)
			}
			return -l.amp * l.n.fbm(u*l.freq+l.off, 2)
		}
		const tn, tu0, tu1 = 1024, -0.6, 1.6
		var table [tn + 1]float64
		for k := range table {
			u := tu0 + (tu1-tu0)*float64(k)/tn
			const du = 0.006
			sl := (fs(u+du) - fs(u-du)) / (2 * du) / c.aspect()
			table[k] = math.Tanh(sl * side * 1.8)
		}
		facingAt := func(u, depth float64) float64 {
			u += depth * 0.35 * side
			ft := clamp01((u-tu0)/(tu1-tu0)) * tn
			k := min(int(ft), tn-1)
			return table[k] + (table[k+1]-table[k])*(ft-float64(k))
		}
		col := p.obj(mix(p.far, p.near, t), (1-t)*0.3)
		dark := mix(col, p.near.scale(0.6), 0.3+0.2*t)
		lit := mix(col, p.sun, 0.28)
		snowLine := l.base - l.amp*0.6
		snow := p.obj(mix(white, p.skyHorizon, 0.15), 0)
		snowShade := mix(snow, p.skyTop, 0.3)
		var next func(float64) float64
		if i+1 < layers {
			next = ls[i+1].f
		}
		c.ridgeTo(l.f, next, func(x, y int, depth, _ float64) rgb {
			u := (float64(x) + 0.5) / c.W
			cc := mix(col, dark, clamp01(depth/0.35))
			facing := facingAt(u, depth)
			e := math.Exp(-depth / 0.18)
			if facing > 0 {
				cc = mix(cc, lit, facing*e*0.55)
			} else {
				cc = mix(cc, dark, -facing*e*0.5)
			}
			if v := (float64(y) + 0.5) / c.H; l.sharp && p.snow && v < snowLine+0.04 {
				sy := (snowLine + 0.03*l.sn.fbm(u*22, 3)) * c.H
				if w := clamp01(sy - float64(y) + 0.5); w > 0 {
					sc := snow
					if facing < 0 {
						sc = mix(snow, snowShade, min(1, -facing*1.5))
					}
					cc = mix(cc, mix(sc, p.haze, (1-t)*0.25), w)
				}
			}
			return cc
		})
		if i >= layers-2 {
			// A band of forest along the nearer ridges.
			tc := p.obj(mix(p.near, p.mid, 0.25), (1-t)*0.25)
			for range 55 + 25*i {
				u := r.Float64()
				h := rf(r, 0.03, 0.06) * (0.6 + 0.5*t)
				c.pine(u*c.W, (l.f(u)+rf(r, 0.004, 0.03))*c.H, h*c.H, tc.scale(rf(r, 0.9, 1.1)))
			}
		}
		if i < layers-1 {
			c.fog(l.base-l.amp*0.2, l.base+0.08, p.haze, 0.34-0.06*float64(i))
		}
	}
}

func drawCity(c *canvas, p *palette, r *rand.Rand) {
	sunU, sunV := rf(r, 0.15, 0.85), rf(r, 0.12, 0.26)
	c.sky(p, 0.68, sunU, sunV)
	c.celestial(p, r, sunU, sunV, 0.68)
	c.clouds(p, r, 0.05, 0.3)
	n := newNoise(r)
	off := rf(r, 0, 100)
	hills := p.obj(p.far, 0.45)
	c.ridge(func(u float64) float64 { return 0.52 - 0.17*n.ridged(u*2.2+off, 6) },
		flat(hills, mix(hills, p.haze, 0.5), 0.2))
	c.fog(0.42, 0.6, p.haze, 0.45)

	ground := 0.9
	c.skyline(p, r, ground, 0.36, 0.55, 0.05, 0.12, p.obj(p.far, 0.3), 0.35)
	c.fog(0.42, 0.75, p.haze, 0.3)
	c.skyline(p, r, ground, 0.5, 0.66, 0.07, 0.15, p.obj(p.mid, 0.08), 1)

	// A mosque with a dome and minaret stands among the buildings.
	mx := rf(r, 0.2, 0.8) * c.aspect()
	mcol := p.obj(mix(p.mid, p.accents[4], 0.35), 0.05)
	trim := p.obj(mix(p.accents[2], p.mid, 0.2), 0.05)
	c.minaret((mx-0.13)*c.H, ground*c.H, 0.52*c.H, mcol, trim)
	c.rect((mx-0.12)*c.H, 0.64*c.H, (mx+0.12)*c.H, ground*c.H, mcol, 1)
	c.dome(mx*c.H, 0.64*c.H, 0.085*c.H, mcol, trim)
	for k := range 4 {
		ax := (mx - 0.09 + 0.06*float64(k)) * c.H
		c.rect(ax-0.012*c.H, 0.7*c.H, ax+0.012*c.H, 0.78*c.H, mix(mcol, p.near, 0.5), 1)
		c.ellipse(ax, 0.7*c.H, 0.012*c.H, 0.014*c.H, mix(mcol, p.near, 0.5), 1)
	}

	c.rect(0, 0.86*c.H, c.W, c.H, p.obj(mix(p.near, p.ground, 0.5), 0.1), 1)
	c.skyline(p, r, 1.0, 0.72, 0.82, 0.09, 0.2, p.obj(p.near, 0), 0.9)
	c.vgrad(0, ground*c.H+0.04*c.H, c.W, c.H, p.obj(p.ground, 0), p.obj(p.ground, 0).scale(0.7), 1)
	// Street lamps.
	for xh := 0.1; xh < c.aspect(); xh += 0.32 {
		x := xh * c.H
		c.line(x, 0.94*c.H, x, 0.8*c.H, 0.006*c.H, p.obj(p.near, 0).scale(0.8), 1)
		c.line(x, 0.8*c.H, x+0.03*c.H, 0.8*c.H, 0.005*c.H, p.obj(p.near, 0).scale(0.8), 1)
		if p.night || p.litWindows > 0.2 {
			c.glow(x+0.03*c.H, 0.805*c.H, 0.035*c.H, p.light, 0.35)
			c.ellipse(x+0.03*c.H, 0.805*c.H, 0.008*c.H, 0.006*c.H, mix(p.light, white, 0.5), 1)
		}
	}
}

func drawSea(c *canvas, p *palette, r *rand.Rand) {
	const horizon = 0.56
	sunU, sunV := rf(r, 0.3, 0.7), rf(r, 0.22, 0.38)
	c.sky(p, horizon, sunU, sunV)
	c.celestial(p, r, sunU, sunV, horizon)
	c.clouds(p, r, 0.05, 0.4)
	aspect := c.aspect()

	// A headland running into the sea on one side, and a far island.
	left := r.IntN(2) == 0
	n := newNoise(r)
	off := rf(r, 0, 100)
	head := p.obj(p.far, 0.35)
	c.ridge(func(u float64) float64 {
		if !left {
			u = 1 - u
		}
		env := math.Pow(clamp01((0.42-u)/0.42), 0.6)
		return horizon + 0.003 - env*0.1*(0.65+0.45*n.fbm(u*7+off, 5))
	}, flat(head, mix(head, p.haze, 0.3), 0.1))
	iu := rf(r, 0.55, 0.85)
	if !left {
		iu = 1 - iu
	}
	island := p.obj(p.far, 0.65)
	c.ridge(func(u float64) float64 {
		d := (u - iu) / 0.09
		return horizon + 0.003 - 0.03*math.Max(0, 1-d*d)*(0.8+0.3*n.fbm(u*20, 3))
	}, flat(island, island, 1))

	// Water.
	hy := horizon * c.H
	near := mix(p.water, p.near, 0.35)
	far := mix(p.skyHorizon, p.water, 0.45)
	for y := int(hy); y < c.h; y++ {
		cov := clamp01(float64(y) + 1 - hy)
		v := (float64(y) + 0.5) / c.H
		t := clamp01((v - horizon) / (1 - horizon))
		base := p.obj(mix(far, near, math.Pow(t, 0.6)), 0)
		w := 0.03 + 0.22*t
		for x := 0; x < c.w; x++ {
			dx := ((float64(x)+0.5)/c.W - sunU) * aspect / w
			g := p.glow * 0.5 * math.Exp(-dx*dx) * (1 - 0.5*t)
			c.blend(x, y, mix(base, p.sun, g), cov)
		}
	}
	// Glitter under the sun.
	for range 170 {
		t := math.Pow(r.Float64(), 1.4)
		v := horizon + 0.004 + t*(1-horizon)*0.85
		spread := 0.02 + 0.16*t
		g := r.NormFloat64()
		u := sunU + g*spread/aspect
		a := 0.75 * math.Exp(-g*g/2) * min(1, p.glow+0.2)
		c.ellipse(u*c.W, v*c.H, (0.006+0.04*t)*c.H, (0.0012+0.003*t)*c.H, mix(p.sun, white, 0.3), a)
	}
	// Wave strokes, denser towards the horizon.
	waveLight := p.obj(mix(p.water, p.skyHorizon, 0.6), 0)
	waveDark := p.obj(near.scale(0.8), 0)
	for range 420 {
		t := r.Float64()
		t *= t
		v := horizon + 0.005 + t*(1-horizon)
		u := r.Float64()
		col, a := waveLight, rf(r, 0.2, 0.45)
		if r.IntN(3) == 0 {
			col, a = waveDark, rf(r, 0.2, 0.4)
		}
		c.ellipse(u*c.W, v*c.H, (0.008+0.07*t)*c.H, (0.001+0.004*t)*c.H, col, a)
	}

	// A sailing boat.
	bu := rf(r, 0.15, 0.85)
	if math.Abs(bu-sunU) < 0.12 {
		bu = math.Mod(bu+0.3, 0.7) + 0.15
	}
	bv := horizon + rf(r, 0.05, 0.1)
	s := (0.07 + (bv-horizon)*0.6) * c.H
	bx, by := bu*c.W, bv*c.H
	hull := p.obj(mix(p.near, p.accents[0], 0.3), 0.1)
	sail := p.obj(mix(p.accents[4], p.sun, 0.3), 0.05)
	c.ellipse(bx, by+s*0.12, s*0.5, s*0.05, waveDark, 0.35)
	c.poly([]pt{{bx - s*0.5, by - s*0.06}, {bx + s*0.52, by - s*0.09}, {bx + s*0.36, by + s*0.06}, {bx - s*0.4, by + s*0.06}}, hull, 1)
	c.line(bx, by-s*0.06, bx, by-s*0.95, s*0.025, hull, 1)
	c.poly([]pt{{bx + s*0.03, by - s*0.92}, {bx + s*0.03, by - s*0.14}, {bx + s*0.44, by - s*0.14}}, sail, 1)
	c.poly([]pt{{bx - s*0.03, by - s*0.82}, {bx - s*0.03, by - s*0.14}, {bx - s*0.34, by - s*0.14}}, mix(sail, p.skyTop, 0.15), 1)

	// Gulls.
	gull := p.obj(mix(p.near, p.skyTop, 0.3), 0.1)
	for range 3 + r.IntN(3) {
		gx, gy := rf(r, 0.05, 0.95)*c.W, rf(r, 0.12, 0.4)*c.H
		gs := rf(r, 0.012, 0.022) * c.H
		lw := gs * 0.16
		c.line(gx-gs, gy-gs*0.15, gx-gs*0.45, gy-gs*0.4, lw, gull, 1)
		c.line(gx-gs*0.45, gy-gs*0.4, gx, gy, lw, gull, 1)
		c.line(gx, gy, gx+gs*0.45, gy-gs*0.4, lw, gull, 1)
		c.line(gx+gs*0.45, gy-gs*0.4, gx+gs, gy-gs*0.15, lw, gull, 1)
	}

	// A beach in the foreground.
	bn := newNoise(r)
	boff := rf(r, 0, 100)
	shore := func(u float64) float64 { return 0.885 + 0.045*bn.fbm(u*1.6+boff, 3) }
	foam := p.obj(mix(white, p.skyHorizon, 0.25), 0)
	c.ridge(func(u float64) float64 { return shore(u) - 0.016 - 0.006*math.Abs(bn.fbm(u*14, 3)) }, flat(foam, foam, 1))
	sand := p.obj(hex(0xe2c9a0), 0)
	wet := mix(sand, p.water, 0.3).scale(0.85)
	c.ridge(func(u float64) float64 { return shore(u) - 0.007 }, flat(wet, wet, 1))
	c.ridge(func(u float64) float64 { return shore(u) + 0.006 }, flat(sand, mix(sand, p.ground, 0.25), 0.12))
}

func drawFields(c *canvas, p *palette, r *rand.Rand) {
	const horizon = 0.5
	sunU, sunV := rf(r, 0.15, 0.85), rf(r, 0.12, 0.26)
	c.sky(p, horizon, sunU, sunV)
	c.celestial(p, r, sunU, sunV, horizon)
	c.clouds(p, r, 0.05, 0.32)
	side := sunSide(sunU)
	aspect := c.aspect()

	n := newNoise(r)
	off := rf(r, 0, 100)
	hills := p.obj(p.far, 0.4)
	c.ridge(func(u float64) float64 { return 0.47 - 0.1*(0.5+0.5*n.fbm(u*2.5+off, 5)) },
		flat(hills, mix(hills, p.haze, 0.4), 0.1))
	c.fog(0.4, 0.52, p.haze, 0.35)

	bases := []float64{0.54, 0.62, 0.73, 0.87}
	amps := []float64{0.03, 0.045, 0.05, 0.07}
	hedge := p.obj(mix(p.near, p.mid, 0.3), 0)
	type patch struct {
		col, col2      rgb
		kind           int
		freq, cx, cont float64
	}
	// Each band of fields has a ridge line and, just above it, a bumpy hedge.
	ridges := make([]func(float64) float64, len(bases))
	hedges := make([]func(float64) float64, len(bases))
	for i, base := range bases {
		ln := newNoise(r)
		loff := rf(r, 0, 100)
		freq := rf(r, 1.0, 2.0)
		amp := amps[i]
		f := func(u float64) float64 { return base - amp*(0.5+0.6*ln.fbm(u*freq+loff, 4)) }
		ridges[i] = f
		hedges[i] = func(u float64) float64 { return f(u) - 0.006 - 0.007*math.Abs(ln.fbm(u*40, 2)) }
	}
	for i := range bases {
		f := ridges[i]
		var next func(float64) float64
		if i+1 < len(bases) {
			next = hedges[i+1]
		}
		haze := 0.3 * (1 - float64(i)/3)

		np := 5 - i + r.IntN(2)
		cuts := make([]float64, np-1)
		slants := make([]float64, np-1)
		for k := range cuts {
			cuts[k] = r.Float64()
			slants[k] = rf(r, -0.9, 0.9)
		}
		slices.Sort(cuts)
		ps := make([]patch, np)
		for k := range ps {
			col := p.fields[r.IntN(4)].scale(rf(r, 0.92, 1.06))
			ps[k] = patch{
				col:  p.obj(col, haze),
				col2: p.obj(mix(col, p.near, rf(r, 0.18, 0.3)), haze),
				kind: r.IntN(3),
				freq: rf(r, 2, 3.5),
				cx:   rf(r, 0, aspect),
				cont: rf(r, 0.6, 1),
			}
			if ps[k].kind == 2 {
				ps[k].freq = rf(r, 40, 70)
			}
		}
		hw := 0.0025 * c.H // half-width of hedges between fields, in pixels
		c.ridgeTo(hedges[i], f, flat(p.obj(hedge, haze), p.obj(hedge, haze), 1))
		c.ridgeTo(f, next, func(x, y int, depth, slope float64) rgb {
			u := (float64(x) + 0.5) / c.W
			k := 0
			for k < len(cuts) && u > cuts[k]+slants[k]*depth {
				k++
			}
			pa := &ps[k]
			col := pa.col
			var ph, period float64
			switch pa.kind {
			case 1: // rows converging towards a point on the horizon
				d := depth + 0.05
				ph = (u*aspect - pa.cx) / d * pa.freq
				q := (u*aspect - pa.cx) / d
				period = d / pa.freq * c.H / math.Sqrt(1+q*q)
			case 2: // bands following the contour
				ph = depth * pa.freq
				period = c.H / pa.freq
			}
			if pa.kind != 0 {
				s := smoothstep(0.3, 0.7, 0.5+0.5*math.Sin(2*math.Pi*ph))
				col = mix(col, pa.col2, s*pa.cont*clamp01(period/3-0.8))
			}
			// Crests facing the sun are a little brighter.
			col = mix(col, mix(col, p.sun, 0.3), clamp01(slope*side*2)*math.Exp(-depth/0.05))
			col = mix(col, col.scale(0.86), clamp01(depth/0.3))
			// Hedges along field boundaries.
			for j := range cuts {
				dpx := math.Abs(u-(cuts[j]+slants[j]*depth)) * c.W / math.Sqrt(1+slants[j]*slants[j]*c.W*c.W/(c.H*c.H))
				if a := clamp01(hw - dpx + 0.5); a > 0 {
					col = mix(col, p.obj(hedge, haze), a)
				}
			}
			return col
		})

		tc := p.obj(mix(p.near, p.fields[3], 0.3), haze)
		tl := p.obj(mix(p.fields[3], p.sun, 0.3), haze)
		switch i {
		case 1:
			// A line of poplars and a flat-roofed farmhouse.
			pu := rf(r, 0.05, 0.6)
			for k := range 7 + r.IntN(4) {
				u := pu + float64(k)*0.022 + rf(r, -0.004, 0.004)
				c.poplar(u*c.W, (f(u)+0.004)*c.H, rf(r, 0.1, 0.15)*c.H, tc, tl, side)
			}
			hu := pu + 0.3
			hx, hy := hu*c.W, (f(hu)+0.012)*c.H
			wall := p.obj(mix(p.accents[4], p.far, 0.4), haze)
			hs := 0.045 * c.H
			c.rect(hx-hs*1.4, hy-hs, hx+hs*1.4, hy, wall, 1)
			c.rect(hx-hs*1.45, hy-hs*1.05, hx+hs*1.45, hy-hs*0.92, mix(wall, p.near, 0.25), 1)
			c.rect(hx-hs*0.9, hy-hs*0.6, hx-hs*0.5, hy, mix(wall, p.near, 0.6), 1)
			c.rect(hx+hs*0.3, hy-hs*0.65, hx+hs*0.7, hy-hs*0.35, mix(wall, p.near, 0.5), 1)
		case 2:
			for range 3 + r.IntN(3) {
				u := r.Float64()
				c.roundTree(u*c.W, (f(u)+0.01)*c.H, rf(r, 0.08, 0.12)*c.H, tc, tl, side)
			}
		}
	}
}

func drawMarket(c *canvas, p *palette, r *rand.Rand) {
	sunU, sunV := rf(r, 0.15, 0.85), rf(r, 0.06, 0.14)
	c.sky(p, 0.45, sunU, sunV)
	c.celestial(p, r, sunU, sunV, 0.3)
	c.clouds(p, r, 0.03, 0.14)
	H := c.H
	aspect := c.aspect()

	// Background: a minaret, then a row of plastered facades with arched openings.
	wallBase := mix(p.far, p.accents[4], 0.45)
	trim := p.obj(mix(p.accents[2], p.mid, 0.3), 0.25)
	c.minaret(rf(r, 0.15, 0.85)*aspect*H, 0.5*H, 0.48*H, p.obj(wallBase, 0.25), trim)
	for xh := -rf(r, 0, 0.1); xh < aspect+0.05; {
		w := rf(r, 0.2, 0.42)
		top := rf(r, 0.15, 0.3)
		col := p.obj(mix(wallBase, p.accents[r.IntN(4)], rf(r, 0, 0.18)).scale(rf(r, 0.86, 1.04)), 0.15)
		c.rect(xh*H, top*H, (xh+w)*H, 0.7*H, col, 1)
		c.rect(xh*H, top*H, (xh+w)*H, (top+0.012)*H, mix(col, p.sun, 0.15), 1)
		c.rect((xh+w-0.006)*H, top*H, (xh+w)*H, 0.7*H, col.scale(0.85), 1)
		nw := max(1, int(w/0.09))
		arch := mix(col, p.near, 0.55)
		for k := range nw {
			ax := (xh + (float64(k)+0.5)*w/float64(nw)) * H
			ay := (top + 0.07) * H
			aw := 0.022 * H
			c.ellipseClip(ax, ay, aw, aw*1.1, ay, arch, 1)
			c.rect(ax-aw, ay, ax+aw, ay+0.05*H, arch, 1)
		}
		xh += w
	}
	c.fog(0.2, 0.55, p.haze, 0.12)

	// Ground.
	gtop := p.obj(mix(p.ground, p.haze, 0.45), 0)
	c.vgrad(0, 0.62*H, c.W, H, gtop, p.obj(p.ground, 0).scale(0.9), 1)

	// Bunting strung across the street.
	for s := range 2 {
		y0 := (0.05 + 0.07*float64(s)) * H
		sag := 0.06 * H
		x0 := -0.05 * c.W
		x1 := 1.05 * c.W
		nf := int(aspect * 18)
		cord := p.obj(p.near, 0.1)
		at := func(t float64) (float64, float64) {
			return x0 + (x1-x0)*t, y0 + sag*4*t*(1-t) + 0.03*H*float64(s)*t
		}
		for k := range 40 {
			ax, ay := at(float64(k) / 40)
			bx, by := at(float64(k+1) / 40)
			c.line(ax, ay, bx, by, 0.003*H, cord, 1)
		}
		for k := range nf {
			ax, ay := at((float64(k) + 0.15) / float64(nf))
			bx, by := at((float64(k) + 0.85) / float64(nf))
			col := p.obj(p.accents[(k+s*2)%5], 0.05)
			c.poly([]pt{{ax, ay}, {bx, by}, {(ax + bx) / 2, (ay+by)/2 + 0.035*H}}, col, 1)
		}
	}

	// Stalls.
	fruits := []rgb{hex(0xf28c28), hex(0xd62828), hex(0x7cb342), hex(0xf6c945), hex(0x6a3d7a), hex(0xc2571a)}
	shade := p.obj(mix(p.near, p.ground, 0.3), 0).scale(0.8)
	for xh := -rf(r, 0.05, 0.2); xh < aspect; {
		w := rf(r, 0.34, 0.46)
		x0, x1 := xh*H, (xh+w)*H
		ac := p.obj(p.accents[r.IntN(4)], 0)
		ac2 := p.obj(p.accents[4], 0)
		// Shaded interior with shelves of goods.
		c.rect(x0, 0.42*H, x1, 0.62*H, shade, 1)
		for row := range 2 {
			sy := (0.5 + 0.055*float64(row)) * H
			c.rect(x0+0.01*H, sy, x1-0.01*H, sy+0.006*H, p.obj(wood, 0), 1)
			for gx := xh + 0.02; gx < xh+w-0.03; gx += rf(r, 0.018, 0.03) {
				gh := rf(r, 0.018, 0.035)
				c.rect(gx*H, sy-gh*H, (gx+0.013)*H, sy, p.obj(fruits[r.IntN(len(fruits))], 0.1).scale(0.8), 0.9)
			}
		}
		// Poles.
		pole := p.obj(wood, 0)
		c.rect(x0+0.004*H, 0.34*H, x0+0.012*H, 0.76*H, pole, 1)
		c.rect(x1-0.012*H, 0.34*H, x1-0.004*H, 0.76*H, pole, 1)
		// Striped awning with a scalloped edge.
		ns := 7 + r.IntN(3)
		top, bot := 0.33*H, 0.44*H
		tx0, tx1 := x0+0.02*H, x1-0.02*H
		bx0, bx1 := x0-0.012*H, x1+0.012*H
		for k := range ns {
			t0, t1 := float64(k)/float64(ns), float64(k+1)/float64(ns)
			col := ac
			if k%2 == 1 {
				col = ac2
			}
			q := []pt{
				{tx0 + (tx1-tx0)*t0, top}, {tx0 + (tx1-tx0)*t1, top},
				{bx0 + (bx1-bx0)*t1, bot}, {bx0 + (bx1-bx0)*t0, bot},
			}
			c.poly(q, col, 1)
			sw := (bx1 - bx0) / float64(ns)
			c.ellipse(bx0+sw*(float64(k)+0.5), bot, sw/2, 0.018*H, col, 1)
		}
		c.rect(tx0, top-0.004*H, tx1, top+0.004*H, mix(ac, p.near, 0.4), 1)
		// Table with heaps of produce.
		c.rect(x0-0.005*H, 0.6*H, x1+0.005*H, 0.62*H, p.obj(wood, 0).scale(1.1), 1)
		cloth := p.obj(p.accents[r.IntN(5)], 0)
		c.rect(x0+0.01*H, 0.62*H, x1-0.01*H, 0.75*H, cloth, 1)
		c.rect(x0+0.01*H, 0.72*H, x1-0.01*H, 0.73*H, mix(cloth, white, 0.4), 1)
		nh := 3 + r.IntN(2)
		for hk := range nh {
			hcx := x0 + (float64(hk)+0.5)*(x1-x0)/float64(nh)
			fc := fruits[r.IntN(len(fruits))]
			fr := rf(r, 0.011, 0.016) * H
			c.rect(hcx-fr*4.3, 0.6*H-fr*1.2, hcx+fr*4.3, 0.6*H, p.obj(mix(wood, p.accents[4], 0.25), 0), 1)
			for row := range 4 {
				cnt := 4 - row
				for k := range cnt {
					fx := hcx + (float64(k)-float64(cnt-1)/2)*fr*2.05 + rf(r, -0.2, 0.2)*fr
					fy := 0.6*H - fr*1.2 - fr*(0.9+1.7*float64(row))
					col := p.obj(fc.scale(rf(r, 0.85, 1.08)), 0)
					c.ellipse(fx, fy, fr, fr, col, 1)
					c.ellipse(fx-fr*0.3, fy-fr*0.35, fr*0.35, fr*0.3, mix(col, white, 0.45), 0.55)
				}
			}
		}
		xh += w + rf(r, 0.03, 0.06)
	}

	// Shoppers in front.
	cloths := clothColours(p)
	type fig struct {
		x, base, s float64
		st         figureStyle
	}
	figs := make([]fig, 4+r.IntN(4))
	for i := range figs {
		figs[i] = fig{rf(r, 0, aspect) * H, rf(r, 0.9, 1.05) * H, rf(r, 0.36, 0.48) * H, randomFigure(p, r, 0, cloths)}
	}
	slices.SortFunc(figs, func(a, b fig) int {
		switch {
		case a.base < b.base:
			return -1
		case a.base > b.base:
			return 1
		}
		return 0
	})
	for _, f := range figs {
		c.figure(f.x, f.base, f.s, f.st)
	}
}

func drawCrowd(c *canvas, p *palette, r *rand.Rand) {
	sunU, sunV := rf(r, 0.15, 0.85), rf(r, 0.1, 0.22)
	c.sky(p, 0.6, sunU, sunV)
	c.celestial(p, r, sunU, sunV, 0.6)
	c.clouds(p, r, 0.04, 0.28)
	H := c.H
	aspect := c.aspect()
	c.skyline(p, r, 0.66, 0.26, 0.46, 0.07, 0.16, p.obj(p.far, 0.3), 0.45)
	c.fog(0.3, 0.62, p.haze, 0.35)
	c.vgrad(0, 0.6*H, c.W, H, p.obj(mix(p.ground, p.haze, 0.4), 0.2), p.obj(p.ground, 0), 1)

	cloths := clothColours(p)
	const rows = 9
	flagRow := 3 + r.IntN(2)
	for row := range rows {
		t := float64(row) / (rows - 1)
		base := 0.6 + 0.48*math.Pow(t, 1.2)
		s := 0.1 + 0.4*math.Pow(t, 1.6)
		haze := (1 - t) * 0.5
		if row == flagRow {
			for range 2 + r.IntN(2) {
				fx := rf(r, 0.05, 0.95) * aspect * H
				fy := (base - s*0.4) * H
				top := fy - 0.42*H
				c.line(fx, fy, fx, top, 0.005*H, p.obj(wood, haze), 1)
				fw, fh := 0.16*H, 0.1*H
				// Plain banners in one colour, so no real flag is suggested.
				stripes := []rgb{p.accents[r.IntN(4)]}
				const slicesN = 12
				for k := range slicesN {
					t0, t1 := float64(k)/slicesN, float64(k+1)/slicesN
					w0 := math.Sin(t0*5) * 0.012 * H * t0
					w1 := math.Sin(t1*5) * 0.012 * H * t1
					for b, sc := range stripes {
						b0, b1 := float64(b)/float64(len(stripes)), float64(b+1)/float64(len(stripes))
						col := p.obj(sc, haze).scale(0.92 + 0.08*math.Cos(t0*5))
						c.poly([]pt{
							{fx + fw*t0, top + w0 + fh*b0}, {fx + fw*t1 + 0.5, top + w1 + fh*b0},
							{fx + fw*t1 + 0.5, top + w1 + fh*b1}, {fx + fw*t0, top + w0 + fh*b1},
						}, col, 1)
					}
				}
			}
		}
		for xh := -rf(r, 0, s*0.3); xh < aspect+s*0.3; xh += s * rf(r, 0.28, 0.4) {
			st := randomFigure(p, r, haze, cloths)
			if row > 0 && row < rows-2 && r.Float64() < 0.1 {
				st.placard = true
				st.sign = p.obj(mix(p.accents[4], white, 0.3), haze)
				st.signBand = p.obj(p.accents[r.IntN(4)], haze)
			}
			c.figure(xh*H, (base+rf(r, -0.03, 0.03)*s)*H, s*rf(r, 0.92, 1.06)*H, st)
		}
	}
}
