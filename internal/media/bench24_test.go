//go:build linux

package media

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/testenv"
)

// BenchmarkProcess24MP makes every version of a 24-megapixel (6000 × 4000)
// camera-like JPEG and reports, besides the time, two memory figures:
// peak-rss-MB, the process's highest resident set while processing (VmHWM,
// reset before each run, so the benchmark's own 24 MP source picture, held
// as a JPEG file, is included but its pixels are not), and heap-sys-MB, the
// most the Go heap obtained from the system; and cpu-s/op, the CPU time
// the process spent (user and system, all threads), which on a shared,
// busy machine says more than the wall-clock ns/op.
func BenchmarkProcess24MP(b *testing.B) {
	in := synthetic24MP(b)
	for _, c := range []struct {
		name string
		opts Options
	}{{"jpeg+webp", Options{}}, {"jpeg-only", Options{SkipWebP: true}}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			var peakRSS, heapSys uint64
			var cpu time.Duration
			for b.Loop() {
				runtime.GC()
				debug.FreeOSMemory()
				resetPeakRSS()
				before := testenv.CPUTime()
				if _, err := Process(context.Background(), bytes.NewReader(in), c.opts); err != nil {
					b.Fatal(err)
				}
				cpu += testenv.CPUTime() - before
				peakRSS = max(peakRSS, readPeakRSS())
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heapSys = max(heapSys, ms.HeapSys)
			}
			if peakRSS > 0 {
				b.ReportMetric(float64(peakRSS)/(1<<20), "peak-rss-MB")
			}
			b.ReportMetric(float64(heapSys)/(1<<20), "heap-sys-MB")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}

// synthetic24MP draws smooth gradients with noise, which compresses like a
// photo (about 2 bits a pixel at quality 92), and encodes it as a camera would.
func synthetic24MP(b *testing.B) []byte {
	b.Helper()
	const w, h = 6000, 4000
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	rng := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		for x := range w {
			img.Y[y*img.YStride+x] = uint8((x*255/w+y*128/h)/2 + rng.IntN(24))
		}
	}
	for y := range h / 2 {
		for x := range w / 2 {
			i := y*img.CStride + x
			img.Cb[i] = uint8(96 + x*64/(w/2))
			img.Cr[i] = uint8(160 - y*64/(h/2))
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 92}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// resetPeakRSS sets VmHWM back to the current resident set (Linux).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func readPeakRSS() uint64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}
