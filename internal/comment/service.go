package comment

import (
	"context"
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"net/mail"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/settings"
)

// Limits of the comment form.
const (
	MaxName    = 100
	MaxEmail   = 254
	MaxURL     = 300
	MaxBody    = 10_000
	MinFill    = 3 * time.Second    // a person takes longer than this to write a comment
	FormMaxAge = 3 * 24 * time.Hour // a form older than this is refreshed, its text kept
)

// Rate limits per client address and per email.
var rateLimits = [2]struct {
	window time.Duration
	max    int
}{{time.Minute, 4}, {time.Hour, 30}}

// DuplicateWindow is how long the same text from the same email on the
// same story counts as a repeat.
const DuplicateWindow = 24 * time.Hour

// Store is what comments need from the database.
type Store interface {
	// CommentTarget returns what a comment needs of the story it is on:
	// its ID, Slug, Status, PublishedAt, TrashedAt and CommentsOpen, and
	// nothing else (no body, byline, tags or corrections).
	CommentTarget(ctx context.Context, id int64) (article.Article, error)
	CreateComment(ctx context.Context, c Comment) (int64, error)
	CommentByID(ctx context.Context, id int64) (Comment, error)
	ListComments(ctx context.Context, articleID int64, statuses ...Status) ([]Comment, error)
	CommenterHistory(ctx context.Context, q HistoryQuery) (History, error)
	HasApprovedComment(ctx context.Context, email string) (bool, error)
	CommentSettings(ctx context.Context) (Settings, error)
	// SiteTimeZone is the site's time zone setting, which dates stories'
	// addresses.
	SiteTimeZone(ctx context.Context) (string, error)
	// CommentTx runs fn in a write transaction that other comments being
	// submitted may share, and returns once it is committed: a comment
	// fn stored is durable when CommentTx returns nil. When fn returns an
	// error, nothing it wrote is kept.
	CommentTx(ctx context.Context, fn func(tx Store) error) error
	ModerationStore
}

// HistoryQuery asks what a commenter posted lately, for the rate limits
// and the duplicate check, in one look at the database.
type HistoryQuery struct {
	ClientHash     string       // counted only when not empty
	Email          string       // lower-case
	Since          [2]time.Time // the start of each rate limit's window
	ArticleID      int64        // the duplicate check: the same Body on this story
	Body           string       // from Email since DuplicateSince
	DuplicateSince time.Time
}

// History is the answer to a HistoryQuery.
type History struct {
	ByClient, ByEmail [2]int // comments since each of HistoryQuery.Since
	Duplicate         bool
}

// Verdict is a spam check's opinion of a comment.
type Verdict struct {
	Spam   bool
	Hold   bool
	Score  float64 // probability of spam, 0..1
	Reason string
}

// Judge looks at a comment for spam and learns from moderators' decisions.
type Judge interface {
	Check(ctx context.Context, c Comment, client netip.Addr) (Verdict, error)
	Learn(ctx context.Context, c Comment, spam bool) error
}

// Service takes comments in and applies the moderation rules.
type Service struct {
	store  Store
	judge  Judge // may be nil: no content checks
	signer Signer
	now    func() time.Time
}

// NewService returns the comment service.
func NewService(store Store, judge Judge, signer Signer, now func() time.Time) *Service {
	return &Service{store: store, judge: judge, signer: signer, now: now}
}

// Signer returns the service's token signer, for forms and redirects.
func (s *Service) Signer() Signer { return s.signer }

// Input is what the comment form sends.
type Input struct {
	ArticleID int64
	ParentID  int64
	Name      string
	Email     string
	URL       string
	Body      string
	Honeypot  string // a field people never see; bots fill it
	Stamp     string // signed time the form was served
	Client    netip.Addr
	// ClientHash is the keyed hash of Client that is stored; never the address.
	ClientHash string
}

// ValidationError says, per field, what to fix.
type ValidationError = problem.Fields

// RateLimitError says the commenter must wait.
type RateLimitError struct{ Wait time.Duration }

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("You are commenting faster than we allow. Please wait %s and post again; your comment is kept below.", e.Wait.Round(time.Second))
}

// ErrDuplicate is returned when the same comment was already posted.
var ErrDuplicate = errors.New("You have already posted this comment on this story.")

// ErrFormExpired asks the commenter to send the form again.
var ErrFormExpired = errors.New("This form was open too long. Check your comment and post it again.")

// Validate checks the fields a person types, reporting all problems at once.
func (in *Input) Validate() error {
	v := ValidationError{}
	in.Name, in.Email, in.URL = strings.TrimSpace(in.Name), strings.TrimSpace(in.Email), strings.TrimSpace(in.URL)
	in.Body = strings.TrimSpace(strings.ReplaceAll(in.Body, "\r\n", "\n"))
	for field, value := range map[string]string{"name": in.Name, "email": in.Email, "url": in.URL, "comment": in.Body} {
		if !utf8.ValidString(value) {
			v[field] = "This contains characters that are not valid text."
		}
	}
	switch n := utf8.RuneCountInString(in.Name); {
	case n == 0:
		v["name"] = "Please enter your name."
	case n > MaxName:
		v["name"] = fmt.Sprintf("Please keep your name under %d characters.", MaxName)
	}
	if in.Email == "" {
		v["email"] = "Please enter your email address. It will not be published."
	} else if addr, err := mail.ParseAddress(in.Email); err != nil || addr.Address != in.Email || len(in.Email) > MaxEmail || !strings.Contains(in.Email[strings.LastIndex(in.Email, "@"):], ".") {
		v["email"] = "Please enter an email address like name@example.org."
	}
	if in.URL != "" {
		u, err := url.Parse(in.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(in.URL) > MaxURL {
			v["url"] = "A website must start with http:// or https://, or leave it empty."
		}
	}
	switch n := utf8.RuneCountInString(in.Body); {
	case n == 0:
		v["comment"] = "Please write your comment."
	case n > MaxBody:
		v["comment"] = fmt.Sprintf("Please keep your comment under %d characters; it has %d.", MaxBody, n)
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// Submit checks and stores a comment, and returns it with the status the
// rules gave it. Spam is stored in the spam folder, never dropped.
func (s *Service) Submit(ctx context.Context, in Input) (Comment, error) {
	c, _, err := s.SubmitTo(ctx, in)
	return c, err
}

// SubmitTo is Submit that also returns the address of the story commented
// on, so the form's handler can send the reader back to it without another
// look at the database.
//
// What needs no database, or only the spam filter's learned counts, is
// decided first: the hidden field, the form's age, the spam filter. The
// rest (the story, the settings, the thread, the limits and the moderation
// rule) is read in the write transaction that stores the comment, so a
// burst of posts cannot slip past the limits together, and the settings
// are those of the moment the comment is stored.
func (s *Service) SubmitTo(ctx context.Context, in Input) (Comment, string, error) {
	if err := in.Validate(); err != nil {
		return Comment{}, "", err
	}
	now := s.now().UTC()
	c := Comment{ArticleID: in.ArticleID, Depth: 1, AuthorName: in.Name, AuthorEmail: strings.ToLower(in.Email),
		AuthorURL: in.URL, Body: in.Body, ClientHash: in.ClientHash, CreatedAt: now, UpdatedAt: now}
	formErr, err := s.screen(ctx, &c, in, now)
	if err != nil {
		return Comment{}, "", err
	}
	var path string
	err = s.store.CommentTx(ctx, func(tx Store) error {
		a, set, err := s.place(ctx, tx, &c, in, now)
		if err != nil {
			return err
		}
		if formErr != nil {
			return formErr
		}
		if err := rule(ctx, tx, &c, set); err != nil {
			return err
		}
		tz, err := tx.SiteTimeZone(ctx)
		if err != nil {
			return err
		}
		path = a.Path(settings.Site{TimeZone: tz}.Location())
		if c.ID, err = tx.CreateComment(ctx, c); err != nil {
			return fmt.Errorf("save comment: %w", err)
		}
		return nil
	})
	if err != nil {
		return Comment{}, "", err
	}
	return c, path, nil
}

// place checks, in the write transaction, that the story takes comments
// and the commenter is within the limits, and threads the comment. It
// returns the story and the comment settings.
func (s *Service) place(ctx context.Context, tx Store, c *Comment, in Input, now time.Time) (article.Article, Settings, error) {
	a, err := tx.CommentTarget(ctx, in.ArticleID)
	if errors.Is(err, article.ErrNotFound) || (err == nil && !a.Visible(now)) {
		return a, Settings{}, ErrNoStory
	}
	if err != nil {
		return a, Settings{}, err
	}
	set, err := tx.CommentSettings(ctx)
	if err != nil {
		return a, set, err
	}
	if !Open(a, set, now) {
		return a, set, ErrClosed
	}
	if err := thread(ctx, tx, c, in.ParentID); err != nil {
		return a, set, err
	}
	return a, set, limits(ctx, tx, *c, now)
}

// Open reports whether a story takes comments now.
func Open(a article.Article, settings Settings, now time.Time) bool {
	if !a.CommentsOpen {
		return false
	}
	return settings.CloseAfterDays <= 0 || now.Sub(a.PublishedAt) < time.Duration(settings.CloseAfterDays)*24*time.Hour
}

// thread places a reply under its parent, flattening past MaxDepth.
func thread(ctx context.Context, tx Store, c *Comment, parentID int64) error {
	if parentID == 0 {
		return nil
	}
	parent, err := tx.CommentByID(ctx, parentID)
	if errors.Is(err, ErrNotFound) || (err == nil && (parent.ArticleID != c.ArticleID || parent.Status != Approved)) {
		return ValidationError{"parent": "The comment you are replying to is not on this story. Post your comment as a new one."}
	}
	if err != nil {
		return err
	}
	c.ParentID, c.Depth = parent.ID, parent.Depth+1
	if parent.Depth >= MaxDepth {
		c.ParentID, c.Depth = parent.ParentID, parent.Depth
	}
	return nil
}

// limits refuses floods and repeats before anything is stored.
func limits(ctx context.Context, tx Store, c Comment, now time.Time) error {
	q := HistoryQuery{ClientHash: c.ClientHash, Email: c.AuthorEmail, ArticleID: c.ArticleID, Body: c.Body,
		DuplicateSince: now.Add(-DuplicateWindow)}
	for i, l := range rateLimits {
		q.Since[i] = now.Add(-l.window)
	}
	recent, err := tx.CommenterHistory(ctx, q)
	if err != nil {
		return err
	}
	for i, l := range rateLimits {
		if recent.ByClient[i] >= l.max || recent.ByEmail[i] >= l.max {
			return &RateLimitError{Wait: l.window}
		}
	}
	if recent.Duplicate {
		return ErrDuplicate
	}
	return nil
}

// screen gives c the status that the spam signals decide before anything
// is read from the database but the spam filter's counts: the hidden
// field, a form sent too fast, the blocklist and the learned filter. A
// form too old to trust gives formErr, reported once the story and the
// limits have been checked, as before.
func (s *Service) screen(ctx context.Context, c *Comment, in Input, now time.Time) (formErr, err error) {
	age, ageErr := s.signer.FormAge(in.Stamp, now)
	switch {
	case in.Honeypot != "":
		c.Status, c.Reason = Spam, "filled the hidden field"
		return nil, nil
	case ageErr != nil || age > FormMaxAge:
		return ErrFormExpired, nil
	case age < MinFill:
		c.Status, c.Reason = Spam, fmt.Sprintf("sent %s after the page was served", age.Round(time.Millisecond))
		return nil, nil
	}
	if s.judge == nil {
		return nil, nil
	}
	v, err := s.judge.Check(ctx, *c, in.Client)
	if err != nil {
		return nil, err
	}
	c.SpamScore = v.Score
	switch {
	case v.Spam:
		c.Status, c.Reason = Spam, v.Reason
	case v.Hold:
		c.Status, c.Reason = Pending, v.Reason
	}
	return nil, nil
}

// rule decides the status of a comment the spam signals let through: held
// for its links, or by the newsroom's moderation rule.
func rule(ctx context.Context, tx Store, c *Comment, settings Settings) error {
	if c.Status == "" {
		if links := CountLinks(c.Body); links > settings.MaxLinks {
			c.Status, c.Reason = Pending, fmt.Sprintf("%d links", links)
		}
	}
	if c.Status != "" {
		return nil
	}
	switch settings.Moderation {
	case ApproveAll:
		c.Status = Approved
	case HoldAll:
		c.Status, c.Reason = Pending, "all comments are held"
	default:
		known, err := tx.HasApprovedComment(ctx, c.AuthorEmail)
		if err != nil {
			return err
		}
		c.Status = Approved
		if !known {
			c.Status, c.Reason = Pending, "first comment from this email"
		}
	}
	return nil
}

// CountLinks counts the web addresses in a comment.
func CountLinks(body string) int {
	return strings.Count(body, "http://") + strings.Count(body, "https://") + strings.Count(body, "www.")
}

// Thread returns approved comments (plus an optional held one for its
// author) in reading order: oldest first, each followed by its replies.
func Thread(list []Comment) []Comment {
	children := map[int64][]Comment{}
	ids := map[int64]bool{}
	for _, c := range list {
		ids[c.ID] = true
	}
	for _, c := range list {
		parent := c.ParentID
		if !ids[parent] {
			parent = 0 // a reply whose parent is hidden shows at the top level
		}
		children[parent] = append(children[parent], c)
	}
	var out []Comment
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		kids := children[parent]
		sort.SliceStable(kids, func(i, j int) bool { return kids[i].CreatedAt.Before(kids[j].CreatedAt) })
		for _, c := range kids {
			c.Depth = depth
			out = append(out, c)
			walk(c.ID, min(depth+1, MaxDepth))
		}
	}
	walk(0, 1)
	return out
}

// Settings returns the site's comment settings.
func (s *Service) Settings(ctx context.Context) (Settings, error) {
	return s.store.CommentSettings(ctx)
}

// Approved returns a story's published comments.
func (s *Service) Approved(ctx context.Context, articleID int64) ([]Comment, error) {
	return s.store.ListComments(ctx, articleID, Approved)
}

// Held returns the comment a held-comment token names, if it is still
// waiting on this story; otherwise nil. Spam is shown to its sender as
// held too: telling a spammer what was caught only teaches them.
func (s *Service) Held(ctx context.Context, articleID int64, token string) (*Comment, error) {
	id, err := s.signer.HeldID(token)
	if err != nil {
		return nil, nil
	}
	c, err := s.store.CommentByID(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if c.ArticleID != articleID || (c.Status != Pending && c.Status != Spam) {
		return nil, nil
	}
	return &c, nil
}
