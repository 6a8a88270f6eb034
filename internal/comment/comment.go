// Package comment holds reader comments: the form's rules, threading,
// moderation and the rules that keep spam out and commenters' emails private.
package comment

import (
	"errors"
	"time"
)

// Errors callers branch on.
var (
	ErrNotFound = errors.New("comment not found")
	ErrClosed   = errors.New("comments are closed on this story")
	ErrNoStory  = errors.New("no such story")
)

// Status is where a comment is in moderation.
type Status string

// The moderation statuses.
const (
	Pending  Status = "pending"
	Approved Status = "approved"
	Spam     Status = "spam"
	Trash    Status = "trash"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case Pending, Approved, Spam, Trash:
		return true
	}
	return false
}

// MaxDepth is how deep replies nest; a reply to a comment at this depth
// joins its parent's level instead of nesting further.
const MaxDepth = 5

// Comment is one reader's (or the newsroom's) comment on a story.
type Comment struct {
	ID          int64
	ArticleID   int64
	ParentID    int64 // 0 for a top-level comment
	Depth       int   // 1 for top level
	AuthorName  string
	AuthorEmail string // never shown publicly
	AuthorURL   string
	Body        string // as typed; rendered by sanitize.Comment
	Status      Status
	FromStaff   bool  // a reply from the newsroom
	UserID      int64 // the staff member, for staff replies
	ClientHash  string
	SpamScore   float64
	Reason      string // why it was held or marked spam, for moderators
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Moderation is the site's rule for new comments.
type Moderation string

// The moderation rules.
const (
	HoldFirst  Moderation = "first" // hold a commenter's first comment; later ones appear at once
	HoldAll    Moderation = "all"
	ApproveAll Moderation = "none"
)

// Settings are the site's comment settings.
type Settings struct {
	Moderation     Moderation
	CloseAfterDays int // 0: comments stay open
	RetentionDays  int // how long client-address hashes are kept
	MaxLinks       int // more links than this hold a comment
}

// DefaultSettings are used until the newsroom changes them.
func DefaultSettings() Settings {
	return Settings{Moderation: HoldFirst, RetentionDays: 30, MaxLinks: 2}
}

// QueueFilter selects comments for the moderation queue.
type QueueFilter struct {
	Status    Status
	ArticleID int64
	Query     string // in the text, name or email
	Limit     int
	Offset    int
}

// FeedItem is an approved comment with the story it belongs to, for feeds.
type FeedItem struct {
	Comment
	Headline    string
	Slug        string
	PublishedAt time.Time // the story's
}
