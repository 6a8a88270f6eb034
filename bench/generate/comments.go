package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
)

// comments creates n comments: exactly 40 approved ones on the measured
// story, some of them replies, and the rest spread over the other stories,
// most approved, some held or spam, as a moderated site collects them.
// They are written story by story, as they would have arrived, so the
// index on (story, status, time) grows at its end.
func (g *generator) comments(ctx context.Context, n int) error {
	err := g.st.InTx(ctx, func(tx *store.Store) error { return g.measuredThread(ctx, tx) })
	if err != nil {
		return err
	}
	counts := g.commentCounts(n - measuredComments)
	pending, written := make([]comment.Comment, 0, batch), 0
	for j, k := range counts {
		story := g.first + int64(j)
		for range k {
			pending = append(pending, g.otherComment(written, story))
			written++
		}
		if len(pending) >= batch || j == len(counts)-1 {
			if err := g.st.ImportComments(ctx, pending); err != nil {
				return err
			}
			pending = pending[:0]
			fmt.Fprintf(os.Stderr, "\rcomments: %d/%d", written, n-measuredComments)
		}
	}
	fmt.Fprintln(os.Stderr)
	return nil
}

// commentCounts gives each story but the measured one a random number of
// comments, from none to twice the average, adding up to exactly n.
func (g *generator) commentCounts(n int) []int {
	r := g.text.rng
	counts := make([]int, g.measured-g.first)
	avg, total := n/len(counts), 0
	for j := range counts {
		counts[j] = r.IntN(2*avg + 1)
		total += counts[j]
	}
	for total < n {
		counts[r.IntN(len(counts))]++
		total++
	}
	for total > n {
		if j := r.IntN(len(counts)); counts[j] > 0 {
			counts[j]--
			total--
		}
	}
	return counts
}

// measuredThread writes the measured story's 40 approved comments; every
// fourth is a reply to the one before, so the page shows threads.
func (g *generator) measuredThread(ctx context.Context, tx *store.Store) error {
	var prev comment.Comment
	for i := range measuredComments {
		c := g.reader(i, g.measured, g.now.Add(-time.Duration(measuredComments-i)*time.Second))
		c.Status = comment.Approved
		if i%4 == 3 {
			c.ParentID, c.Depth = prev.ID, prev.Depth+1
		}
		id, err := tx.CreateComment(ctx, c)
		if err != nil {
			return fmt.Errorf("measured comment %d: %w", i, err)
		}
		c.ID, prev = id, c
	}
	return nil
}

// otherComment is the i-th comment, on a story other than the measured one.
func (g *generator) otherComment(i int, story int64) comment.Comment {
	r := g.text.rng
	c := g.reader(i+measuredComments, story, g.now.Add(-time.Hour-time.Duration(r.Int64N(int64(30*24*time.Hour)))))
	switch p := r.IntN(100); {
	case p < 90:
		c.Status = comment.Approved
	case p < 97:
		c.Status, c.Reason = comment.Pending, "first comment from this email"
	default:
		c.Status, c.Reason = comment.Spam, "filled the hidden field"
	}
	return c
}

// reader returns a top-level comment by the k-th reader of a pool of
// 50,000, so emails repeat as regular commenters' do.
func (g *generator) reader(k int, story int64, at time.Time) comment.Comment {
	who := k % 50_000
	return comment.Comment{ArticleID: story, Depth: 1, AuthorName: fmt.Sprintf("Reader %d", who),
		AuthorEmail: fmt.Sprintf("reader%d@example.org", who), Body: g.text.paragraphs(1 + g.text.rng.IntN(2)),
		CreatedAt: at, UpdatedAt: at}
}
