package server

import (
	"context"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/support"
)

// announcingStore is the store as the services and the desk see it: every
// write that changes what readers see announces what it changed, once it
// succeeded. Stories are read before and after the write, so a story that
// moves section drops both sections' pages. The domain packages and the
// desk stay unaware of caching: every public write passes through here.
type announcingStore struct {
	*store.Store
	announce change.Announce
}

// showing is what a stored story shows of itself.
func showing(a article.Article) change.Showing {
	sh := change.Showing{Public: a.Status == article.Published && a.TrashedAt.IsZero(), SectionID: a.Section.ID}
	for _, t := range a.Tags {
		sh.TagIDs = append(sh.TagIDs, t.ID)
	}
	for _, au := range a.Authors {
		sh.AuthorIDs = append(sh.AuthorIDs, au.ID)
	}
	return sh
}

// storyChange runs write between two readings of the stories it touches.
func (s announcingStore) storyChange(ctx context.Context, ids []int64, write func() error) error {
	before := map[int64]change.Showing{}
	for _, id := range ids {
		if a, err := s.Store.ArticleByID(ctx, id); err == nil {
			before[id] = showing(a)
		}
	}
	if err := write(); err != nil {
		return err
	}
	s.announceStories(ctx, ids, before)
	return nil
}

func (s announcingStore) announceStories(ctx context.Context, ids []int64, before map[int64]change.Showing) {
	var events []change.Event
	for _, id := range ids {
		ev := change.Story{ID: id, Before: before[id]}
		if a, err := s.Store.ArticleByID(ctx, id); err == nil {
			ev.After = showing(a)
		}
		events = append(events, ev)
	}
	s.announce(ctx, events...)
}

func (s announcingStore) CreateArticle(ctx context.Context, in article.Input, now time.Time) (int64, error) {
	id, err := s.Store.CreateArticle(ctx, in, now)
	if err == nil {
		s.announceStories(ctx, []int64{id}, nil)
	}
	return id, err
}

func (s announcingStore) UpdateArticle(ctx context.Context, id int64, in article.Input, now time.Time) error {
	return s.storyChange(ctx, []int64{id}, func() error { return s.Store.UpdateArticle(ctx, id, in, now) })
}

func (s announcingStore) SetTrashed(ctx context.Context, ids []int64, at time.Time) error {
	return s.storyChange(ctx, ids, func() error { return s.Store.SetTrashed(ctx, ids, at) })
}

func (s announcingStore) AddCorrection(ctx context.Context, articleID int64, c article.Correction, userID int64) error {
	return s.storyChange(ctx, []int64{articleID}, func() error { return s.Store.AddCorrection(ctx, articleID, c, userID) })
}

// PublishDue announces each story the scheduler published; before, none was public.
func (s announcingStore) PublishDue(ctx context.Context, now time.Time) ([]int64, error) {
	ids, err := s.Store.PublishDue(ctx, now)
	if len(ids) > 0 {
		s.announceStories(ctx, ids, nil)
	}
	return ids, err
}

// CommentTx hands fn a store whose writes announce their changes only once
// the shared transaction is committed: a page must not be dropped and
// rendered again before the comment it should show is there to read.
func (s announcingStore) CommentTx(ctx context.Context, fn func(tx comment.Store) error) error {
	var held []change.Event
	hold := func(_ context.Context, events ...change.Event) { held = append(held, events...) }
	err := s.Store.GroupTx(ctx, func(tx *store.Store) error {
		held = held[:0]
		return fn(announcingStore{Store: tx, announce: hold})
	})
	if err == nil {
		s.announce(ctx, held...)
	}
	return err
}

func (s announcingStore) CreateComment(ctx context.Context, c comment.Comment) (int64, error) {
	id, err := s.Store.CreateComment(ctx, c)
	if err == nil && c.Status == comment.Approved {
		s.announce(ctx, change.Comments{ArticleID: c.ArticleID})
	}
	return id, err
}

// SetCommentStatus announces the threads where a comment came into view or left it.
func (s announcingStore) SetCommentStatus(ctx context.Context, ids []int64, status comment.Status, now time.Time) ([]comment.Comment, error) {
	before, err := s.Store.SetCommentStatus(ctx, ids, status, now)
	var events []change.Event
	for _, c := range before {
		if c.Status != status && (c.Status == comment.Approved || status == comment.Approved) {
			events = append(events, change.Comments{ArticleID: c.ArticleID})
		}
	}
	s.announce(ctx, events...)
	return before, err
}

func (s announcingStore) UpdateCommentText(ctx context.Context, id int64, name, url, body string, now time.Time) error {
	if err := s.Store.UpdateCommentText(ctx, id, name, url, body, now); err != nil {
		return err
	}
	if c, err := s.Store.CommentByID(ctx, id); err == nil && c.Status == comment.Approved {
		s.announce(ctx, change.Comments{ArticleID: c.ArticleID})
	}
	return nil
}

// everything runs a write whose change every page shows.
func (s announcingStore) everything(ctx context.Context, err error) error {
	if err == nil {
		s.announce(ctx, change.Everything{})
	}
	return err
}

func (s announcingStore) SaveCommentSettings(ctx context.Context, set comment.Settings) error {
	return s.everything(ctx, s.Store.SaveCommentSettings(ctx, set))
}

func (s announcingStore) SaveSite(ctx context.Context, site settings.Site) error {
	return s.everything(ctx, s.Store.SaveSite(ctx, site))
}

func (s announcingStore) SetFeedFullText(ctx context.Context, full bool) error {
	return s.everything(ctx, s.Store.SetFeedFullText(ctx, full))
}

func (s announcingStore) CreateSection(ctx context.Context, sec section.Section, now time.Time) (int64, error) {
	id, err := s.Store.CreateSection(ctx, sec, now)
	return id, s.everything(ctx, err)
}

func (s announcingStore) UpdateSection(ctx context.Context, sec section.Section, now time.Time) error {
	return s.everything(ctx, s.Store.UpdateSection(ctx, sec, now))
}

func (s announcingStore) MoveSection(ctx context.Context, id int64, delta int, now time.Time) error {
	return s.everything(ctx, s.Store.MoveSection(ctx, id, delta, now))
}

func (s announcingStore) DeleteSection(ctx context.Context, id int64) error {
	return s.everything(ctx, s.Store.DeleteSection(ctx, id))
}

// A tag's name shows on its stories' pages and in every feed's categories.
func (s announcingStore) UpdateTag(ctx context.Context, t article.Tag, now time.Time) error {
	return s.everything(ctx, s.Store.UpdateTag(ctx, t, now))
}

func (s announcingStore) MergeTags(ctx context.Context, fromID, intoID int64, now time.Time) (int, error) {
	n, err := s.Store.MergeTags(ctx, fromID, intoID, now)
	return n, s.everything(ctx, err)
}

func (s announcingStore) CreatePage(ctx context.Context, p page.Page, now time.Time) (int64, error) {
	id, err := s.Store.CreatePage(ctx, p, now)
	if err == nil {
		s.announce(ctx, change.Page{ID: id, Nav: true})
	}
	return id, err
}

// UpdatePage drops the page alone when only its text changed; a new title
// or address shows in every page's navigation.
func (s announcingStore) UpdatePage(ctx context.Context, p page.Page, now time.Time) error {
	old, oldErr := s.Store.PageByID(ctx, p.ID)
	if err := s.Store.UpdatePage(ctx, p, now); err != nil {
		return err
	}
	s.announce(ctx, change.Page{ID: p.ID, Nav: oldErr != nil || old.Title != p.Title || old.Slug != p.Slug})
	return nil
}

func (s announcingStore) DeletePage(ctx context.Context, id int64) error {
	if err := s.Store.DeletePage(ctx, id); err != nil {
		return err
	}
	s.announce(ctx, change.Page{ID: id, Nav: true})
	return nil
}

// A photo's alt text, caption and credit show on the pages of the stories using it.
func (s announcingStore) UpdateImageText(ctx context.Context, img media.Image) error {
	if err := s.Store.UpdateImageText(ctx, img); err != nil {
		return err
	}
	users, err := s.Store.ImageUsers(ctx, img)
	if err != nil {
		s.announce(ctx, change.Everything{}) // cannot tell which stories: drop all rather than show stale text
		return nil
	}
	ev := change.Shown{}
	for _, a := range users {
		ev.ArticleIDs = append(ev.ArticleIDs, a.ID)
	}
	s.announce(ctx, ev)
	return nil
}

// A video's poster shows on the pages of the stories that embed it.
func (s announcingStore) SetVideoPoster(ctx context.Context, v media.ExternalVideo, mediaID int64, retry time.Time) error {
	if err := s.Store.SetVideoPoster(ctx, v, mediaID, retry); err != nil {
		return err
	}
	ids, err := s.Store.VideoUsers(ctx, v)
	if err != nil {
		s.announce(ctx, change.Everything{}) // cannot tell which stories: drop all rather than show a stale poster
		return nil
	}
	s.announce(ctx, change.Shown{ArticleIDs: ids})
	return nil
}

// The ways to give show on the Support page alone.
func (s announcingStore) giving(ctx context.Context, err error) error {
	if err == nil {
		s.announce(ctx, change.WaysToGive{})
	}
	return err
}

func (s announcingStore) CreateSupportMethod(ctx context.Context, m support.Method, now time.Time) (int64, error) {
	id, err := s.Store.CreateSupportMethod(ctx, m, now)
	return id, s.giving(ctx, err)
}

func (s announcingStore) UpdateSupportMethod(ctx context.Context, m support.Method, now time.Time) error {
	return s.giving(ctx, s.Store.UpdateSupportMethod(ctx, m, now))
}

func (s announcingStore) DeleteSupportMethod(ctx context.Context, id int64) error {
	return s.giving(ctx, s.Store.DeleteSupportMethod(ctx, id))
}

func (s announcingStore) MoveSupportMethod(ctx context.Context, id int64, delta int, now time.Time) error {
	return s.giving(ctx, s.Store.MoveSupportMethod(ctx, id, delta, now))
}

// UpdateAuthor drops what shows the author's name or bio: bylines, their
// archive and feeds, search results.
func (s announcingStore) UpdateAuthor(ctx context.Context, a people.Author, now time.Time) error {
	if err := s.Store.UpdateAuthor(ctx, a, now); err != nil {
		return err
	}
	s.announce(ctx, change.Author{ID: a.ID})
	return nil
}
