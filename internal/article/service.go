package article

import (
	"context"
	"crypto/subtle"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/datelinenews/dateline/internal/slug"
)

// Store is what the article service needs from the database.
type Store interface {
	CreateArticle(ctx context.Context, in Input, now time.Time) (int64, error)
	UpdateArticle(ctx context.Context, id int64, in Input, now time.Time) error
	ArticleByID(ctx context.Context, id int64) (Article, error)
	// ArticleBySlug finds an article by its current slug or by one it had before.
	ArticleBySlug(ctx context.Context, slug string) (Article, error)
	ArticleSlugTaken(ctx context.Context, slug string, exceptID int64) (bool, error)
	ListArticles(ctx context.Context, f Filter) ([]Article, error)
	CountArticles(ctx context.Context, f Filter) (int, error)
	// SearchArticles returns one page of the stories visible at q.Now that
	// match q's words, best first (search.go).
	SearchArticles(ctx context.Context, q SearchQuery) (SearchResult, error)
}

// Service applies the newsroom's rules to stories.
type Service struct {
	store DeskStore
	now   func() time.Time
}

// NewService returns a Service; now is the clock, injected so tests can fix time.
func NewService(store DeskStore, now func() time.Time) *Service {
	return &Service{store: store, now: now}
}

// ValidationError says, per form field, what to fix.
type ValidationError = problem.Fields

// Limits on what an editor may type.
const (
	MaxHeadline   = 300
	MaxStandfirst = 1000
	MaxBody       = 2 << 20 // bytes
)

// Validate checks an input and reports every problem at once.
func (in Input) Validate() error {
	v := ValidationError{}
	switch n := utf8.RuneCountInString(strings.TrimSpace(in.Headline)); {
	case n == 0:
		v["headline"] = "Write a headline."
	case n > MaxHeadline:
		v["headline"] = fmt.Sprintf("Keep the headline under %d characters.", MaxHeadline)
	}
	if utf8.RuneCountInString(in.Standfirst) > MaxStandfirst {
		v["standfirst"] = fmt.Sprintf("Keep the standfirst under %d characters.", MaxStandfirst)
	}
	if len(in.Body) > MaxBody {
		v["body"] = fmt.Sprintf("The story is %.1f MB; the limit is 2 MB. Split it, or move long material into linked pages.", float64(len(in.Body))/(1<<20))
	}
	if in.Slug != "" && !slug.Valid(in.Slug) {
		v["slug"] = "Use lower-case letters, digits and hyphens only."
	}
	if in.SectionID <= 0 {
		v["section"] = "Choose a section."
	}
	if len(in.AuthorIDs) == 0 {
		v["authors"] = "Add at least one author."
	}
	if _, err := language.Parse(in.Language); err != nil || in.Language == "" {
		v["language"] = "Choose the story's language."
	}
	if !in.Status.Valid() {
		v["status"] = "Choose draft, scheduled, published or unpublished."
	}
	if (in.Status == Scheduled || in.Status == Published) && in.PublishedAt.IsZero() {
		v["published_at"] = "Set a publication time."
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// Create saves a new story, deriving a unique slug from the headline when none is given.
func (s *Service) Create(ctx context.Context, in Input) (Article, error) {
	in = tidy(in)
	if err := in.Validate(); err != nil {
		return Article{}, err
	}
	var err error
	if in.Slug, err = s.uniqueSlug(ctx, in, 0); err != nil {
		return Article{}, err
	}
	id, err := s.store.CreateArticle(ctx, in, s.now().UTC())
	if err != nil {
		return Article{}, fmt.Errorf("create article: %w", err)
	}
	return s.store.ArticleByID(ctx, id)
}

// Update saves changes to a story; its old slug keeps answering with a redirect.
func (s *Service) Update(ctx context.Context, id int64, in Input) (Article, error) {
	in = tidy(in)
	if err := in.Validate(); err != nil {
		return Article{}, err
	}
	var err error
	if in.Slug, err = s.uniqueSlug(ctx, in, id); err != nil {
		return Article{}, err
	}
	if err := s.store.UpdateArticle(ctx, id, in, s.now().UTC()); err != nil {
		return Article{}, fmt.Errorf("update article %d: %w", id, err)
	}
	return s.store.ArticleByID(ctx, id)
}

func (s *Service) uniqueSlug(ctx context.Context, in Input, id int64) (string, error) {
	base := in.Slug
	if base == "" {
		base = slug.Make(in.Headline)
	}
	return slug.Unique(base, func(c string) (bool, error) {
		return s.store.ArticleSlugTaken(ctx, c, id)
	})
}

func tidy(in Input) Input {
	in.Headline = strings.TrimSpace(in.Headline)
	in.Standfirst = strings.TrimSpace(in.Standfirst)
	in.Dateline = strings.TrimSpace(in.Dateline)
	in.Slug = strings.TrimSpace(in.Slug)
	if !in.PublishedAt.IsZero() {
		in.PublishedAt = in.PublishedAt.UTC()
	}
	return in
}

// Published returns the story readers may see under slug (current or old).
// A story that was taken down is ErrGone; anything not yet public is ErrNotFound.
func (s *Service) Published(ctx context.Context, slug string) (Article, error) {
	a, err := s.store.ArticleBySlug(ctx, slug)
	if err != nil {
		return Article{}, err
	}
	switch {
	case a.Visible(s.now()):
		return a, nil
	case a.Status == Unpublished, a.Status == Published && !a.TrashedAt.IsZero():
		return Article{}, ErrGone
	default:
		return Article{}, ErrNotFound
	}
}

// List returns one page of visible stories matching f, and how many match in all.
func (s *Service) List(ctx context.Context, f Filter) ([]Article, int, error) {
	f.Now = s.now().UTC()
	total, err := s.store.CountArticles(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	if total == 0 || f.Offset >= total {
		return nil, total, nil
	}
	list, err := s.store.ListArticles(ctx, f)
	return list, total, err
}

// Latest returns up to n visible stories matching f, without counting.
func (s *Service) Latest(ctx context.Context, f Filter, n int) ([]Article, error) {
	f.Now = s.now().UTC()
	f.Limit = n
	return s.store.ListArticles(ctx, f)
}

// Preview returns any story, whatever its status, to whoever holds its
// private preview token: the link an editor shares before publication.
func (s *Service) Preview(ctx context.Context, id int64, token string) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return Article{}, err
	}
	if a.PreviewToken == "" || subtle.ConstantTimeCompare([]byte(a.PreviewToken), []byte(token)) != 1 || !a.TrashedAt.IsZero() {
		return Article{}, ErrNotFound
	}
	return a, nil
}

// ByID returns a story readers may see, by id.
func (s *Service) ByID(ctx context.Context, id int64) (Article, error) {
	a, err := s.store.ArticleByID(ctx, id)
	if err != nil {
		return Article{}, err
	}
	if !a.Visible(s.now()) {
		return Article{}, ErrNotFound
	}
	return a, nil
}
