package media

import (
	"context"
	"errors"
	"runtime"
	"time"
)

// ErrBusy is returned by Gate.Enter when every processing slot stayed taken
// for the whole wait: the server is busy, and the upload may be retried.
var ErrBusy = errors.New("too many images being processed")

// Gate bounds how many images are processed at once. Decoding needs up to
// 15 bytes a pixel (750 MB at the 50-megapixel limit), so two large uploads
// together are already more than a small server may have to spare.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
}

// NewGate lets n images through at a time; a further one waits up to wait
// for a slot.
func NewGate(n int, wait time.Duration) *Gate {
	return &Gate{slots: make(chan struct{}, max(1, n)), wait: wait}
}

// DefaultGate sizes the gate by the machine: one slot for every two CPUs,
// at least one and at most two, since each slot may hold most of a
// gigabyte and Process already spreads its scaling over every CPU.
func DefaultGate() *Gate {
	return NewGate(min(2, max(1, runtime.NumCPU()/2)), 30*time.Second)
}

// Enter takes a slot, waiting up to the gate's wait; the returned function
// gives it back. It fails with ErrBusy when no slot came free in time, or
// with ctx's error when the upload was abandoned.
func (g *Gate) Enter(ctx context.Context) (leave func(), err error) {
	timer := time.NewTimer(g.wait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		return func() { <-g.slots }, nil
	case <-timer.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
