//go:build !unix

package store

import "time"

// cpuTime is not measured here; the benchmark reports zero.
func cpuTime() time.Duration { return 0 }
