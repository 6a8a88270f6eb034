package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

func TestImportComments(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		id := openStory(t, st, "Wheat")
		in := []comment.Comment{
			{ArticleID: id, Depth: 1, AuthorName: "Mina", AuthorEmail: "mina@example.org", Body: "First.",
				Status: comment.Approved, CreatedAt: t0, UpdatedAt: t0},
			{ArticleID: id, Depth: 1, AuthorName: "Tom", AuthorEmail: "tom@example.org", AuthorURL: "https://tom.example.org",
				Body: "Held.", Status: comment.Pending, ClientHash: "abc", SpamScore: 0.5, Reason: "first comment from this email",
				CreatedAt: t0.Add(time.Minute), UpdatedAt: t0.Add(2 * time.Minute)},
		}
		if err := st.ImportComments(ctx, in); err != nil {
			t.Fatal(err)
		}
		got, err := st.ListComments(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(in, got, cmpopts.IgnoreFields(comment.Comment{}, "ID")); diff != "" {
			t.Errorf("imported comments differ (-want +got):\n%s", diff)
		}

		// A row that cannot be stored leaves none of its batch behind.
		bad := []comment.Comment{in[0], {ArticleID: id + 1000, Depth: 1, AuthorName: "X", AuthorEmail: "x@example.org",
			Body: "No such story.", Status: comment.Approved, CreatedAt: t0, UpdatedAt: t0}}
		bad[0].Body = "Would be third."
		if err := st.ImportComments(ctx, bad); err == nil {
			t.Fatal("import with a missing story succeeded")
		}
		if got, _ := st.ListComments(ctx, id); len(got) != 2 {
			t.Errorf("after a failed import the story has %d comments, want 2", len(got))
		}
	})
}

func TestInsertCommentsWithReservedIDs(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		id := openStory(t, st, "Rain")
		first, err := st.CreateComment(ctx, comment.Comment{ArticleID: id, Depth: 1, AuthorName: "Mina",
			AuthorEmail: "mina@example.org", Body: "Before.", Status: comment.Approved, CreatedAt: t0, UpdatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		// More than one statement's worth, in two reservations, each reply
		// right after its parent.
		var written []comment.Comment
		err = st.InTx(ctx, func(tx *store.Store) error {
			for range 2 {
				ids, err := tx.ReserveCommentIDs(ctx, 300)
				if err != nil {
					return err
				}
				var list []comment.Comment
				for i, cid := range ids {
					c := comment.Comment{ID: cid, ArticleID: id, Depth: 1, AuthorName: "Reader", AuthorEmail: "r@example.org",
						Body: "Comment " + strconv.Itoa(i), Status: comment.Approved, CreatedAt: t0, UpdatedAt: t0}
					if i%2 == 1 {
						c.ParentID, c.Depth = ids[i-1], 2
					}
					list = append(list, c)
				}
				if err := tx.InsertComments(ctx, list); err != nil {
					return err
				}
				written = append(written, list...)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{first: true}
		for _, c := range written {
			if seen[c.ID] {
				t.Fatalf("id %d given twice", c.ID)
			}
			seen[c.ID] = true
		}
		got, err := st.ListComments(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 601 {
			t.Fatalf("%d comments, want 601", len(got))
		}
		byID := map[int64]comment.Comment{}
		for _, c := range got {
			byID[c.ID] = c
		}
		for _, w := range written {
			if diff := cmp.Diff(w, byID[w.ID]); diff != "" {
				t.Fatalf("comment %d differs (-want +got):\n%s", w.ID, diff)
			}
		}
		// Comments made afterwards get ids of their own.
		next, err := st.CreateComment(ctx, comment.Comment{ArticleID: id, Depth: 1, AuthorName: "Tom",
			AuthorEmail: "tom@example.org", Body: "After.", Status: comment.Approved, CreatedAt: t0, UpdatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		if seen[next] {
			t.Errorf("a new comment got the imported id %d", next)
		}

		// Outside a transaction there is nothing to reserve in.
		if _, err := st.ReserveCommentIDs(ctx, 1); err == nil {
			t.Error("reserving ids outside a transaction succeeded")
		}
	})
}
