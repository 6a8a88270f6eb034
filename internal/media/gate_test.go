package media

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestGateBounds: however many uploads arrive, no more than the gate's size
// are inside at once, and every one gets through in the end.
func TestGateBounds(t *testing.T) {
	t.Parallel()
	g := NewGate(2, time.Minute)
	var inside, most, done atomic.Int32
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			leave, err := g.Enter(context.Background())
			if err != nil {
				t.Error(err)
				return
			}
			n := inside.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(5 * time.Millisecond)
			inside.Add(-1)
			leave()
			done.Add(1)
		})
	}
	wg.Wait()
	if most.Load() != 2 || done.Load() != 12 {
		t.Errorf("at most %d inside at once (want 2); %d of 12 done", most.Load(), done.Load())
	}
}

// TestGateBusy: when the slots stay taken, Enter gives up after its wait
// with ErrBusy, and a slot given back lets the next one in.
func TestGateBusy(t *testing.T) {
	t.Parallel()
	g := NewGate(1, 20*time.Millisecond)
	leave, err := g.Enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Enter(context.Background()); !errors.Is(err, ErrBusy) {
		t.Fatalf("second Enter while full: %v, want ErrBusy", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.Enter(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Enter for an abandoned upload: %v", err)
	}
	leave()
	again, err := g.Enter(context.Background())
	if err != nil {
		t.Fatalf("after leave: %v", err)
	}
	again()
}
