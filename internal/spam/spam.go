// Package spam judges reader comments without any outside service: a
// blocklist that moderators edit, and a naive Bayes filter that learns
// from their decisions to approve a comment or mark it as spam.
package spam

import (
	"context"
	"errors"
	"fmt"
	"github.com/datelinenews/dateline/internal/problem"
	"math"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/datelinenews/dateline/internal/comment"
)

// Errors callers branch on.
var (
	ErrNotFound = errors.New("no such blocklist entry")
	ErrConflict = errors.New("already on the blocklist")
)

// ValidationError says, per field of a blocklist entry, what to fix.
type ValidationError = problem.Fields

// Store is what the spam filter needs from the database.
type Store interface {
	// SpamBlocklist returns every blocklist entry, oldest first.
	SpamBlocklist(ctx context.Context) ([]Entry, error)
	// AddSpamEntry stores an entry as given, or returns ErrConflict.
	AddSpamEntry(ctx context.Context, e Entry) (int64, error)
	// DeleteSpamEntry removes an entry, or returns ErrNotFound.
	DeleteSpamEntry(ctx context.Context, id int64) error
	// LearnComment counts a comment with these tokens as spam or ham, once:
	// a repeated decision changes nothing, a reversed one moves its words to
	// the other side. It reports whether anything changed.
	LearnComment(ctx context.Context, id int64, tokens []string, spam bool) (bool, error)
	// SpamTokenCounts returns the counts of those tokens that were learned.
	SpamTokenCounts(ctx context.Context, tokens []string) (map[string]Counts, error)
	// SpamTotals returns how many spam and ham messages were learned.
	SpamTotals(ctx context.Context) (Counts, error)
}

// Scores from which the filter acts on its own.
const (
	SpamAt = 0.95 // marked as spam
	HoldAt = 0.80 // held for a moderator
)

// reloadEvery bounds how stale a node's copy of the blocklist and of the
// learned totals gets when another node changes them.
const reloadEvery = 30 * time.Second

// Judge checks comments against the blocklist and the learned filter. It
// is safe for concurrent use.
type Judge struct {
	store Store
	now   func() time.Time

	mu       sync.Mutex
	list     *blocklist // nil: load before the next check
	totals   Counts     // messages learned, loaded with list
	loadedAt time.Time
}

var _ comment.Judge = (*Judge)(nil)

// New returns a Judge that keeps its data in store.
func New(store Store, now func() time.Time) *Judge {
	return &Judge{store: store, now: now}
}

// Check gives the judge's opinion of a comment from the given client.
func (j *Judge) Check(ctx context.Context, c comment.Comment, client netip.Addr) (comment.Verdict, error) {
	list, totals, err := j.loaded(ctx)
	if err != nil {
		return comment.Verdict{}, err
	}
	if entry, ok := list.match(c, client); ok {
		return comment.Verdict{Spam: true, Score: 1, Reason: "blocklist: " + entry}, nil
	}
	score, err := j.score(ctx, c, totals)
	if err != nil {
		return comment.Verdict{}, err
	}
	return verdict(score), nil
}

// verdict turns a filter score into a decision and the reason moderators see.
func verdict(score float64) comment.Verdict {
	v := comment.Verdict{Score: score}
	// Cut, not round, the shown score, so a held comment never reads 0.95;
	// the tiny addition keeps 0.97, stored as 0.96999…, from reading 0.96.
	shown := strconv.FormatFloat(math.Floor(score*100+1e-9)/100, 'f', 2, 64)
	switch {
	case score >= SpamAt:
		v.Spam, v.Reason = true, "looks like spam (score "+shown+")"
	case score >= HoldAt:
		v.Hold, v.Reason = true, "might be spam (score "+shown+")"
	}
	return v
}

// score is the filter's probability that c is spam; 0.5 until it has
// learned enough of both kinds to tell them apart.
func (j *Judge) score(ctx context.Context, c comment.Comment, totals Counts) (float64, error) {
	if totals.Spam < minLearned || totals.Ham < minLearned {
		return 0.5, nil
	}
	counts, err := j.store.SpamTokenCounts(ctx, Tokens(c))
	if err != nil {
		return 0, fmt.Errorf("spam token counts: %w", err)
	}
	return combine(clues(counts, totals)), nil
}

// Learn teaches the filter a moderator's decision about a comment. A
// comment counts once: the same decision again changes nothing, and a
// reversed one moves its words to the other side.
func (j *Judge) Learn(ctx context.Context, c comment.Comment, spam bool) error {
	changed, err := j.store.LearnComment(ctx, c.ID, Tokens(c), spam)
	if err != nil {
		return err
	}
	if changed {
		j.forget()
	}
	return nil
}

// Blocklist returns the blocklist as stored, oldest entry first.
func (j *Judge) Blocklist(ctx context.Context) ([]Entry, error) {
	return j.store.SpamBlocklist(ctx)
}

// Block adds an entry to the blocklist and returns it as stored. Bad input
// gives a ValidationError, an entry already there ErrConflict.
func (j *Judge) Block(ctx context.Context, e Entry) (Entry, error) {
	e, err := e.Normalize()
	if err != nil {
		return e, err
	}
	e.CreatedAt = j.now().UTC()
	if e.ID, err = j.store.AddSpamEntry(ctx, e); err != nil {
		return e, err
	}
	j.forget()
	return e, nil
}

// Unblock removes an entry from the blocklist.
func (j *Judge) Unblock(ctx context.Context, id int64) error {
	if err := j.store.DeleteSpamEntry(ctx, id); err != nil {
		return err
	}
	j.forget()
	return nil
}

// forget drops the cached blocklist and totals, so the next check sees a
// change at once.
func (j *Judge) forget() {
	j.mu.Lock()
	j.list = nil
	j.mu.Unlock()
}

// loaded returns the compiled blocklist and the learned totals, loading
// them when they were changed here or are older than reloadEvery (other
// nodes may have changed them). The lock is held while loading so a burst
// of comments loads them once.
func (j *Judge) loaded(ctx context.Context) (*blocklist, Counts, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := j.now()
	if age := now.Sub(j.loadedAt); j.list != nil && age >= 0 && age < reloadEvery {
		return j.list, j.totals, nil
	}
	entries, err := j.store.SpamBlocklist(ctx)
	if err != nil {
		return nil, Counts{}, fmt.Errorf("load spam blocklist: %w", err)
	}
	totals, err := j.store.SpamTotals(ctx)
	if err != nil {
		return nil, Counts{}, fmt.Errorf("spam totals: %w", err)
	}
	j.list, j.totals, j.loadedAt = compile(entries), totals, now
	return j.list, j.totals, nil
}
