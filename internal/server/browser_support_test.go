package server_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/support"
	"github.com/datelinenews/dateline/internal/testenv"
)

// TestBrowserCopyAddress: on the Support page the copy button appears once
// the script runs, copies the address and announces "Copied"; the QR code
// is drawn in the page, with nothing fetched from elsewhere.
func TestBrowserCopyAddress(t *testing.T) {
	a := newApp(t, storetest.OpenSQLite(t))
	_, err := a.st.CreateSupportMethod(context.Background(), support.Method{Kind: support.Crypto,
		Currency: "Bitcoin", Address: testAddress}, now)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler)
	t.Cleanup(srv.Close)
	b, requests := testenv.Browser(t)
	if err := chromedp.Do(b,
		chromedp.Navigate(srv.URL+"/support/"),
		chromedp.WaitVisible(chromedp.CSS("button.copy")),
		chromedp.Click(chromedp.CSS("button.copy")),
	); err != nil {
		t.Fatalf("click copy: %v", err)
	}
	var status string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && status == ""; time.Sleep(50 * time.Millisecond) {
		status, err = chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector(".copy-status").textContent`))
		if err != nil {
			t.Fatal(err)
		}
	}
	if status != "Copied" {
		t.Errorf("status after copying: %q", status)
	}
	name, err := chromedp.Run(b, chromedp.Evaluate[string](`document.querySelector("button.copy").textContent`))
	if err != nil || name != "Copy the Bitcoin address" {
		t.Errorf("button text %q, %v", name, err)
	}
	size, err := chromedp.Run(b, chromedp.Evaluate[float64](`document.querySelector("svg.qr").getBoundingClientRect().width`))
	if err != nil || size < 100 {
		t.Errorf("QR code %v pixels wide, %v", size, err)
	}
	if outside := requests.Outside("127.0.0.1"); len(outside) > 0 {
		t.Errorf("requests outside 127.0.0.1: %v", outside)
	}
}
