package wordpress_test

import (
	"bufio"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// The size of the generated export; small by default so `go test ./...`
// stays quick. The README's figures come from
// go test ./internal/wordpress -run '^$' -bench Import -benchtime 1x -wxr.posts 100000 -wxr.comments 10
var (
	benchPosts    = flag.Int("wxr.posts", 200, "posts in the generated export of BenchmarkImport")
	benchComments = flag.Int("wxr.comments", 10, "comments per post in the generated export of BenchmarkImport")
)

// BenchmarkImport generates an export and imports it into a fresh SQLite
// database, reporting items per second and the process's peak memory.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	file := filepath.Join(dir, "export.xml")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := wordpress.Generate(f, wordpress.GenerateOptions{Posts: *benchPosts, CommentsPerPost: *benchComments}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	info, _ := os.Stat(file)
	b.Logf("generated %d posts, %d comments: %.1f MB", *benchPosts, *benchPosts**benchComments, float64(info.Size())/1e6)
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		st, err := store.Open(context.Background(), "", filepath.Join(dir, "db"+strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.Migrate(context.Background()); err != nil {
			b.Fatal(err)
		}
		bucket, _ := disk.New(filepath.Join(dir, "media"))
		in, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		r, err := wordpress.Import(context.Background(), st, bufio.NewReaderSize(in, 1<<16), wordpress.Options{Media: bucket})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		elapsed := time.Since(start)
		in.Close()
		st.Close()
		if got := r.Counts["comments"].Imported; got != *benchPosts**benchComments {
			b.Fatalf("imported %d comments, want %d", got, *benchPosts**benchComments)
		}
		items := float64(*benchPosts * (1 + *benchComments))
		b.ReportMetric(items/elapsed.Seconds(), "items/s")
		b.StartTimer()
	}
	b.StopTimer()
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-MB")
}

// peakRSS reads the process's peak resident memory from /proc (Linux); 0 elsewhere.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
