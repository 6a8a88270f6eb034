//go:build unix

package server_test

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used, user and system:
// on a shared machine it shows the work a request does when wall-clock
// times also include waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
