package comment

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ModerationStore is what moderators' work needs from the database, on
// top of what taking comments in needs.
type ModerationStore interface {
	ListQueue(ctx context.Context, f QueueFilter) ([]Comment, error)
	CountQueue(ctx context.Context, f QueueFilter) (int, error)
	CountQueueByStatus(ctx context.Context, f QueueFilter) (map[Status]int, error)
	SetCommentStatus(ctx context.Context, ids []int64, status Status, now time.Time) ([]Comment, error)
	UpdateCommentText(ctx context.Context, id int64, name, url, body string, now time.Time) error
	SaveCommentSettings(ctx context.Context, set Settings) error
}

// Limits of the comment settings.
const (
	MaxCloseAfterDays = 3650 // ten years; 0 keeps comments open for good
	MinRetentionDays  = 1
	MaxRetentionDays  = 365
	MaxMaxLinks       = 20
)

// LearnError reports that a moderator's decision was saved but the spam
// judge could not learn from it. Callers log it and carry on: the
// decision itself stands.
type LearnError struct{ Err error }

func (e *LearnError) Error() string { return "spam judge did not learn: " + e.Err.Error() }
func (e *LearnError) Unwrap() error { return e.Err }

// Queue returns one page of the moderation queue and how many comments
// match the filter in all.
func (s *Service) Queue(ctx context.Context, f QueueFilter) ([]Comment, int, error) {
	list, err := s.store.ListQueue(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	total, err := s.store.CountQueue(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("count moderation queue: %w", err)
	}
	return list, total, nil
}

// StatusCounts says how many comments each status tab holds, with the
// filter's story and search applied but not its status.
func (s *Service) StatusCounts(ctx context.Context, f QueueFilter) (map[Status]int, error) {
	f.Status = ""
	return s.store.CountQueueByStatus(ctx, f)
}

// Comment returns one comment, whatever its status, for moderators.
func (s *Service) Comment(ctx context.Context, id int64) (Comment, error) {
	return s.store.CommentByID(ctx, id)
}

// SetStatus moves comments to a status and returns those that moved, as
// they were before. Approving or marking spam teaches the judge, so the
// filter improves with every decision; restoring to pending or trashing
// says nothing about spam, so it teaches nothing.
func (s *Service) SetStatus(ctx context.Context, ids []int64, status Status) ([]Comment, error) {
	if !status.Valid() {
		return nil, fmt.Errorf("set comment status: unknown status %q", status)
	}
	before, err := s.store.SetCommentStatus(ctx, ids, status, s.now().UTC())
	if err != nil {
		return nil, fmt.Errorf("set comment status: %w", err)
	}
	if len(before) == 0 {
		return nil, ErrNotFound
	}
	var moved []Comment
	for _, c := range before {
		if c.Status != status {
			moved = append(moved, c)
		}
	}
	return moved, s.learn(ctx, moved, status)
}

// learn tells the judge about each decision; every comment is tried even
// when one fails.
func (s *Service) learn(ctx context.Context, moved []Comment, status Status) error {
	if s.judge == nil || (status != Spam && status != Approved) {
		return nil
	}
	var errs []error
	for _, c := range moved {
		if err := s.judge.Learn(ctx, c, status == Spam); err != nil {
			errs = append(errs, fmt.Errorf("comment %d: %w", c.ID, err))
		}
	}
	if len(errs) > 0 {
		return &LearnError{Err: errors.Join(errs...)}
	}
	return nil
}

// Edit lets a moderator correct a comment's name, website and text, by
// the rules of the public form. The commenter's email is not theirs to
// change, and is not checked again.
func (s *Service) Edit(ctx context.Context, id int64, name, url, body string) (Comment, error) {
	c, err := s.store.CommentByID(ctx, id)
	if err != nil {
		return Comment{}, err
	}
	in := Input{Name: name, Email: c.AuthorEmail, URL: url, Body: body}
	if err := except(in.Validate(), "email"); err != nil {
		return Comment{}, err
	}
	if err := s.store.UpdateCommentText(ctx, id, in.Name, in.URL, in.Body, s.now().UTC()); err != nil {
		return Comment{}, fmt.Errorf("edit comment %d: %w", id, err)
	}
	c.AuthorName, c.AuthorURL, c.Body = in.Name, in.URL, in.Body
	return c, nil
}

// except drops one field's problem from a validation error.
func except(err error, field string) error {
	var v ValidationError
	if !errors.As(err, &v) {
		return err
	}
	delete(v, field)
	if len(v) == 0 {
		return nil
	}
	return v
}

// StaffReply is a reply from the newsroom, written in the desk.
type StaffReply struct {
	ParentID int64
	UserID   int64
	Name     string // the staff member's, or the site's
	Email    string // the staff member's; never shown publicly
	Body     string
}

// Reply publishes a newsroom reply under a comment, at once: the desk is
// trusted, and the reply is marked as the newsroom's on the public page.
// Replying to a held comment approves it too (returned as approved), since
// a reply under a hidden comment would make no sense to readers. Spam and
// trash are not replied to.
func (s *Service) Reply(ctx context.Context, r StaffReply) (reply Comment, approved *Comment, err error) {
	parent, err := s.store.CommentByID(ctx, r.ParentID)
	if err != nil {
		return Comment{}, nil, err
	}
	if parent.Status == Spam || parent.Status == Trash {
		return Comment{}, nil, ValidationError{"reply": fmt.Sprintf("This comment is in %s. Restore or approve it before replying.", parent.Status)}
	}
	in := Input{Name: r.Name, Email: r.Email, Body: r.Body}
	if err := in.Validate(); err != nil {
		return Comment{}, nil, err
	}
	if parent.Status == Pending {
		if _, err := s.SetStatus(ctx, []int64{parent.ID}, Approved); err != nil && !errors.As(err, new(*LearnError)) {
			return Comment{}, nil, err
		}
		parent.Status = Approved
		approved = &parent
	}
	now := s.now().UTC()
	reply = Comment{ArticleID: parent.ArticleID, AuthorName: in.Name, AuthorEmail: strings.ToLower(in.Email), Body: in.Body,
		Status: Approved, FromStaff: true, UserID: r.UserID, CreatedAt: now, UpdatedAt: now}
	placeUnder(&reply, parent)
	if reply.ID, err = s.store.CreateComment(ctx, reply); err != nil {
		return Comment{}, approved, fmt.Errorf("save staff reply: %w", err)
	}
	return reply, approved, nil
}

// placeUnder threads a reply under its parent; past MaxDepth it joins the
// parent's level, as readers' replies do.
func placeUnder(c *Comment, parent Comment) {
	c.ParentID, c.Depth = parent.ID, parent.Depth+1
	if parent.Depth >= MaxDepth {
		c.ParentID, c.Depth = parent.ParentID, parent.Depth
	}
}

// Validate checks the settings, reporting every problem at once, keyed by
// field: moderation, close_after_days, retention_days, max_links.
func (set Settings) Validate() error {
	v := ValidationError{}
	switch set.Moderation {
	case HoldFirst, HoldAll, ApproveAll:
	default:
		v["moderation"] = "Choose one of the moderation rules."
	}
	if set.CloseAfterDays < 0 || set.CloseAfterDays > MaxCloseAfterDays {
		v["close_after_days"] = fmt.Sprintf("Enter a number of days from 0 to %d; 0 keeps comments open.", MaxCloseAfterDays)
	}
	if set.RetentionDays < MinRetentionDays || set.RetentionDays > MaxRetentionDays {
		v["retention_days"] = fmt.Sprintf("Enter a number of days from %d to %d.", MinRetentionDays, MaxRetentionDays)
	}
	if set.MaxLinks < 0 || set.MaxLinks > MaxMaxLinks {
		v["max_links"] = fmt.Sprintf("Enter a number of links from 0 to %d.", MaxMaxLinks)
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// SaveSettings checks and stores the comment settings.
func (s *Service) SaveSettings(ctx context.Context, set Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	if err := s.store.SaveCommentSettings(ctx, set); err != nil {
		return fmt.Errorf("save comment settings: %w", err)
	}
	return nil
}
