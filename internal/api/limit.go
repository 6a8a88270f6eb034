package api

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Limit is how many requests one key may make: a sustained rate, and a
// burst it may spend at once after a quiet spell. Each node counts its
// own requests, so behind a load balancer a key gets that much per node.
type Limit struct {
	PerMinute int
	Burst     int
}

// DefaultLimit lets a newsroom's partners sync the whole archive in pages
// of a hundred without waiting, and stops a runaway script from taking the
// database from readers.
var DefaultLimit = Limit{PerMinute: 600, Burst: 300}

// limiter keeps one token bucket per key.
type limiter struct {
	mu      sync.Mutex
	limit   Limit
	buckets map[int64]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// take spends a token of key id's bucket at now. When none is left it
// says how long until one is.
func (l *limiter) take(id int64, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	rate := float64(l.limit.PerMinute) / 60 // tokens a second
	b := l.buckets[id]
	if b == nil {
		b = &bucket{tokens: float64(l.limit.Burst), at: now}
		l.buckets[id] = b
	}
	if elapsed := now.Sub(b.at).Seconds(); elapsed > 0 {
		b.tokens = math.Min(float64(l.limit.Burst), b.tokens+elapsed*rate)
		b.at = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	if rate <= 0 {
		return false, time.Minute
	}
	return false, time.Duration((1 - b.tokens) / rate * float64(time.Second))
}

// limits returns the handler's limiter, made on first use.
func (h *Handler) limits() *limiter {
	h.limitOnce.Do(func() {
		l := h.Limit
		if l.PerMinute <= 0 || l.Burst <= 0 {
			l = DefaultLimit
		}
		h.limiter = &limiter{limit: l, buckets: map[int64]*bucket{}}
	})
	return h.limiter
}

// tooMany answers a key that spent its requests: 429 with Retry-After in
// whole seconds, rounded up.
func tooMany(w http.ResponseWriter, wait time.Duration) {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeError(w, &Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
		Message: "This key has made too many requests; wait " + strconv.Itoa(secs) + " s (Retry-After) and try again."})
}
