package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a progress bar on standard error, only when it is a
// terminal: logs and pipes get the summary alone.
type progress struct {
	w     io.Writer
	total int64
	start time.Time
	last  time.Time
	on    bool
}

func newProgress(w io.Writer, total int64) *progress {
	on := false
	if f, ok := w.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	now := time.Now()
	return &progress{w: w, total: total, start: now, on: on}
}

// update redraws the bar at most ten times a second.
func (p *progress) update(read int64, items int) {
	if !p.on || p.total <= 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	fmt.Fprint(p.w, "\r"+bar(read, p.total, items, now.Sub(p.start)))
}

func (p *progress) done() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// bar renders "[=====>    ]  45%  12,340 items  560/s  1m20s left".
func bar(read, total int64, items int, elapsed time.Duration) string {
	const width = 30
	frac := float64(read) / float64(total)
	frac = min(max(frac, 0), 1)
	filled := int(frac * width)
	b := "[" + strings.Repeat("=", filled) + strings.Repeat(" ", width-filled) + "]"
	rate := 0.0
	left := "?"
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(items) / s
		if frac > 0 {
			left = (time.Duration(s*(1-frac)/frac) * time.Second).Round(time.Second).String()
		}
	}
	return fmt.Sprintf("%s %3.0f%%  %d items  %.0f/s  %s left ", b, frac*100, items, rate, left)
}
