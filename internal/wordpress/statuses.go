package wordpress

import (
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
)

// storyState is what a WordPress post status (and password) becomes.
type storyState struct {
	Status  article.Status
	Review  article.ReviewState
	Warning string // why the story did not keep its WordPress visibility
}

// postState maps a post's status. Nothing that was hidden in WordPress
// becomes public: a password-protected post comes in unpublished, a
// private one as a draft; both with a warning so an editor decides.
func postState(status, password string) storyState {
	if password != "" && (status == "publish" || status == "future") {
		return storyState{Status: article.Unpublished,
			Warning: "was password-protected in WordPress; imported unpublished (Dateline has no passwords on stories): publish it from the desk if it may be public"}
	}
	switch status {
	case "publish":
		return storyState{Status: article.Published}
	case "future":
		return storyState{Status: article.Scheduled}
	case "pending":
		return storyState{Status: article.Draft, Review: article.Submitted}
	case "private":
		return storyState{Status: article.Draft, Warning: "was private in WordPress; imported as a draft"}
	case "draft", "auto-draft":
		return storyState{Status: article.Draft}
	case "trash":
		return storyState{Status: article.Draft, Warning: "was in WordPress's trash; imported as a draft"}
	}
	return storyState{Status: article.Draft, Warning: "has the unknown status " + quote(status) + "; imported as a draft"}
}

// commentStatus maps wp:comment_approved.
func commentStatus(approved string) (comment.Status, bool) {
	switch approved {
	case "1", "approve", "approved":
		return comment.Approved, true
	case "0", "hold":
		return comment.Pending, true
	case "spam":
		return comment.Spam, true
	case "trash", "post-trashed":
		return comment.Trash, true
	}
	return comment.Pending, false
}

// wpTime is the layout of WordPress's dates.
const wpTime = "2006-01-02 15:04:05"

// itemTime reads a date from its GMT field; when that is WordPress's zero
// date (drafts and pending posts), from the local field in the site's time
// zone. ok is false when neither is usable.
func itemTime(gmt, local string, loc *time.Location) (time.Time, bool) {
	gmt, local = strings.TrimSpace(gmt), strings.TrimSpace(local)
	if gmt != "" && !strings.HasPrefix(gmt, "0000-00-00") {
		if t, err := time.ParseInLocation(wpTime, gmt, time.UTC); err == nil {
			return t, true
		}
	}
	if local != "" && !strings.HasPrefix(local, "0000-00-00") {
		if t, err := time.ParseInLocation(wpTime, local, loc); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func quote(s string) string { return "“" + s + "”" }
