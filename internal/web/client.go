package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Proxies are the addresses of reverse proxies whose X-Forwarded-For and
// X-Forwarded-Proto headers are believed. Anyone else could forge them.
type Proxies []netip.Prefix

// ParseProxies reads a comma-separated list of addresses or CIDR ranges.
func ParseProxies(s string) (Proxies, error) {
	var out Proxies
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			addr, err := netip.ParseAddr(part)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(addr, addr.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(part)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func (p Proxies) trusts(addr netip.Addr) bool {
	for _, prefix := range p {
		if prefix.Contains(addr.Unmap()) {
			return true
		}
	}
	return false
}

func remoteAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, _ := netip.ParseAddr(host)
	return addr.Unmap()
}

// ClientIP is the reader's address: the connection's, or, behind a trusted
// proxy, the last address in X-Forwarded-For that is not a trusted proxy.
func (p Proxies) ClientIP(r *http.Request) netip.Addr {
	addr := remoteAddr(r)
	if !p.trusts(addr) {
		return addr
	}
	hops := strings.Split(r.Header.Get("X-Forwarded-For"), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		hop = hop.Unmap()
		if !p.trusts(hop) {
			return hop
		}
		addr = hop
	}
	return addr
}

// HTTPS reports whether the reader's connection is encrypted: directly, or
// as a trusted proxy says in X-Forwarded-Proto.
func (p Proxies) HTTPS(r *http.Request) bool {
	if r.TLS != nil {
		return true
	}
	return p.trusts(remoteAddr(r)) && strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https")
}
