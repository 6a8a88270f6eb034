package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

var errRefused = errors.New("refused")

// TestGroupTx: many callers at once share transactions; each is answered
// with its own outcome, and the writes of a caller that failed, by its own
// choice or by a failed statement, are undone without touching the others'.
func TestGroupTx(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		if _, err := st.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: "taken", CreatedAt: t0}); err != nil {
			t.Fatal(err)
		}
		const callers = 40
		errs := make([]error, callers)
		var wg sync.WaitGroup
		for i := range callers {
			wg.Go(func() {
				errs[i] = st.GroupTx(ctx, func(tx *store.Store) error {
					if _, err := tx.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: fmt.Sprintf("word%d", i), CreatedAt: t0}); err != nil {
						return err
					}
					switch i % 4 {
					case 1: // refuses after writing
						return errRefused
					case 2: // a statement fails after a write (on PostgreSQL, the transaction is aborted)
						_, err := tx.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: "taken", CreatedAt: t0})
						return err
					}
					return nil
				})
			})
		}
		wg.Wait()
		want := map[string]bool{"taken": true}
		for i, err := range errs {
			switch i % 4 {
			case 1:
				if !errors.Is(err, errRefused) {
					t.Errorf("caller %d: err = %v, want its own", i, err)
				}
			case 2:
				if !errors.Is(err, spam.ErrConflict) {
					t.Errorf("caller %d: err = %v, want the conflict", i, err)
				}
			default:
				if err != nil {
					t.Errorf("caller %d: %v", i, err)
				}
				want[fmt.Sprintf("word%d", i)] = true
			}
		}
		list, err := st.SpamBlocklist(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, e := range list {
			got[e.Value] = true
		}
		if len(got) != len(want) {
			t.Errorf("stored %d entries, want %d", len(got), len(want))
		}
		for v := range want {
			if !got[v] {
				t.Errorf("%q was not stored", v)
			}
		}
		for v := range got {
			if !want[v] {
				t.Errorf("%q was stored by a caller that failed", v)
			}
		}

		// Inside InTx, GroupTx joins the open transaction and goes with it.
		err = st.InTx(ctx, func(tx *store.Store) error {
			if err := tx.GroupTx(ctx, func(tx *store.Store) error {
				_, err := tx.AddSpamEntry(ctx, spam.Entry{Kind: spam.Word, Value: "joined", CreatedAt: t0})
				return err
			}); err != nil {
				return err
			}
			return errRefused
		})
		if !errors.Is(err, errRefused) {
			t.Fatalf("InTx: %v", err)
		}
		// A caller who gave up before its turn is not run.
		gone, cancel := context.WithCancel(ctx)
		cancel()
		ran := false
		if err := st.GroupTx(gone, func(*store.Store) error { ran = true; return nil }); !errors.Is(err, context.Canceled) || ran {
			t.Errorf("cancelled caller: err = %v, ran = %v", err, ran)
		}
		if list, _ := st.SpamBlocklist(ctx); len(list) != len(want) {
			t.Errorf("after the rolled back InTx and the cancelled caller: %d entries, want %d", len(list), len(want))
		}

		st.Close()
		if err := st.GroupTx(ctx, func(*store.Store) error { return nil }); !errors.Is(err, store.ErrClosed) {
			t.Errorf("closed store: err = %v, want ErrClosed", err)
		}
	})
}

// TestCommentChecks: what a comment's rules read in one statement each.
func TestCommentChecks(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		id := openStory(t, st, "Wheat")
		a, err := st.CommentTarget(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID != id || a.Slug != "wheat" || a.Status != article.Published || !a.CommentsOpen || !a.PublishedAt.Equal(t0) ||
			!a.TrashedAt.IsZero() || a.Body != "" || len(a.Authors) != 0 {
			t.Errorf("CommentTarget = %+v", a)
		}
		if _, err := st.CommentTarget(ctx, id+1000); !errors.Is(err, article.ErrNotFound) {
			t.Errorf("CommentTarget of no story: err = %v", err)
		}

		add := func(email, client, body string, at time.Time) {
			t.Helper()
			c := comment.Comment{ArticleID: id, Depth: 1, AuthorName: "R", AuthorEmail: email, Body: body, ClientHash: client,
				Status: comment.Approved, CreatedAt: at, UpdatedAt: at}
			if _, err := st.CreateComment(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		now := t0.Add(48 * time.Hour)
		add("mina@example.org", "h1", "Old.", now.Add(-2*time.Hour))
		add("mina@example.org", "h2", "Half an hour ago.", now.Add(-30*time.Minute))
		add("mina@example.org", "h1", "Just now.", now.Add(-10*time.Second))
		add("tom@example.org", "h1", "Tom's.", now.Add(-20*time.Second))
		add("anon@example.org", "", "No address kept.", now.Add(-5*time.Second))
		q := comment.HistoryQuery{ClientHash: "h1", Email: "mina@example.org", Since: [2]time.Time{now.Add(-time.Minute), now.Add(-time.Hour)},
			ArticleID: id, Body: "Half an hour ago.", DuplicateSince: now.Add(-24 * time.Hour)}
		h, err := st.CommenterHistory(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if want := (comment.History{ByClient: [2]int{2, 2}, ByEmail: [2]int{1, 2}, Duplicate: true}); h != want {
			t.Errorf("CommenterHistory = %+v, want %+v", h, want)
		}
		q.ClientHash, q.Body = "", "Something new."
		if h, err = st.CommenterHistory(ctx, q); err != nil || h != (comment.History{ByEmail: [2]int{1, 2}}) {
			t.Errorf("without a client address, new text: %+v, %v", h, err)
		}

		if tz, err := st.SiteTimeZone(ctx); err != nil || tz != settings.Defaults().TimeZone {
			t.Errorf("SiteTimeZone before any is set = %q, %v", tz, err)
		}
		site := settings.Defaults()
		site.TimeZone = "Asia/Kabul"
		if err := st.SaveSite(ctx, site); err != nil {
			t.Fatal(err)
		}
		if tz, err := st.SiteTimeZone(ctx); err != nil || tz != "Asia/Kabul" {
			t.Errorf("SiteTimeZone = %q, %v", tz, err)
		}
	})
}
