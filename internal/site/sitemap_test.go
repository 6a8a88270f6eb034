package site

import (
	"testing"
	"time"
)

func TestNewsLanguage(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "fa-AF": "fa", "ps": "ps", "zh-Hans": "zh-cn", "zh-TW": "zh-tw", "zh-Hant-HK": "zh-tw"} {
		if got := newsLanguage(in); got != want {
			t.Errorf("newsLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMonthOf(t *testing.T) {
	for name, want := range map[string]bool{"sitemap-2026-11.xml": true, "sitemap-2026-13.xml": false,
		"sitemap-2026-00.xml": false, "sitemap-2026-1.xml": false, "sitemap-abc.xml": false, "sitemap-2026-11.xml.gz": false} {
		if _, ok := monthOf(name, time.UTC); ok != want {
			t.Errorf("monthOf(%q) = %v, want %v", name, ok, want)
		}
	}
}

// FuzzMonthSitemapName checks that only canonical month names parse, and
// that they name the first instant of the month.
func FuzzMonthSitemapName(f *testing.F) {
	for _, s := range []string{"sitemap-2026-11.xml", "sitemap-2026-13.xml", "sitemap-abc.xml", "sitemap-2026-1.xml", "sitemap-0000-01.xml"} {
		f.Add(s)
	}
	kabul, err := time.LoadLocation("Asia/Kabul")
	if err != nil {
		f.Skip("no time zone data")
	}
	f.Fuzz(func(t *testing.T, name string) {
		start, ok := monthOf(name, kabul)
		if !ok {
			return
		}
		if start.Day() != 1 || start.Hour() != 0 || start.Minute() != 0 || start.Location() != kabul {
			t.Errorf("%q parsed to %v", name, start)
		}
	})
}
