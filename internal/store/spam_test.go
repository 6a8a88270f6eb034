package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

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
