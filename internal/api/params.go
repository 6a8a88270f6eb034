package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Paging limits.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
	MaxPage        = 10000
)

// query reads a request's parameters, refusing unknown names (a typo such
// as ?sectoin= would otherwise silently return everything) and repeats.
func query(u *url.URL, allowed ...string) (url.Values, error) {
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, badParam("", "The query string is malformed.")
	}
	for name, values := range q {
		known := false
		for _, a := range allowed {
			known = known || a == name
		}
		switch {
		case !known:
			return nil, badParam(name, fmt.Sprintf("Unknown parameter %q; this endpoint takes %s.", clip(name), strings.Join(allowed, ", ")))
		case len(values) > 1:
			return nil, badParam(name, fmt.Sprintf("Give %s once.", name))
		case !plainValue(values[0]):
			// Neither database stores a NUL byte or broken UTF-8, so no slug holds one.
			return nil, badParam(name, fmt.Sprintf("%s holds characters no slug or date has, or is over %d bytes.", name, maxValue))
		}
	}
	return q, nil
}

// maxValue bounds one parameter's value: slugs and dates are short.
const maxValue = 500

func plainValue(v string) bool {
	return len(v) <= maxValue && utf8.ValidString(v) && !strings.ContainsRune(v, 0)
}

// paging reads page and per_page into a limit and offset.
func paging(q url.Values) (page, perPage int, err error) {
	page, err = intParam(q, "page", 1, 1, MaxPage)
	if err != nil {
		return 0, 0, err
	}
	perPage, err = intParam(q, "per_page", DefaultPerPage, 1, MaxPerPage)
	return page, perPage, err
}

func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	s := q.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, fmt.Sprintf("%s must be a whole number from %d to %d.", name, lo, hi))
	}
	return n, nil
}

// dateParam reads a date (2026-11-25, the whole UTC day) or a moment
// (2026-11-25T08:00:00Z). With endOfDay, a date means the end of that day,
// so until=2026-11-25 includes the 25th.
func dateParam(q url.Values, name string, endOfDay bool) (time.Time, error) {
	s := q.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		if endOfDay {
			t = t.Add(time.Nanosecond) // until is inclusive; the filter's bound is exclusive
		}
		return t.UTC(), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, badParam(name, fmt.Sprintf("%s must be a date such as 2026-11-25 or a time such as 2026-11-25T08:00:00Z.", name))
	}
	if endOfDay {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

// clip shortens what is quoted back in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
