package web

import (
	"net/http/httptest"
	"testing"
)

func TestClientIPAndHTTPS(t *testing.T) {
	t.Parallel()
	proxies, err := ParseProxies("10.0.0.0/8, 127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, remote, xff, proto string
		wantIP                   string
		wantHTTPS                bool
	}{
		{"direct reader", "203.0.113.9:5000", "", "", "203.0.113.9", false},
		{"forged header from a reader", "203.0.113.9:5000", "198.51.100.1", "https", "203.0.113.9", false},
		{"through the proxy", "10.1.2.3:443", "198.51.100.7", "https", "198.51.100.7", true},
		{"through two proxies", "127.0.0.1:80", "198.51.100.7, 10.9.9.9", "http", "198.51.100.7", false},
		{"reader-supplied prefix ignored", "10.1.2.3:443", "1.1.1.1, 198.51.100.7", "https", "198.51.100.7", true},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if c.proto != "" {
			r.Header.Set("X-Forwarded-Proto", c.proto)
		}
		if got := proxies.ClientIP(r).String(); got != c.wantIP {
			t.Errorf("%s: ClientIP = %s, want %s", c.name, got, c.wantIP)
		}
		if got := proxies.HTTPS(r); got != c.wantHTTPS {
			t.Errorf("%s: HTTPS = %t, want %t", c.name, got, c.wantHTTPS)
		}
	}
	if _, err := ParseProxies("not-an-ip"); err == nil {
		t.Error("bad proxy accepted")
	}
}
