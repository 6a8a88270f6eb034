// Command comments sets the comment moderation rule of a benchmark
// database and prints how many comments it holds, by status. bench/run
// uses it to choose the approved or the held path for comment posts, and
// to count the rows that reached the database after a run.
//
//	go run ./bench/comments --data DIR [--moderation none|all|first]
//
// It prints one line: "approved=N pending=N spam=N trash=N total=N".
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "comments:", err)
		os.Exit(1)
	}
}

func run() error {
	data := flag.String("data", "", "folder of the SQLite database")
	moderation := flag.String("moderation", "", `set the moderation rule first: "none" (approve all), "all" (hold all) or "first"`)
	flag.Parse()
	if *data == "" {
		return fmt.Errorf("--data is required")
	}
	ctx := context.Background()
	st, err := store.Open(ctx, "", *data)
	if err != nil {
		return err
	}
	defer st.Close()
	if *moderation != "" {
		if err := setModeration(ctx, st, comment.Moderation(*moderation)); err != nil {
			return err
		}
	}
	counts, err := st.CommentCounts(ctx)
	if err != nil {
		return err
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	fmt.Printf("approved=%d pending=%d spam=%d trash=%d total=%d\n",
		counts[comment.Approved], counts[comment.Pending], counts[comment.Spam], counts[comment.Trash], total)
	return nil
}

// setModeration changes only the moderation rule, keeping the others.
func setModeration(ctx context.Context, st *store.Store, m comment.Moderation) error {
	switch m {
	case comment.ApproveAll, comment.HoldAll, comment.HoldFirst:
	default:
		return fmt.Errorf("--moderation %q: use none, all or first", m)
	}
	set, err := st.CommentSettings(ctx)
	if err != nil {
		return err
	}
	set.Moderation = m
	return st.SaveCommentSettings(ctx, set)
}
