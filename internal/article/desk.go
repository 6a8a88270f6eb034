package article

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
)

// DeskStore is what the desk's story work needs beyond Store.
type DeskStore interface {
	Store
	ListDeskArticles(ctx context.Context, f DeskFilter) ([]Article, error)
	CountDeskArticles(ctx context.Context, f DeskFilter) (int, error)
	SetTrashed(ctx context.Context, ids []int64, at time.Time) error
	DeleteTrashed(ctx context.Context, before time.Time) (int, error)
	PublishDue(ctx context.Context, now time.Time) ([]int64, error)
	AddCorrection(ctx context.Context, articleID int64, c Correction, userID int64) error
	ListRevisions(ctx context.Context, articleID int64) ([]Revision, error)
	RevisionByID(ctx context.Context, articleID, id int64) (Revision, error)
	ImageByID(ctx context.Context, id int64) (media.Image, error) // for imageRules
}

// ErrForbidden is returned when a staff member may not do what they asked.
var ErrForbidden = errors.New("not allowed for your role")

// TrashRetention is how long a story stays in the trash before it is deleted.
const TrashRetention = 30 * 24 * time.Hour

// Owns reports whether a story is the user's own: they created it or are in its byline.
func Owns(u people.User, a Article) bool {
	if a.CreatedBy != 0 && a.CreatedBy == u.ID {
		return true
	}
	for _, au := range a.Authors {
		if au.UserID != 0 && au.UserID == u.ID {
			return true
		}
	}
	return false
}

// CanEdit reports whether u may change a story. Contributors may change
// their own stories only while they are unpublished drafts.
func CanEdit(u people.User, a Article) bool {
	switch {
	case u.Role.Can(people.EditAny):
		return true
	case !Owns(u, a) || !u.Role.Can(people.WriteStories):
		return false
	case u.Role.Can(people.PublishOwn):
		return true
	}
	return a.Status == Draft
}

// CanPublish reports whether u may publish, schedule or unpublish a story.
func CanPublish(u people.User, a Article) bool {
	return u.Role.Can(people.PublishAny) || (u.Role.Can(people.PublishOwn) && Owns(u, a))
}

// CanView reports whether u may open a story in the desk.
func CanView(u people.User, a Article) bool {
	return u.Role.Can(people.ViewAllStories) || Owns(u, a) || (u.Role.Can(people.ReviewStories) && a.ReviewState == Submitted)
}

// ConflictError carries the version someone else saved, so the editor can
// compare it with their own before deciding.
type ConflictError struct{ Current Article }

func (e *ConflictError) Error() string {
	return fmt.Sprintf("story %d was changed (now version %d) since you opened it", e.Current.ID, e.Current.Version)
}

func (e *ConflictError) Unwrap() error { return ErrVersionConflict }

// statusNeedsPublish reports whether moving from one status to another is
// publishing work.
func statusNeedsPublish(from, to Status) bool {
	return from != to && (to == Published || to == Scheduled || to == Unpublished || from == Published || from == Scheduled)
}

// Open returns a story for the desk, checking u may see it.
func (s *Service) Open(ctx context.Context, u people.User, id int64) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	if !CanView(u, a) {
		return Article{}, ErrForbidden
	}
	return a, nil
}

// Draft creates a story written by u. Only those allowed to publish may
// create it already published or scheduled.
func (s *Service) Draft(ctx context.Context, u people.User, in Input) (Article, error) {
	if !u.Role.Can(people.WriteStories) {
		return Article{}, ErrForbidden
	}
	in.UserID = u.ID
	if !u.Role.Can(people.EditAny) {
		in.Lead = false
	}
	if in.Status == "" {
		in.Status = Draft
	}
	if in.Status != Draft && !u.Role.Can(people.PublishOwn) {
		return Article{}, ErrForbidden
	}
	if err := s.schedulingRules(&in, Draft); err != nil {
		return Article{}, err
	}
	if err := s.imageRules(ctx, in, publishes(Draft, in.Status)); err != nil {
		return Article{}, err
	}
	return s.Create(ctx, in)
}

// Save stores u's edit of a story, refusing to overwrite a newer version.
func (s *Service) Save(ctx context.Context, u people.User, id int64, in Input) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	if !CanEdit(u, a) {
		return Article{}, ErrForbidden
	}
	if statusNeedsPublish(a.Status, in.Status) && !CanPublish(u, a) {
		return Article{}, ErrForbidden
	}
	if in.ExpectedVersion != 0 && in.ExpectedVersion != a.Version {
		return Article{}, &ConflictError{Current: a}
	}
	in.UserID = u.ID
	if !u.Role.Can(people.EditAny) {
		in.Lead = a.Lead // only editors choose the front page's lead
	}
	in.ReviewState, in.ReviewNote = a.ReviewState, a.ReviewNote
	if in.Status == Published || in.Status == Scheduled {
		in.ReviewState, in.ReviewNote = NotInReview, ""
	}
	if err := s.schedulingRules(&in, a.Status); err != nil {
		return Article{}, err
	}
	if err := s.imageRules(ctx, in, publishes(a.Status, in.Status)); err != nil {
		return Article{}, err
	}
	if in.Status == Published && !a.PublishedAt.IsZero() && in.PublishedAt.IsZero() {
		in.PublishedAt = a.PublishedAt
	}
	out, err := s.Update(ctx, id, in)
	if errors.Is(err, ErrVersionConflict) {
		current, _ := s.store.ArticleByID(ctx, id)
		return Article{}, &ConflictError{Current: current}
	}
	return out, err
}

// schedulingRules fills in and checks publication times: publishing now
// stamps the time; scheduling needs a time in the future.
func (s *Service) schedulingRules(in *Input, from Status) error {
	now := s.now().UTC()
	switch in.Status {
	case Published:
		if in.PublishedAt.IsZero() || (from != Published && in.PublishedAt.After(now)) {
			in.PublishedAt = now.Truncate(time.Second)
		}
	case Scheduled:
		if in.PublishedAt.IsZero() {
			return ValidationError{"published_at": "Choose when to publish the story."}
		}
		if !in.PublishedAt.After(now) {
			return ValidationError{"published_at": "Choose a time in the future, or publish now."}
		}
	}
	return nil
}

// Submit hands a contributor's draft to the editors.
func (s *Service) Submit(ctx context.Context, u people.User, id int64) (Article, error) {
	return s.setReview(ctx, u, id, Submitted, "", func(a Article) bool {
		return u.Role.Can(people.SubmitForReview) && CanEdit(u, a) && a.Status == Draft
	})
}

// SendBack returns a submitted draft to its writer with a note.
func (s *Service) SendBack(ctx context.Context, u people.User, id int64, note string) (Article, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return Article{}, ValidationError{"note": "Say what needs changing."}
	}
	if utf8.RuneCountInString(note) > 5000 {
		return Article{}, ValidationError{"note": "Keep the note under 5,000 characters."}
	}
	return s.setReview(ctx, u, id, Returned, note, func(a Article) bool {
		return u.Role.Can(people.ReviewStories) && a.ReviewState == Submitted
	})
}

func (s *Service) setReview(ctx context.Context, u people.User, id int64, state ReviewState, note string, allowed func(Article) bool) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	if !allowed(a) {
		return Article{}, ErrForbidden
	}
	in := InputOf(a)
	in.UserID, in.ReviewState, in.ReviewNote, in.ExpectedVersion = u.ID, state, note, a.Version
	return s.Update(ctx, id, in)
}

// SetStatus publishes, schedules (at a future time) or unpublishes a story.
func (s *Service) SetStatus(ctx context.Context, u people.User, id int64, status Status, at time.Time) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	in := InputOf(a)
	in.Status, in.ExpectedVersion = status, a.Version
	if status == Scheduled {
		in.PublishedAt = at
	}
	return s.Save(ctx, u, id, in)
}

// Trash moves stories to the trash, or back out of it.
func (s *Service) Trash(ctx context.Context, u people.User, ids []int64, restore bool) error {
	for _, id := range ids {
		a, err := s.store.ArticleByID(ctx, id)
		if err != nil {
			return err
		}
		if !CanEdit(u, a) || (a.Status == Published && !CanPublish(u, a)) {
			return ErrForbidden
		}
	}
	at := s.now().UTC()
	if restore {
		at = time.Time{}
	}
	return s.store.SetTrashed(ctx, ids, at)
}

// EmptyTrash deletes for good the stories trashed more than 30 days ago.
func (s *Service) EmptyTrash(ctx context.Context) (int, error) {
	return s.store.DeleteTrashed(ctx, s.now().UTC().Add(-TrashRetention))
}

// PublishDue publishes the scheduled stories whose time has come.
func (s *Service) PublishDue(ctx context.Context) ([]int64, error) {
	return s.store.PublishDue(ctx, s.now().UTC())
}

// Correct adds a dated public correction or update note to a published story.
func (s *Service) Correct(ctx context.Context, u people.User, id int64, kind CorrectionKind, body string) (Article, error) {
	if !u.Role.Can(people.CorrectStories) {
		return Article{}, ErrForbidden
	}
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	body = strings.TrimSpace(body)
	v := ValidationError{}
	if a.Status != Published {
		v["correction"] = "Corrections go on published stories; edit a draft instead."
	}
	if kind != KindCorrection && kind != KindUpdate {
		v["kind"] = "Choose correction or update."
	}
	if body == "" {
		v["correction"] = "Write the text of the note."
	} else if utf8.RuneCountInString(body) > 5000 {
		v["correction"] = "Keep the note under 5,000 characters."
	}
	if len(v) > 0 {
		return Article{}, v
	}
	c := Correction{Kind: kind, Body: body, CreatedAt: s.now().UTC().Truncate(time.Second)}
	if err := s.store.AddCorrection(ctx, id, c, u.ID); err != nil {
		return Article{}, err
	}
	return s.store.ArticleByID(ctx, id)
}

// InputOf turns a stored story back into an editable input.
func InputOf(a Article) Input {
	in := Input{Headline: a.Headline, Standfirst: a.Standfirst, Body: a.Body, Slug: a.Slug,
		SectionID: a.Section.ID, Dateline: a.Dateline, Language: a.Language, Status: a.Status,
		Lead: a.Lead, CommentsOpen: a.CommentsOpen, PublishedAt: a.PublishedAt,
		ReviewState: a.ReviewState, ReviewNote: a.ReviewNote}
	for _, au := range a.Authors {
		in.AuthorIDs = append(in.AuthorIDs, au.ID)
	}
	for _, t := range a.Tags {
		in.TagNames = append(in.TagNames, t.Name)
	}
	if a.FeaturedImage != nil {
		in.FeaturedMediaID = a.FeaturedImage.ID
	}
	return in
}

// DeskList returns one page of the desk's story list and the total count.
func (s *Service) DeskList(ctx context.Context, f DeskFilter) ([]Article, int, error) {
	total, err := s.store.CountDeskArticles(ctx, f)
	if err != nil || total == 0 {
		return nil, total, err
	}
	list, err := s.store.ListDeskArticles(ctx, f)
	return list, total, err
}

// Revisions lists a story's saved versions, newest first.
func (s *Service) Revisions(ctx context.Context, u people.User, id int64) (Article, []Revision, error) {
	a, err := s.Open(ctx, u, id)
	if err != nil {
		return a, nil, err
	}
	revs, err := s.store.ListRevisions(ctx, id)
	return a, revs, err
}

// Restore brings back a revision's words (headline, standfirst, body,
// slug, dateline) as a new save; status and everything else stay as they are.
func (s *Service) Restore(ctx context.Context, u people.User, id, revisionID int64) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return a, err
	}
	if !CanEdit(u, a) || (!Owns(u, a) && !u.Role.Can(people.RestoreRevisions)) {
		return Article{}, ErrForbidden
	}
	rev, err := s.store.RevisionByID(ctx, id, revisionID)
	if err != nil {
		return Article{}, err
	}
	in := InputOf(a)
	in.Headline, in.Standfirst, in.Body, in.Slug, in.Dateline = rev.Headline, rev.Standfirst, rev.Body, rev.Slug, rev.Dateline
	in.ExpectedVersion = a.Version
	return s.Save(ctx, u, id, in)
}
