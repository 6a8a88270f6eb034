package support

import (
	"slices"
	"testing"
)

func TestValidIBAN(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		iban string
		ok   bool
	}{
		{"GB82WEST12345698765432", true},
		{"DE89370400440532013000", true},
		{"FR1420041010050500013M02606", true},
		{"GB82WEST12345698765433", false}, // last digit changed
		{"GB28WEST12345698765432", false}, // check digits swapped
		{"DE8937040044", false},           // too short
		{"DE89-370400440532013000", false},
	} {
		if got := ValidIBAN(tc.iban); got != tc.ok {
			t.Errorf("ValidIBAN(%q) = %v, want %v", tc.iban, got, tc.ok)
		}
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		m    Method
		want []string // fields with problems
	}{
		{"good link", Method{Kind: Link, Label: "Give", URL: "https://pay.example.org/x"}, nil},
		{"javascript link", Method{Kind: Link, Label: "Give", URL: "javascript:alert(1)"}, []string{"url"}},
		{"relative link", Method{Kind: Link, Label: "Give", URL: "/donate"}, []string{"url"}},
		{"no label", Method{Kind: Link, URL: "https://pay.example.org/"}, []string{"label"}},
		{"good iban", Method{Kind: Bank, Holder: "Dateline e.V.", Account: "DE89 3704 0044 0532 0130 00", BIC: "COBADEFFXXX"}, nil},
		{"bad iban", Method{Kind: Bank, Holder: "Dateline e.V.", Account: "DE89 3704 0044 0532 0130 01"}, []string{"account"}},
		{"plain account", Method{Kind: Bank, Holder: "Dateline", Account: "123-456789/0"}, nil},
		{"bad bic", Method{Kind: Bank, Holder: "Dateline", Account: "12345678", BIC: "12AB"}, []string{"bic"}},
		{"good crypto", Method{Kind: Crypto, Currency: "Bitcoin", Address: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"}, nil},
		{"spaced address", Method{Kind: Crypto, Currency: "Bitcoin", Address: "bc1q ar0s"}, []string{"address"}},
		{"no kind", Method{Kind: "cash"}, []string{"kind"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.m.Tidy().Validate()
			var fields []string
			for f := range got {
				fields = append(fields, f)
			}
			slices.Sort(fields)
			if !slices.Equal(fields, tc.want) {
				t.Errorf("problems %v, want fields %v", got, tc.want)
			}
		})
	}
}

func TestURI(t *testing.T) {
	t.Parallel()
	if got := (Method{Currency: "Bitcoin", Address: "bc1qxyz"}).URI(); got != "bitcoin:bc1qxyz" {
		t.Errorf("bitcoin URI = %q", got)
	}
	if got := (Method{Currency: "USDT", Address: "TXyz"}).URI(); got != "TXyz" {
		t.Errorf("unknown currency URI = %q", got)
	}
}

func TestMove(t *testing.T) {
	t.Parallel()
	list := []Method{{ID: 1}, {ID: 2}, {ID: 3}}
	for _, tc := range []struct {
		id    int64
		delta int
		want  []int64
	}{{3, -1, []int64{1, 3, 2}}, {1, -1, []int64{1, 2, 3}}, {1, 1, []int64{2, 1, 3}}, {3, 1, []int64{1, 2, 3}}} {
		got, err := Move(list, tc.id, tc.delta)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("Move(%d, %d) = %v, %v; want %v", tc.id, tc.delta, got, err, tc.want)
		}
	}
	if _, err := Move(list, 9, 1); err != ErrNotFound {
		t.Errorf("Move of unknown id: %v", err)
	}
}
