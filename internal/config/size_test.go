package config

import "testing"

func TestParseSize(t *testing.T) {
	t.Parallel()
	good := map[string]int64{"0": 0, "256MB": 256 << 20, "1GB": 1 << 30, "512kb": 512 << 10, " 64 MB ": 64 << 20, "1000": 1000, "10B": 10}
	for in, want := range good {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1MB", "1.5GB", "lots", "1TB", "99999999999GB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

func TestPageCacheSetting(t *testing.T) {
	t.Parallel()
	c, err := load(t, nil, nil)
	if err != nil || c.PageCache != "256MB" {
		t.Fatalf("default page cache: %q, %v", c.PageCache, err)
	}
	c, err = load(t, []string{"--page-cache", "0"}, map[string]string{"DATELINE_PAGE_CACHE": "1GB"})
	if err != nil || c.PageCache != "0" {
		t.Fatalf("flag beats environment: %q, %v", c.PageCache, err)
	}
	if _, err := load(t, nil, map[string]string{"DATELINE_PAGE_CACHE": "a lot"}); err == nil {
		t.Error("DATELINE_PAGE_CACHE=a lot accepted")
	}
}
