package server_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/testenv"
)

// BenchmarkCommentPost posts valid, distinct comments through the real
// router on SQLite, each from its own reader address, on the approved and
// the held path; every post must be answered 303 and stored. The plain
// cases post one at a time, so every comment is committed alone; the
// concurrent ones post from 64 goroutines, as bench/run's 64 connections
// do, so comments that arrive together are committed together. cpu-ms/op
// is what one post costs the machine; bench/run measures the same over HTTP.
//
//	go test ./internal/server -run '^$' -bench CommentPost
func BenchmarkCommentPost(b *testing.B) {
	for _, path := range []struct {
		name string
		rule comment.Moderation
		want comment.Status
	}{{"approved", comment.ApproveAll, comment.Approved}, {"held", comment.HoldAll, comment.Pending}} {
		for _, concurrent := range []bool{false, true} {
			name := path.name
			if concurrent {
				name += "-concurrent"
			}
			b.Run(name, func(b *testing.B) {
				st := storetest.OpenSQLite(b)
				a := newApp(b, st)
				ctx := context.Background()
				set, err := st.CommentSettings(ctx)
				if err != nil {
					b.Fatal(err)
				}
				set.Moderation = path.rule
				if err := st.SaveCommentSettings(ctx, set); err != nil {
					b.Fatal(err)
				}
				stories := a.open(b)
				before, _ := st.CommentCounts(ctx)
				var sent atomic.Int64
				cpu0 := testenv.CPUTime()
				post := func() error {
					n := sent.Add(1)
					form := a.commentForm(stories[n%int64(len(stories))], fmt.Sprintf("Reader %d", n), fmt.Sprintf("reader%d@example.org", n),
						fmt.Sprintf("Comment %d: the wheat harvest came in early this year.", n))
					addr := fmt.Sprintf("fd00::%x:%x", n>>16, n&0xffff)
					if res := a.postComment(b, form, addr); res.StatusCode != http.StatusSeeOther {
						return fmt.Errorf("post %d: status %d", n, res.StatusCode)
					}
					return nil
				}
				if concurrent {
					b.SetParallelism(32) // 64 posters on two cores
					b.RunParallel(func(pb *testing.PB) {
						for pb.Next() {
							if err := post(); err != nil {
								b.Error(err)
								return
							}
						}
					})
				} else {
					for b.Loop() {
						if err := post(); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.StopTimer()
				// Processor time of the whole process (handlers, the writer,
				// the garbage collector): on a shared machine, wall-clock
				// time per post also counts waiting for a core.
				b.ReportMetric(float64((testenv.CPUTime()-cpu0).Microseconds())/1000/float64(sent.Load()), "cpu-ms/op")
				after, _ := st.CommentCounts(ctx)
				if got, n := after[path.want]-before[path.want], int(sent.Load()); got != n {
					b.Fatalf("%d posts answered, %d stored as %s", n, got, path.want)
				}
			})
		}
	}
}
