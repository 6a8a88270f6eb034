package settings

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	good := Site{Name: "Ledger", Language: "fa-AF", TimeZone: "Asia/Kabul", Logo: "/media/logo.png",
		Support: Support{Text: "Support us.", Link: "https://give.example.org/ledger?from=site"}}
	if p := good.Validate(); len(p) != 0 {
		t.Fatalf("good settings: %v", p)
	}
	cases := []struct {
		name   string
		change func(*Site)
		field  string
	}{
		{"no name", func(s *Site) { s.Name = " " }, "name"},
		{"long name", func(s *Site) { s.Name = strings.Repeat("n", MaxName+1) }, "name"},
		{"long tagline", func(s *Site) { s.Tagline = strings.Repeat("t", MaxTagline+1) }, "tagline"},
		{"bad language", func(s *Site) { s.Language = "english please" }, "language"},
		{"unknown zone", func(s *Site) { s.TimeZone = "Mars/Olympus" }, "time_zone"},
		{"server's zone", func(s *Site) { s.TimeZone = "Local" }, "time_zone"},
		{"empty zone", func(s *Site) { s.TimeZone = "" }, "time_zone"},
		{"remote logo", func(s *Site) { s.Logo = "https://cdn.example.com/l.png" }, "logo"},
		{"protocol-relative logo", func(s *Site) { s.Logo = "//cdn.example.com/l.png" }, "logo"},
		{"backslash logo", func(s *Site) { s.Logo = `/\cdn.example.com/l.png` }, "logo"},
		{"relative logo", func(s *Site) { s.Logo = "media/l.png" }, "logo"},
		{"script link", func(s *Site) { s.Support.Link = "javascript:alert(1)" }, "support_link"},
		{"link without host", func(s *Site) { s.Support.Link = "https:///x" }, "support_link"},
		{"link with spaces", func(s *Site) { s.Support.Link = "/support us/" }, "support_link"},
		{"shown without text", func(s *Site) { s.Support.Text = "" }, "support_text"},
		{"shown without link", func(s *Site) { s.Support.Link = "" }, "support_link"},
		{"long text", func(s *Site) { s.Support.Text = strings.Repeat("x", MaxSupportText+1) }, "support_text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := good
			c.change(&s)
			if p := s.Validate(); p[c.field] == "" || len(p) != 1 {
				t.Errorf("problems %v, want one for %s", p, c.field)
			}
		})
	}
	hidden := good
	hidden.Support = Support{Hidden: true}
	if p := hidden.Validate(); len(p) != 0 {
		t.Errorf("a hidden box needs no words: %v", p)
	}
}

// TestSupportDefaults: the zero value asks for support with the default words.
func TestSupportDefaults(t *testing.T) {
	var s Support
	if !s.Shown() || s.Words() != DefaultSupportText || s.URL() != DefaultSupportLink {
		t.Errorf("zero Support = %v %q %q", s.Shown(), s.Words(), s.URL())
	}
}
