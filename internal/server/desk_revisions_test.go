package server_test

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestRevisions: every save is kept with who and when; two revisions can be
// compared word by word, and an old one restored.
func TestRevisions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		editor := a.signIn(t, people.Editor)
		f := a.storyForm(t, "Flood warnings in Bamyan")
		f.Set("body", "Sirens were tested on Monday.\n\nThe council met.")
		id := editor.create(t, f)
		sid := strconv.FormatInt(id, 10)
		editor.edit(t, id, "save", func(f url.Values) {
			f.Set("body", "Sirens were tested on Tuesday.\n\nThe council met.\n\nA new paragraph.")
		})

		page := body(t, editor.get(t, "/admin/stories/"+sid+"/revisions"))
		for _, want := range []string{"<del>Monday</del>", "<ins>Tuesday</ins>", "A new paragraph.", "Version 1 → version 2", "editor.desk"} {
			if !strings.Contains(page, want) {
				t.Errorf("revisions page lacks %q", want)
			}
		}
		revs, err := st.ListRevisions(context.Background(), id)
		if err != nil || len(revs) != 2 {
			t.Fatalf("revisions: %d, %v", len(revs), err)
		}
		if revs[0].UserID != editor.user.ID || revs[0].CreatedAt.IsZero() {
			t.Errorf("newest revision by user %d at %v", revs[0].UserID, revs[0].CreatedAt)
		}
		oldest := strconv.FormatInt(revs[1].ID, 10)
		if res := editor.get(t, "/admin/stories/"+sid+"/revisions?from=999999"); res.StatusCode != 400 {
			t.Errorf("unknown revision: %d, want 400", res.StatusCode)
		}
		contributor := a.signIn(t, people.Contributor)
		if res := contributor.post(t, "/admin/stories/"+sid+"/revisions/"+oldest+"/restore", nil); res.StatusCode != 403 {
			t.Errorf("contributor restoring an editor's story: %d, want 403", res.StatusCode)
		}
		if res := editor.post(t, "/admin/stories/"+sid+"/revisions/"+oldest+"/restore", nil); res.StatusCode != 303 {
			t.Fatalf("restore: %d", res.StatusCode)
		}
		got := a.story(t, id)
		if got.Body != "Sirens were tested on Monday.\n\nThe council met." || got.Version != 3 {
			t.Errorf("after restore: version %d, body %q", got.Version, got.Body)
		}
	})
}

// TestAutosaveCollapses: autosaves by one user keep one revision, updated.
func TestAutosaveCollapses(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	editor := a.signIn(t, people.Editor)
	id := editor.create(t, a.storyForm(t, "Autosaved"))
	for i := range 3 {
		res := editor.edit(t, id, "autosave", func(f url.Values) { f.Set("body", "Draft "+strconv.Itoa(i)) })
		if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, `"version"`) {
			t.Fatalf("autosave %d: %d %s", i, res.StatusCode, b)
		}
	}
	revs, _ := a.st.ListRevisions(context.Background(), id)
	if len(revs) != 2 || revs[0].Body != "Draft 2" || !revs[0].Autosave {
		t.Errorf("revisions after three autosaves: %d, newest %q", len(revs), revs[0].Body)
	}
}
