package pagecache

import (
	"strconv"
	"strings"
)

// accepts reports whether an Accept-Encoding header accepts coding: named
// with q > 0, or, when not named, covered by "*" with q > 0. It reads the
// header in place, as it runs on every cached answer. The server's order
// (br, then gzip) decides among those accepted, as every browser that
// sends br ranks it with gzip.
func accepts(header, coding string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.TrimSpace(name)
		switch {
		case strings.EqualFold(name, coding):
			return quality(params) > 0
		case name == "*":
			star = quality(params) > 0
		}
	}
	return star
}

// quality reads q from a coding's parameters; 1 when absent or unreadable.
func quality(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				return f
			}
		}
	}
	return 1
}
