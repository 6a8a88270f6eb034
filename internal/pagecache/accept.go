package pagecache

import (
	"strconv"
	"strings"
)

// accept is a parsed Accept-Encoding header: coding -> quality.
type accept map[string]float64

func parseAccept(header string) accept {
	a := accept{}
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		a[name] = q
	}
	return a
}

// ok reports whether coding is acceptable: named with q > 0, or covered by
// "*" with q > 0. The server's order (br, then gzip) decides among those
// accepted, as every browser that sends br ranks it with gzip.
func (a accept) ok(coding string) bool {
	if q, named := a[coding]; named {
		return q > 0
	}
	q, star := a["*"]
	return star && q > 0
}
