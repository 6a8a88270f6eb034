package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

func TestImportComments(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, _, a1, _ := newsroom(t, st)
		id, err := st.CreateArticle(ctx, article.Input{Headline: "Wheat", Slug: "wheat", SectionID: world, AuthorIDs: []int64{a1},
			Language: "en", Status: article.Published, CommentsOpen: true, PublishedAt: t0}, t0)
		if err != nil {
			t.Fatal(err)
		}
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
