// Package schedule runs the newsroom's background jobs: publishing
// scheduled stories on time, emptying the trash, clearing old sessions.
package schedule

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Job is work repeated at a fixed interval.
type Job struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context) error
}

// Run starts every job at once (so work that fell due while the server was
// down is done at start) and then at its interval, until ctx ends. It
// returns when every job has stopped.
func Run(ctx context.Context, log *slog.Logger, jobs ...Job) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(j.Every)
			defer tick.Stop()
			for {
				if err := j.Run(ctx); err != nil && ctx.Err() == nil {
					log.Error("background job failed", "job", j.Name, slog.Any("err", err))
				}
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
				}
			}
		}()
	}
	wg.Wait()
}
