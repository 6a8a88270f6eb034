// Package pagecache keeps rendered public responses in memory, compressed
// once in gzip and brotli, and answers from them with ETag, 304 and
// Cache-Control. Entries are bounded in bytes (least recently used go
// first) and dropped by surrogate key when what they show changes.
package pagecache

import (
	"container/list"
	"sync"
	"time"
)

// Cache holds entries by request key, with an index from surrogate key to entries.
type Cache struct {
	mu       sync.Mutex
	max      int64 // bytes; entries past it are evicted, least recently used first
	used     int64
	life     time.Duration
	now      func() time.Time
	lru      *list.List // of *Entry, most recently used at the front
	entries  map[string]*list.Element
	bySKey   map[string]map[string]struct{} // surrogate key -> request keys
	gen      uint64                         // counts purges, so a render that raced one is not stored
	flights  map[string]*flight
	hits     uint64
	misses   uint64
	evicted  uint64
	purged   uint64
	purges   uint64 // calls of Purge
	stampede uint64 // requests that waited for another's render
}

// Options size a Cache.
type Options struct {
	MaxBytes int64         // 0 disables the cache
	Life     time.Duration // how long an entry is served before it is rendered again
	Now      func() time.Time
}

// DefaultLife bounds what no event announces: comment counts in story
// lists, comments closing with age, the news sitemap's 48 hours.
const DefaultLife = 10 * time.Minute

// New returns a cache holding up to o.MaxBytes of responses.
func New(o Options) *Cache {
	if o.Life <= 0 {
		o.Life = DefaultLife
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Cache{max: o.MaxBytes, life: o.Life, now: o.Now, lru: list.New(),
		entries: map[string]*list.Element{}, bySKey: map[string]map[string]struct{}{}, flights: map[string]*flight{}}
}

// Enabled reports whether the cache keeps anything.
func (c *Cache) Enabled() bool { return c != nil && c.max > 0 }

// get returns a fresh entry and marks it recently used.
func (c *Cache) get(key string) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		c.misses++
		return nil
	}
	e := el.Value.(*Entry)
	if c.now().Sub(e.Stored) > c.life {
		c.remove(el)
		c.misses++
		return nil
	}
	c.lru.MoveToFront(el)
	c.hits++
	return e
}

// put stores e unless a purge happened since gen was read (the render may
// show what the purge dropped) or e alone is larger than the whole cache.
func (c *Cache) put(e *Entry, gen uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || e.size > c.max {
		return false
	}
	if el, ok := c.entries[e.key]; ok {
		c.remove(el)
	}
	c.entries[e.key] = c.lru.PushFront(e)
	c.used += e.size
	for _, k := range e.Keys {
		set := c.bySKey[k]
		if set == nil {
			set = map[string]struct{}{}
			c.bySKey[k] = set
		}
		set[e.key] = struct{}{}
	}
	for c.used > c.max {
		c.remove(c.lru.Back())
		c.evicted++
	}
	return true
}

// remove drops one entry; the caller holds mu.
func (c *Cache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*Entry)
	delete(c.entries, e.key)
	c.used -= e.size
	for _, k := range e.Keys {
		if set := c.bySKey[k]; set != nil {
			delete(set, e.key)
			if len(set) == 0 {
				delete(c.bySKey, k)
			}
		}
	}
}

// generation is read before a render starts.
func (c *Cache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Purge drops every entry carrying one of keys; the key "*" drops all.
// Renders in flight when it runs are not stored, and later requests do not
// wait for them.
func (c *Cache) Purge(keys ...string) {
	if c == nil || len(keys) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.purges++
	clear(c.flights)
	for _, k := range keys {
		if k == "*" {
			c.purged += uint64(len(c.entries))
			c.lru.Init()
			clear(c.entries)
			clear(c.bySKey)
			c.used = 0
			return
		}
		for reqKey := range c.bySKey[k] {
			if el, ok := c.entries[reqKey]; ok {
				c.remove(el)
				c.purged++
			}
		}
	}
}

// Stats are the cache's counters, for tests and metrics.
type Stats struct {
	Entries                       int
	Bytes, MaxBytes               int64
	Hits, Misses, Evicted, Purged uint64
	Waited                        uint64 // requests served by another request's render
	Purges                        uint64 // calls of Purge, whatever they dropped
}

// Stats returns the counters.
func (c *Cache) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return Stats{Entries: len(c.entries), Bytes: c.used, MaxBytes: c.max, Hits: c.hits, Misses: c.misses,
		Evicted: c.evicted, Purged: c.purged, Waited: c.stampede, Purges: c.purges}
}

// Has reports whether a fresh entry is held for a request key (see Key).
func (c *Cache) Has(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	return ok && c.now().Sub(el.Value.(*Entry).Stored) <= c.life
}
