package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/pagecache"
	"github.com/datelinenews/dateline/internal/schedule"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/web"
)

// cacheRules keep out of the page cache what is not the same for every
// reader: the desk, private previews, signed-in staff, a commenter's view of
// their held comment. Static files and photos carry year-long caching of
// their own and are read from disk by the kernel's cache.
var cacheRules = pagecache.Rules{
	SkipPrefixes:   []string{"/admin/", "/preview/", "/static/", "/media/", "/healthz"},
	PrivateParams:  []string{"held"},
	PrivateCookies: []string{web.SessionCookie},
}

// invalidator turns announced changes into purges: of this node's cache at
// once, and of the other nodes' through the database.
type invalidator struct {
	cache *pagecache.Cache
	st    *store.Store
	log   *slog.Logger
	node  string // tells this node's notifications from the others'
}

func newInvalidator(cache *pagecache.Cache, st *store.Store, log *slog.Logger) *invalidator {
	b := make([]byte, 8)
	rand.Read(b)
	return &invalidator{cache: cache, st: st, log: log, node: hex.EncodeToString(b)}
}

// maxPayload keeps a notification under PostgreSQL's 8000-byte limit;
// a longer list of keys is sent as "everything".
const maxPayload = 7000

// Announce drops what the events make stale, here and on every other node.
func (inv *invalidator) Announce(ctx context.Context, events ...change.Event) {
	keys := keysOf(events)
	if len(keys) == 0 {
		return
	}
	inv.cache.Purge(keys...)
	// Told even when this node keeps no pages: a desk-only node with the
	// cache off still changes what the others hold.
	if !inv.st.Broadcasts() {
		return
	}
	payload := inv.node + " " + strings.Join(keys, " ")
	if len(payload) > maxPayload {
		payload = inv.node + " " + change.All
	}
	// The write is done: a failed notification must not undo it for the
	// editor. Other nodes catch up when their entries expire.
	if err := inv.st.Notify(context.WithoutCancel(ctx), payload); err != nil {
		inv.log.Error("tell other nodes about a change", slog.Any("err", err))
	}
}

// keysOf lists the events' keys once each; "*" alone when any is "*".
func keysOf(events []change.Event) []string {
	var keys []string
	for _, e := range events {
		for _, k := range e.Keys() {
			if k == change.All {
				return []string{change.All}
			}
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// heard applies another node's notification.
func (inv *invalidator) heard(payload string) {
	node, keys, _ := strings.Cut(payload, " ")
	if node == inv.node {
		return
	}
	inv.cache.Purge(strings.Fields(keys)...)
}

// listenJob keeps this node listening for the others' changes. Whenever it
// starts listening, after a lost connection too, it drops everything: a
// change may have gone by unheard.
func (inv *invalidator) listenJob() schedule.Job {
	return schedule.Job{Name: "hear other nodes' changes", Every: 2 * time.Second, Run: func(ctx context.Context) error {
		return inv.st.Listen(ctx, func() { inv.cache.Purge(change.All) }, inv.heard)
	}}
}

// cached puts the page cache in front of what renders pages.
func cached(cache *pagecache.Cache) Middleware {
	return func(next http.Handler) http.Handler { return cache.Middleware(cacheRules, next) }
}

// Listen wraps ln in the page cache's front door, which answers cached
// pages straight from the connection and gives every other request to the
// handler; serve the handler on what it returns. With the cache off, ln is
// returned as it is.
func (a *App) Listen(ln net.Listener) net.Listener {
	return a.Cache.Listen(ln, pagecache.FrontOptions{
		Rules:             cacheRules,
		RequestID:         requestID,
		Log:               func(s pagecache.Served) { a.logServed(s) },
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		WriteTimeout:      writeTimeout,
	})
}
