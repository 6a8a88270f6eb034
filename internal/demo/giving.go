package demo

import "github.com/datelinenews/dateline/internal/support"

// waysToGive fill the demo's Support page, one of each kind, so a newcomer
// sees what the desk's "Ways to give" page makes. The bank account is the
// IBAN used as an example in banking documentation and the address is a
// published test vector of the Bitcoin address format: neither reaches
// anyone.
var waysToGive = []support.Method{
	{Kind: support.Link, Label: "Become a member", URL: "https://pay.example.org/kabul-desk",
		Note: "Monthly or yearly, from 3 euros a month. Cancel at any time."},
	{Kind: support.Bank, Label: "Bank transfer (euro)", Holder: "Dateline Demo Media",
		Account: "DE89370400440532013000", BIC: "COBADEFFXXX", Bank: "Example Bank", Reference: "Donation"},
	{Kind: support.Crypto, Currency: "Bitcoin", Address: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
}
