// Package article is the heart of the newsroom: stories, their statuses and
// the rules for when a reader may see them.
package article

import (
	"errors"
	"fmt"
	"time"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
)

var (
	// ErrNotFound is returned when no article or tag matches.
	ErrNotFound = errors.New("article not found")
	// ErrGone is returned for an article that was published and then taken down.
	ErrGone = errors.New("article unpublished")
	// ErrConflict is returned when a slug is already taken.
	ErrConflict = errors.New("slug already taken")
)

// Status is where a story is in its life.
type Status string

// The statuses of a story.
const (
	Draft       Status = "draft"
	Scheduled   Status = "scheduled" // published automatically at PublishedAt
	Published   Status = "published"
	Unpublished Status = "unpublished" // was public, taken down: its URL answers 410
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	switch s {
	case Draft, Scheduled, Published, Unpublished:
		return true
	}
	return false
}

// Article is a story as stored and shown.
type Article struct {
	ID            int64
	Slug          string
	Headline      string
	Standfirst    string
	Body          string // Markdown
	Section       section.Section
	Tags          []Tag
	Authors       []people.Author // in byline order
	Dateline      string          // place the story was filed from
	Language      string          // BCP 47 tag
	Status        Status
	Lead          bool // pinned as the front page's lead story
	CommentsOpen  bool
	FeaturedImage *media.Image // nil when the story has none
	PublishedAt   time.Time    // zero until first published or scheduled
	CreatedAt     time.Time
	UpdatedAt     time.Time

	// The desk's bookkeeping.
	Version      int         // goes up by one with every save; guards against overwriting
	ReviewState  ReviewState // where a contributor's draft is in review
	ReviewNote   string      // the editor's note when sending a draft back
	CreatedBy    int64       // staff user who created the story; 0 if unknown
	TrashedAt    time.Time   // zero unless in the trash
	PreviewToken string      // secret part of the private preview URL
	CommentCount int         // approved reader comments
	Corrections  []Correction
}

// ReviewState is where a draft is between a contributor and an editor.
type ReviewState string

// The review states.
const (
	NotInReview ReviewState = ""
	Submitted   ReviewState = "submitted" // ready for review
	Returned    ReviewState = "returned"  // sent back with a note
)

// CorrectionKind tells a correction (we got something wrong) from an update
// (the story moved on).
type CorrectionKind string

// The kinds of public notes on a story.
const (
	KindCorrection CorrectionKind = "correction"
	KindUpdate     CorrectionKind = "update"
)

// Correction is a dated public note on a published story.
type Correction struct {
	ID        int64
	Kind      CorrectionKind
	Body      string
	CreatedAt time.Time
}

// Path is the article's dated URL path, with the date in the site's time zone.
func (a Article) Path(loc *time.Location) string {
	return DatedPath(a.PublishedAt.In(loc), a.Slug)
}

// DatedPath builds /2026/11/25/slug/.
func DatedPath(t time.Time, slug string) string {
	return fmt.Sprintf("/%04d/%02d/%02d/%s/", t.Year(), int(t.Month()), t.Day(), slug)
}

// Visible reports whether readers may see the article at time now.
func (a Article) Visible(now time.Time) bool {
	return a.Status == Published && !a.PublishedAt.IsZero() && !a.PublishedAt.After(now) && a.TrashedAt.IsZero()
}

// Tag is a keyword that groups stories across sections.
type Tag struct {
	ID   int64
	Slug string
	Name string
}

// Path is the tag archive's URL path.
func (t Tag) Path() string { return "/tag/" + t.Slug + "/" }

// Input is what an editor sets on a story; the store fills in the rest.
type Input struct {
	Headline        string
	Standfirst      string
	Body            string
	Slug            string // empty: derived from the headline
	SectionID       int64
	TagNames        []string // tags are created on the fly
	AuthorIDs       []int64  // byline order
	Dateline        string
	Language        string
	Status          Status
	Lead            bool
	CommentsOpen    bool
	FeaturedMediaID int64 // 0: none
	PublishedAt     time.Time

	// Who is saving, and which version they started from: a save over a
	// version someone else has saved since is refused, not merged.
	UserID          int64
	ExpectedVersion int  // 0: do not check
	Autosave        bool // an autosave replaces the user's previous autosave revision
	ReviewState     ReviewState
	ReviewNote      string
}

// Filter selects visible articles for fronts and archives. Zero fields do not filter.
type Filter struct {
	Now        time.Time // only articles published at or before Now
	SectionID  int64
	TagID      int64
	AuthorID   int64
	ExcludeIDs []int64 // stories already shown elsewhere on the page
	LeadOnly   bool
	Since      time.Time // published at or after; zero: no bound
	Before     time.Time // published before; zero: no bound
	Limit      int
	Offset     int
}

// ErrVersionConflict is returned when a story was saved by someone else
// after the editor opened it.
var ErrVersionConflict = errors.New("story changed since it was opened")

// Revision is one saved version of a story, kept whole.
type Revision struct {
	ID         int64
	ArticleID  int64
	Version    int
	UserID     int64
	UserName   string
	Headline   string
	Standfirst string
	Body       string
	Slug       string
	Dateline   string
	Status     Status
	Autosave   bool
	CreatedAt  time.Time
}

// DeskFilter selects stories for the desk's story list, whatever their status.
type DeskFilter struct {
	Status      Status // "" for all
	ReviewState ReviewState
	SectionID   int64
	AuthorID    int64
	Query       string // words in the headline
	Trashed     bool   // the trash instead of the live list
	OwnerUserID int64  // only stories this user created or is in the byline of
	Limit       int
	Offset      int
}
