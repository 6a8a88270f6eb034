package server_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// BenchmarkCommentPost posts valid, distinct comments through the real
// router on SQLite, each from its own reader address, on the approved and
// the held path; every post must be answered 303 and stored. bench/run
// measures the same over HTTP under concurrent load.
//
//	go test ./internal/server -run '^$' -bench CommentPost
func BenchmarkCommentPost(b *testing.B) {
	for _, path := range []struct {
		name string
		rule comment.Moderation
		want comment.Status
	}{{"approved", comment.ApproveAll, comment.Approved}, {"held", comment.HoldAll, comment.Pending}} {
		b.Run(path.name, func(b *testing.B) {
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
			n := 0
			for b.Loop() {
				n++
				form := a.commentForm(stories[n%len(stories)], fmt.Sprintf("Reader %d", n), fmt.Sprintf("reader%d@example.org", n),
					fmt.Sprintf("Comment %d: the wheat harvest came in early this year.", n))
				addr := fmt.Sprintf("fd00::%x:%x", n>>16, n&0xffff)
				if res := a.postComment(b, form, addr); res.StatusCode != http.StatusSeeOther {
					b.Fatalf("post %d: status %d", n, res.StatusCode)
				}
			}
			b.StopTimer()
			after, _ := st.CommentCounts(ctx)
			if got := after[path.want] - before[path.want]; got != n {
				b.Fatalf("%d posts answered, %d stored as %s", n, got, path.want)
			}
		})
	}
}
