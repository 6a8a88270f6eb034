package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

func TestSpamBlocklist(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		first, err := st.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: "cialis", Note: "pharmacy", CreatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddSpamEntry(ctx, spam.Entry{Kind: spam.Network, Value: "2001:db8::/32", CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		// The same value under another kind is another entry.
		if _, err := st.AddSpamEntry(ctx, spam.Entry{Kind: spam.URL, Value: "cialis", CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: "cialis", CreatedAt: t0}); !errors.Is(err, spam.ErrConflict) {
			t.Errorf("duplicate: err = %v, want spam.ErrConflict", err)
		}
		if _, err := st.AddSpamEntry(ctx, spam.Entry{Kind: "regex", Value: "x", CreatedAt: t0}); err == nil {
			t.Error("unknown kind stored; want the CHECK constraint to refuse it")
		}

		list, err := st.SpamBlocklist(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || list[0] != (spam.Entry{ID: first, Kind: spam.Word, Value: "cialis", Note: "pharmacy", CreatedAt: t0}) ||
			list[1].Kind != spam.Network || list[2].Kind != spam.URL {
			t.Fatalf("SpamBlocklist = %+v", list)
		}
		if err := st.DeleteSpamEntry(ctx, first); err != nil {
			t.Fatal(err)
		}
		if err := st.DeleteSpamEntry(ctx, first); !errors.Is(err, spam.ErrNotFound) {
			t.Errorf("delete twice: err = %v, want spam.ErrNotFound", err)
		}
		if list, _ := st.SpamBlocklist(ctx); len(list) != 2 {
			t.Errorf("after delete: %+v", list)
		}
	})
}

func TestLearnSpam(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		// More tokens than one statement takes, and a repeat that counts once.
		many := []string{"casino", "casino"}
		for i := range 600 {
			many = append(many, fmt.Sprintf("t%03d", i))
		}
		if err := st.LearnSpam(ctx, many, true); err != nil {
			t.Fatal(err)
		}
		if err := st.LearnSpam(ctx, []string{"casino", "herat"}, false); err != nil {
			t.Fatal(err)
		}
		counts, err := st.SpamTokenCounts(ctx, append(many, "herat", "unseen"))
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != 602 || counts["casino"] != (spam.Counts{Spam: 1, Ham: 1}) ||
			counts["t599"] != (spam.Counts{Spam: 1}) || counts["herat"] != (spam.Counts{Ham: 1}) {
			t.Errorf("SpamTokenCounts: %d tokens, casino %+v, t599 %+v, herat %+v",
				len(counts), counts["casino"], counts["t599"], counts["herat"])
		}
		if totals, err := st.SpamTotals(ctx); err != nil || totals != (spam.Counts{Spam: 1, Ham: 1}) {
			t.Errorf("SpamTotals = %+v, %v", totals, err)
		}
	})
}

// Two moderators deciding at once must not lose each other's counts.
func TestLearnSpamConcurrently(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		const rounds = 40
		shared := []string{"free", "news", "kabul", "bonus", "report"}
		var wg sync.WaitGroup
		errs := make(chan error, 2*rounds)
		for _, isSpam := range []bool{true, false} {
			wg.Go(func() {
				for i := range rounds {
					// Tokens of their own too, written in between the shared ones.
					tokens := append([]string{fmt.Sprintf("own%v%d", isSpam, i)}, shared...)
					errs <- st.LearnSpam(ctx, tokens, isSpam)
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		counts, err := st.SpamTokenCounts(ctx, shared)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range shared {
			if counts[tok] != (spam.Counts{Spam: rounds, Ham: rounds}) {
				t.Errorf("%s: %+v, want %d of each", tok, counts[tok], rounds)
			}
		}
		if totals, err := st.SpamTotals(ctx); err != nil || totals != (spam.Counts{Spam: rounds, Ham: rounds}) {
			t.Errorf("SpamTotals = %+v, %v", totals, err)
		}
	})
}

// TestLearnCommentOnce: a moderator's decision about a comment counts once
// however often it is taken, and a reversed one moves the comment's words
// to the other side instead of counting them on both.
func TestLearnCommentOnce(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		id := openStory(t, st, "Rain")
		cid, err := st.CreateComment(ctx, comment.Comment{ArticleID: id, Depth: 1, AuthorName: "Win", AuthorEmail: "w@example.org",
			Body: "Cheap casino bonus.", Status: comment.Pending, CreatedAt: t0, UpdatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		tokens := []string{"cheap", "casino", "bonus"}
		check := func(step string, want spam.Counts, wantChanged, changed bool, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			if changed != wantChanged {
				t.Errorf("%s: changed = %v, want %v", step, changed, wantChanged)
			}
			totals, err := st.SpamTotals(ctx)
			if err != nil || totals != want {
				t.Errorf("%s: totals %+v, %v; want %+v", step, totals, err, want)
			}
			counts, err := st.SpamTokenCounts(ctx, tokens)
			if err != nil || counts["casino"] != want {
				t.Errorf("%s: casino counted %+v, %v; want %+v", step, counts["casino"], err, want)
			}
		}
		changed, err := st.LearnComment(ctx, cid, tokens, true)
		check("spam", spam.Counts{Spam: 1}, true, changed, err)
		changed, err = st.LearnComment(ctx, cid, tokens, true)
		check("spam again", spam.Counts{Spam: 1}, false, changed, err)
		changed, err = st.LearnComment(ctx, cid, tokens, false)
		check("not spam after all", spam.Counts{Ham: 1}, true, changed, err)
		if _, err := st.LearnComment(ctx, cid+1000, tokens, true); !errors.Is(err, comment.ErrNotFound) {
			t.Errorf("unknown comment: %v", err)
		}
	})
}
