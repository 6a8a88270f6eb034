package testenv

import (
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ChromiumEnv is the environment variable that names the Chromium binary to
// use instead of /usr/bin/chromium or chromium on PATH.
const ChromiumEnv = "DATELINE_CHROMIUM"

// BrowserTimeout bounds everything a test does with the context that Browser
// returns, including the start of the browser.
const BrowserTimeout = 60 * time.Second

// Chromium returns the path of the Chromium binary: $DATELINE_CHROMIUM if set,
// else /usr/bin/chromium, else chromium on PATH. When there is none it fails
// the test under CI and skips it otherwise.
func Chromium(t testing.TB) string {
	t.Helper()
	var tried string
	if v := strings.TrimSpace(os.Getenv(ChromiumEnv)); v != "" {
		if p, err := exec.LookPath(v); err == nil {
			return p
		}
		tried = ChromiumEnv + "=" + v
	} else {
		if p, err := exec.LookPath("/usr/bin/chromium"); err == nil {
			return p
		}
		if p, err := exec.LookPath("chromium"); err == nil {
			return p
		}
		tried = "/usr/bin/chromium and chromium on PATH"
	}
	if InCI() {
		t.Fatalf("no Chromium found (tried %s); CI needs it for browser tests: apt-get install -y chromium", tried)
	}
	t.Skipf("skipping: needs Chromium (tried %s); install it with apt-get install -y chromium, or set %s", tried, ChromiumEnv)
	return ""
}

// Browser starts a headless Chromium for the test and returns a chromedp
// context for one tab in it, and the log of the network requests the tab
// makes. The context expires after BrowserTimeout. The browser is closed and
// its profile removed when the test ends.
func Browser(t testing.TB) (ctx context.Context, requests *RequestLog) {
	t.Helper()
	exe := Chromium(t)
	profile := t.TempDir() // removed after the cleanup below has stopped Chromium

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}

	timeoutCtx, cancelTimeout := context.WithTimeout(context.Background(), BrowserTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(timeoutCtx, opts...)

	requests = &RequestLog{}
	// WithListener sees the events from the very start of the tab, so no
	// request is missed. The func runs on the tab's read loop: keep it short.
	tabCtx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithListener(func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok && e.Request != nil {
			requests.add(e.Request.URL)
		}
	}))

	t.Cleanup(func() {
		// Close the browser gracefully, then make sure the process is gone
		// (cancelAlloc waits for it) before t.TempDir removes the profile.
		_ = chromedp.Cancel(tabCtx)
		cancelTab()
		cancelAlloc()
		cancelTimeout()
	})

	// Start the browser, open the tab and turn on the network domain.
	err := chromedp.Do(tabCtx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, network.Enable, network.EnableParams{})
		return err
	}))
	if err != nil {
		t.Fatalf("start headless Chromium (%s): %v", exe, err)
	}
	return tabCtx, requests
}

// RequestLog records the URL of every network request a browser tab makes.
// It is safe for concurrent use.
type RequestLog struct {
	mu   sync.Mutex
	urls []string
}

func (l *RequestLog) add(u string) {
	l.mu.Lock()
	l.urls = append(l.urls, u)
	l.mu.Unlock()
}

// URLs returns the URLs of the requests so far, in the order they were made.
func (l *RequestLog) URLs() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.urls)
}

// Outside returns the recorded requests that went to a host other than the
// given ones. Hosts are compared without port and case; a given host may
// carry a port ("127.0.0.1:8080"), which is ignored. URLs that do not reach
// the network, such as data:, about:, blob:, javascript: and the browser's
// own chrome:, chrome-extension: and devtools: URLs, are ignored. A URL that
// cannot be parsed is reported, to be safe.
func (l *RequestLog) Outside(hosts ...string) []string {
	allowed := make(map[string]bool, len(hosts))
	for _, h := range hosts {
		allowed[normHost(h)] = true
	}
	var out []string
	for _, raw := range l.URLs() {
		u, err := url.Parse(raw)
		if err != nil {
			out = append(out, raw)
			continue
		}
		if localScheme(u.Scheme) {
			continue
		}
		if !allowed[strings.ToLower(u.Hostname())] {
			out = append(out, raw)
		}
	}
	return out
}

func normHost(h string) string {
	h = strings.TrimSpace(h)
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.ToLower(h)
}

func localScheme(scheme string) bool {
	switch s := strings.ToLower(scheme); s {
	case "data", "about", "blob", "javascript", "filesystem", "devtools":
		return true
	default:
		return strings.HasPrefix(s, "chrome") // chrome:, chrome-extension:, chrome-untrusted:, ...
	}
}
