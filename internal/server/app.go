package server

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/api"
	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/desk"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/pagecache"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/poster"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/schedule"
	"github.com/datelinenews/dateline/internal/site"
	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/web"
	"github.com/datelinenews/dateline/ui"
)

// Deps are the parts the application is built from.
type Deps struct {
	Store   *store.Store
	Media   blob.Bucket
	Log     *slog.Logger
	Now     func() time.Time
	Proxies web.Proxies
	BaseURL string // the site's public address; empty: each request's host
	// Processing bounds concurrent image uploads; nil: media.DefaultGate.
	Processing *media.Gate
	// VideoThumbnails is where YouTube and Vimeo thumbnails are fetched
	// for posters; zero: the providers themselves.
	VideoThumbnails poster.Sources
	// PageCache is the page cache's size in bytes; 0 turns it off.
	PageCache int64
	// APILimit is each Content API key's allowance; zero: api.DefaultLimit.
	APILimit api.Limit
}

// App is the built application: its handler and its background jobs.
type App struct {
	Handler  http.Handler
	Articles *article.Service
	Auth     *people.Auth
	Comments *comment.Service
	Posters  *poster.Maker // waited for at shutdown and by tests
	Jobs     []schedule.Job
	Cache    *pagecache.Cache
	// Announce reports a change that bypassed the services (an import, a
	// test), so the pages that show it are dropped here and on other nodes.
	Announce change.Announce
	log      *slog.Logger
}

// Build parses templates, hashes assets and wires the services and handlers.
func Build(ctx context.Context, d Deps) (*App, error) {
	assets, err := render.LoadAssets(ui.Static)
	if err != nil {
		return nil, err
	}
	renderer, err := render.New(ui.Templates, assets)
	if err != nil {
		return nil, err
	}
	secret, err := d.Store.Secret(ctx, "client-key")
	if err != nil {
		return nil, err
	}
	signing, err := d.Store.Secret(ctx, "comment-signing")
	if err != nil {
		return nil, err
	}
	cache := pagecache.New(pagecache.Options{MaxBytes: d.PageCache})
	inv := newInvalidator(cache, d.Store, d.Log)
	writes := announcingStore{Store: d.Store, announce: inv.Announce}
	articles := article.NewService(writes, d.Now)
	judge := spam.New(d.Store, d.Now)
	comments := comment.NewService(writes, judge, comment.Signer{Key: signing}, d.Now)
	auth := people.NewAuth(d.Store, d.Now)
	if d.Processing == nil {
		d.Processing = media.DefaultGate()
	}
	if d.VideoThumbnails == (poster.Sources{}) {
		d.VideoThumbnails = poster.Providers()
	}
	posters := &poster.Maker{Sources: d.VideoThumbnails, Store: writes, Bucket: d.Media, Gate: d.Processing, Now: d.Now, Log: d.Log}
	pub := site.New(site.Handler{Articles: articles, Content: d.Store, Files: d.Media, Library: d.Store, Render: renderer, Log: d.Log, Now: d.Now,
		Comments: comments, Feeds: d.Store, Redirects: d.Store, Proxies: d.Proxies, Secret: secret, BaseURL: strings.TrimSuffix(d.BaseURL, "/")})
	dk := desk.New(desk.Handler{Auth: auth, Articles: articles, Comments: comments, Spam: judge, Store: writes, Render: renderer, Log: d.Log,
		Now: d.Now, Proxies: d.Proxies, Secret: secret, Media: d.Media, Processing: d.Processing, Posters: posters})
	ap := &api.Handler{Articles: articles, Store: d.Store, Log: d.Log, Now: d.Now, Proxies: d.Proxies, Limit: d.APILimit,
		BaseURL: strings.TrimSuffix(d.BaseURL, "/")}
	app := &App{Handler: New(d.Log, cache, Routes(pub, dk, ap, assets)), log: d.Log, Articles: articles, Auth: auth, Comments: comments,
		Posters: posters, Cache: cache, Announce: inv.Announce}
	app.Jobs = []schedule.Job{
		{Name: "publish scheduled stories", Every: time.Second, Run: func(ctx context.Context) error {
			ids, err := articles.PublishDue(ctx)
			for _, id := range ids {
				d.Log.Info("published scheduled story", "article_id", id)
			}
			return err
		}},
		{Name: "retry video posters", Every: time.Minute, Run: posters.RetryDue},
		{Name: "empty trash", Every: time.Hour, Run: func(ctx context.Context) error {
			_, err := articles.EmptyTrash(ctx)
			return err
		}},
		{Name: "forget expired sessions", Every: time.Hour, Run: func(ctx context.Context) error {
			return d.Store.DeleteExpiredSessions(ctx, d.Now())
		}},
		{Name: "erase commenters' address hashes", Every: time.Hour, Run: func(ctx context.Context) error {
			set, err := d.Store.CommentSettings(ctx)
			if err != nil {
				return err
			}
			_, err = d.Store.EraseClientHashes(ctx, d.Now().Add(-time.Duration(set.RetentionDays)*24*time.Hour))
			return err
		}},
	}
	if cache.Enabled() && d.Store.Broadcasts() {
		app.Jobs = append(app.Jobs, inv.listenJob())
	}
	return app, nil
}
