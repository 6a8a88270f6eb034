package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/qr"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

const testAddress = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"

// TestWaysToGive: an admin lists a payment page, bank details and a
// Bitcoin address; the Support page shows them in order below its text,
// with a QR code drawn by the site and a copy button.
func TestWaysToGive(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		clearWaysToGive(t, st)
		admin := a.signIn(t, people.Admin)
		manageExpect(t, "empty list", admin.get(t, "/admin/support"), 200, "No ways to give yet", `name="url"`)
		manageExpect(t, "bank form", admin.get(t, "/admin/support?add=bank"), 200, `name="holder"`, `name="account"`, `name="bic"`)

		manageDone(t, "add link", admin.post(t, "/admin/support", url.Values{"kind": {"link"},
			"label": {"Become a member"}, "url": {"https://pay.example.org/join"}, "note": {"From 3 euros a month."}}))
		manageDone(t, "add bank", admin.post(t, "/admin/support", url.Values{"kind": {"bank"},
			"holder": {"Dateline Media e.V."}, "account": {" DE89 3704 0044 0532 0130 00 "}, "bic": {"cobadeffxxx"},
			"bank": {"Commerzbank"}, "reference": {"Donation"}}))
		manageDone(t, "add crypto", admin.post(t, "/admin/support", url.Values{"kind": {"crypto"},
			"currency": {"Bitcoin"}, "address": {testAddress}, "network": {"Bitcoin mainnet"}}))

		// Bitcoin first, then the link, then the bank.
		id := regexp.MustCompile(`href="/admin/support/(\d+)">Bitcoin<`).FindStringSubmatch(body(t, admin.get(t, "/admin/support")))
		if id == nil {
			t.Fatal("Bitcoin not in the desk's list")
		}
		for range 3 {
			manageDone(t, "move up", admin.post(t, "/admin/support/"+id[1]+"/move", url.Values{"direction": {"up"}}))
		}

		res := a.get(t, "/support/")
		b := manageExpect(t, "support page", res, 200,
			"Become a member", `href="https://pay.example.org/join"`, "Give through pay.example.org", "From 3 euros a month.",
			"<dt>Account holder</dt>", "Dateline Media e.V.", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Commerzbank",
			testAddress, "Bitcoin mainnet", `data-copy="address-`, `role="status"`, "Copy<span class=\"visually-hidden\"> the Bitcoin address",
			"QR code of the Bitcoin address", "js/support.js")
		text := strings.Index(b, `<div class="body">`)
		btc, link, bank := strings.Index(b, testAddress), strings.Index(b, "Become a member"), strings.Index(b, "Dateline Media")
		if !(text < btc && btc < link && link < bank) {
			t.Errorf("order: page text %d, bitcoin %d, link %d, bank %d", text, btc, link, bank)
		}
		want, err := qr.Encode("bitcoin:" + testAddress)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b, `d="`+want.Path+`"`) {
			t.Error("the page's QR code is not that of bitcoin:ADDRESS")
		}
		if strings.Contains(b, "https://api.") || regexp.MustCompile(`src="https?://`).MatchString(b) {
			t.Error("the Support page loads something from another site")
		}
		checkHTML(t, b)
		wantAudit(t, a, "support.", "support.create", "support.move")

		// Removing one takes it off the page.
		manageDone(t, "delete", admin.post(t, "/admin/support/"+id[1]+"/delete", nil))
		if b := body(t, a.get(t, "/support/")); strings.Contains(b, testAddress) || !strings.Contains(b, "Become a member") {
			t.Error("the Support page does not follow the removal")
		}
	})
}

// TestWaysToGiveBadInput: each mistake is named, the typed input is kept
// and nothing is stored; only admins reach the page.
func TestWaysToGiveBadInput(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		a := newApp(t, st)
		clearWaysToGive(t, st)
		admin := a.signIn(t, people.Admin)
		for _, tc := range []struct {
			name string
			form url.Values
			want []string
		}{
			{"script link", url.Values{"kind": {"link"}, "label": {"Give"}, "url": {"javascript:alert(1)"}},
				[]string{"full web address starting with https://", `value="javascript:alert(1)"`}},
			{"bad iban", url.Values{"kind": {"bank"}, "holder": {"Dateline"}, "account": {"DE89 3704 0044 0532 0130 01"}},
				[]string{"check digits do not match", `value="DE89 3704 0044 0532 0130 01"`, `value="Dateline"`}},
			{"bad bic", url.Values{"kind": {"bank"}, "holder": {"Dateline"}, "account": {"12345678"}, "bic": {"12"}},
				[]string{"8 or 11 letters"}},
			{"spaced address", url.Values{"kind": {"crypto"}, "currency": {"Bitcoin"}, "address": {"bc1q ar0s"}},
				[]string{"no spaces", `value="bc1q ar0s"`}},
			{"long note", url.Values{"kind": {"link"}, "label": {"Give"}, "url": {"https://example.org/"}, "note": {strings.Repeat("n", 301)}},
				[]string{"note under 300"}},
		} {
			manageExpect(t, tc.name, admin.post(t, "/admin/support", tc.form), http.StatusUnprocessableEntity, tc.want...)
		}
		manageExpect(t, "unknown kind", admin.post(t, "/admin/support", url.Values{"kind": {"cash"}}), http.StatusBadRequest)
		manageExpect(t, "nothing stored", admin.get(t, "/admin/support"), 200, "No ways to give yet")
		manageExpect(t, "unknown id", admin.get(t, "/admin/support/999"), http.StatusNotFound)
		manageExpect(t, "bad id", admin.post(t, "/admin/support/x/move", url.Values{"direction": {"up"}}), http.StatusNotFound)

		ed := a.signIn(t, people.Editor)
		manageExpect(t, "editor", ed.get(t, "/admin/support"), http.StatusForbidden)
		manageExpect(t, "editor adds", ed.post(t, "/admin/support", url.Values{"kind": {"link"}, "label": {"x"}, "url": {"https://x.org/"}}), http.StatusForbidden)
	})
}

// checkHTML parses a page as a browser would and checks what a parser
// forgives but assistive technology does not: unique ids, and every
// button with a name.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, at := range n.Attr {
			if at.Key == "id" {
				if ids[at.Val] {
					t.Errorf("id %q used twice", at.Val)
				}
				ids[at.Val] = true
			}
		}
		if n.Data == "button" && strings.TrimSpace(textOf(n)) == "" {
			t.Errorf("a button without a name")
		}
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// clearWaysToGive removes the demo's examples, so a test starts from an
// empty list as a newsroom that has not set any does.
func clearWaysToGive(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	list, err := st.ListSupportMethods(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		if err := st.DeleteSupportMethod(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
	}
}
