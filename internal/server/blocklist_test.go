package server_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

// TestBlocklist: editors add words and address ranges; matching comments
// go to the spam folder; bad entries are refused with the input kept.
func TestBlocklist(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		editor := a.signIn(t, people.Editor)
		add := func(kind, value string) int {
			return editor.post(t, "/admin/comments/blocklist", url.Values{"kind": {kind}, "value": {value}, "note": {"test"}}).StatusCode
		}
		if got := add("word", "miracle pills"); got != 303 {
			t.Fatalf("add word: %d", got)
		}
		if got := add("network", "198.51.100.0/24"); got != 303 {
			t.Fatalf("add network: %d", got)
		}
		res := editor.post(t, "/admin/comments/blocklist", url.Values{"kind": {"network"}, "value": {"not-a-range"}})
		if page := body(t, res); res.StatusCode != 422 || !strings.Contains(page, "not-a-range") {
			t.Errorf("bad range: %d", res.StatusCode)
		}
		if got := add("word", "miracle pills"); got != 409 {
			t.Errorf("duplicate entry: %d, want 409", got)
		}
		story := a.open(t)[0]
		c := a.commentByLocation(t, a.postComment(t, a.commentForm(story, "Seller", "seller@example.org", "Try our Miracle Pills today"), "192.0.2.99"))
		if c.Status != comment.Spam || !strings.Contains(c.Reason, "blocklist") {
			t.Errorf("blocked word: %s (%s)", c.Status, c.Reason)
		}
		c = a.commentByLocation(t, a.postComment(t, a.commentForm(story, "Someone", "someone@example.org", "An ordinary remark."), "198.51.100.7"))
		if c.Status != comment.Spam {
			t.Errorf("blocked address range: %s", c.Status)
		}
		if page := body(t, editor.get(t, "/admin/comments/blocklist")); !strings.Contains(page, "miracle pills") {
			t.Error("blocklist page lacks the entry")
		}
		contributor := a.signIn(t, people.Contributor)
		if res := contributor.get(t, "/admin/comments/blocklist"); res.StatusCode != 403 {
			t.Errorf("contributor sees the blocklist: %d", res.StatusCode)
		}
	})
}
