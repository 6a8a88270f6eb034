//go:build unix

package testenv

import (
	"syscall"
	"time"
)

// CPUTime is the processor time the process has used, user and system.
// Benchmarks report it beside wall-clock time: on a shared machine it
// shows the work done when wall-clock times also include waiting for a
// core.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
