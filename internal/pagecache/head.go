package pagecache

import (
	"bytes"
	"net/http"
	"strings"
)

// head is what the front door reads of a request.
type head struct {
	method, target string
	host           string
	acceptEncoding string
	forwardedProto string
}

// readHead reads a request head (ending in a blank line) and reports
// whether the front door may answer it: a plain HTTP/1.1 GET or HEAD with
// one Host, no body, no credentials or private cookie, nothing conditional
// and nothing net/http would treat specially. It errs towards no: what it
// refuses, net/http serves.
func readHead(raw []byte, privateCookies []string) (head, bool) {
	var h head
	line, rest, _ := bytes.Cut(raw, []byte("\r\n"))
	method, line, ok1 := bytes.Cut(line, []byte(" "))
	target, proto, ok2 := bytes.Cut(line, []byte(" "))
	if !ok1 || !ok2 || string(proto) != "HTTP/1.1" || len(target) == 0 || target[0] != '/' || !visible(target) {
		return h, false
	}
	switch string(method) {
	case http.MethodGet:
		h.method = http.MethodGet
	case http.MethodHead:
		h.method = http.MethodHead
	default:
		return h, false
	}
	hosts := 0
	for len(rest) > 0 {
		line, rest, _ = bytes.Cut(rest, []byte("\r\n"))
		if len(line) == 0 {
			break
		}
		name, value, found := bytes.Cut(line, []byte(":"))
		if !found || !token(name) || !fieldValue(value) {
			return h, false
		}
		value = bytes.Trim(value, " \t")
		switch {
		case asciiEqual(name, "host"):
			hosts++
			if hosts > 1 || !hostChars(value) {
				return h, false
			}
			h.host = string(value)
		case asciiEqual(name, "accept-encoding"):
			if h.acceptEncoding == "" {
				h.acceptEncoding = string(value)
			}
		case asciiEqual(name, "x-forwarded-proto"):
			if h.forwardedProto == "" {
				h.forwardedProto = string(value)
			}
		case asciiEqual(name, "cookie"):
			for _, c := range privateCookies {
				if bytes.Contains(value, []byte(c)) {
					return h, false
				}
			}
		case asciiEqual(name, "connection"):
			if !asciiEqual(value, "keep-alive") {
				return h, false
			}
		case asciiEqual(name, "content-length"):
			if string(value) != "0" {
				return h, false
			}
		case handedHeader(name):
			return h, false
		}
	}
	if hosts != 1 {
		return h, false
	}
	h.target = string(target)
	return h, true
}

var handedHeaders = []string{"transfer-encoding", "expect", "upgrade", "te", "authorization",
	"proxy-authorization", "range", "http2-settings"}

// handedHeader names the headers whose requests net/http answers: bodies,
// upgrades, credentials and conditional or partial requests.
func handedHeader(name []byte) bool {
	for _, n := range handedHeaders {
		if asciiEqual(name, n) {
			return true
		}
	}
	return len(name) > 3 && asciiEqual(name[:3], "if-")
}

func asciiEqual(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// token reports a header name made only of RFC 9110 token characters.
func token(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

// fieldValue refuses control characters other than tab.
func fieldValue(b []byte) bool {
	for _, c := range b {
		if c < ' ' && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// visible reports printable ASCII without spaces, as a request target is.
func visible(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// hostChars accepts the letters of names, IPv4 and IPv6 literals and ports.
func hostChars(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(".-:[]_", c) >= 0) {
			return false
		}
	}
	return true
}
