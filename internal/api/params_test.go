package api

import (
	"errors"
	"net/url"
	"testing"
	"time"
)

func TestDateParam(t *testing.T) {
	t.Parallel()
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		value    string
		endOfDay bool
		want     time.Time
	}{
		{"2026-11-25", false, day},
		{"2026-11-25", true, day.AddDate(0, 0, 1)},
		{"2026-11-25T08:00:00+04:30", false, day.Add(3*time.Hour + 30*time.Minute)},
		{"2026-11-25T08:00:00Z", true, day.Add(8*time.Hour + time.Nanosecond)},
	} {
		got, err := dateParam(url.Values{"since": {tc.value}}, "since", tc.endOfDay)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("dateParam(%q, %v) = %v, %v; want %v", tc.value, tc.endOfDay, got, err, tc.want)
		}
	}
	for _, bad := range []string{"yesterday", "2026-13-01", "25/11/2026", "2026-11-25 08:00"} {
		var e *Error
		if _, err := dateParam(url.Values{"until": {bad}}, "until", true); !errors.As(err, &e) || e.Parameter != "until" {
			t.Errorf("dateParam(%q) = %v", bad, err)
		}
	}
}

// FuzzQuery: any query string is either accepted with sane paging or
// refused as a 400 naming a parameter; nothing panics.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{"", "page=2&per_page=5", "page=0", "since=2026-11-25&until=2026-11-01", "x=%zz", "tag=%00", "page=1&page=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := query(&url.URL{RawQuery: raw}, "section", "tag", "author", "since", "until", "page", "per_page")
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Status != 400 {
				t.Fatalf("query(%q): %v", raw, err)
			}
			return
		}
		page, perPage, err := paging(q)
		if err == nil && (page < 1 || page > MaxPage || perPage < 1 || perPage > MaxPerPage) {
			t.Fatalf("paging(%q) = %d, %d", raw, page, perPage)
		}
		for _, name := range []string{"since", "until"} {
			if _, err := dateParam(q, name, name == "until"); err != nil {
				var e *Error
				if !errors.As(err, &e) || e.Parameter != name {
					t.Fatalf("dateParam(%q): %v", raw, err)
				}
			}
		}
	})
}
