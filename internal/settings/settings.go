// Package settings holds the site-wide settings a newsroom sets once: its
// name, tagline, language, time zone, logo and the support call-to-action.
package settings

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Site is the newsroom's site-wide settings.
type Site struct {
	Name     string
	Tagline  string
	Language string // BCP 47 tag of the site's main language, e.g. "en"
	TimeZone string // IANA name, e.g. "Asia/Kabul"; dates in URLs and on pages use it
	// Logo is the URL path of an image on this site (say /media/logo.png)
	// shown in the masthead instead of the name; "" shows the name.
	Logo    string
	Support Support
}

// Support is the call-to-action under every article. Its zero value is the
// default — shown, with DefaultSupportText and a link to DefaultSupportLink —
// so a newsroom asks its readers for support unless it decides not to.
type Support struct {
	Hidden bool
	Text   string // "" means DefaultSupportText
	Link   string // a path on this site or an http(s) URL; "" means DefaultSupportLink
}

// The support call-to-action's defaults.
const (
	DefaultSupportText = "Independent reporting depends on its readers. If our work matters to you, please support it."
	DefaultSupportLink = "/support/"
)

// Shown reports whether articles show the call-to-action.
func (s Support) Shown() bool { return !s.Hidden }

// Words is the text of the call-to-action.
func (s Support) Words() string {
	if s.Text == "" {
		return DefaultSupportText
	}
	return s.Text
}

// URL is where the call-to-action's button leads.
func (s Support) URL() string {
	if s.Link == "" {
		return DefaultSupportLink
	}
	return s.Link
}

// Limits on what an admin may type, in characters.
const (
	MaxName        = 100
	MaxTagline     = 200
	MaxSupportText = 300
	MaxURL         = 500
)

// Defaults are used for any setting the newsroom has not set.
func Defaults() Site {
	return Site{Name: "Dateline", Tagline: "Independent news", Language: "en", TimeZone: "UTC"}
}

// Location is the site's time zone; an unknown name falls back to UTC so a
// bad setting can never take the site down.
func (s Site) Location() *time.Location {
	if loc, ok := zones.Load(s.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	zones.Store(s.TimeZone, loc)
	return loc
}

// zones keeps the time zones loaded: time.LoadLocation reads and parses the
// zone's file on every call, and every page and comment post needs one.
// Only names that loaded are kept, so a typed setting cannot grow it much.
var zones sync.Map // name → *time.Location

// Validate reports every problem with the settings at once, by field.
func (s Site) Validate() map[string]string {
	problems := map[string]string{}
	add := func(field, msg string) {
		if msg != "" {
			problems[field] = msg
		}
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(s.Name)); {
	case n == 0:
		add("name", "Enter the site's name.")
	case n > MaxName:
		add("name", fmt.Sprintf("Keep the name under %d characters.", MaxName))
	}
	if utf8.RuneCountInString(s.Tagline) > MaxTagline {
		add("tagline", fmt.Sprintf("Keep the tagline under %d characters.", MaxTagline))
	}
	add("language", languageProblem(s.Language))
	add("time_zone", timeZoneProblem(s.TimeZone))
	add("logo", logoProblem(s.Logo))
	add("support_text", supportTextProblem(s.Support))
	add("support_link", supportLinkProblem(s.Support))
	return problems
}

func languageProblem(tag string) string {
	// Tags are short; the length check keeps a pasted essay out of the parser's message.
	if _, err := language.Parse(tag); err != nil || len(tag) > 35 {
		return fmt.Sprintf("%q is not a language tag such as en, fa-AF or ps.", clip(tag))
	}
	return ""
}

func timeZoneProblem(name string) string {
	// "Local" names the server's own zone, which moves with the machine.
	if _, err := time.LoadLocation(name); err != nil || name == "" || name == "Local" || len(name) > 64 {
		return fmt.Sprintf("%q is not a time zone name such as UTC or Asia/Kabul.", clip(name))
	}
	return ""
}

// logoProblem accepts only a path on this site: public pages load nothing
// from elsewhere, so readers' browsers contact no one else.
func logoProblem(logo string) string {
	if logo == "" {
		return ""
	}
	if len(logo) > MaxURL || !localPath(logo) {
		return "Give the path of an image on this site, starting with /, such as /media/logo.png."
	}
	return ""
}

func supportTextProblem(s Support) string {
	n := utf8.RuneCountInString(strings.TrimSpace(s.Text))
	switch {
	case n == 0 && !s.Hidden:
		return "Write a sentence for the box, or untick “Show the box”."
	case n > MaxSupportText:
		return fmt.Sprintf("Keep it under %d characters: the box should stay short.", MaxSupportText)
	}
	return ""
}

// supportLinkProblem accepts a path on this site or a web address: a link
// is followed only when a reader chooses to, so it may lead elsewhere.
func supportLinkProblem(s Support) string {
	switch {
	case s.Link == "" && !s.Hidden:
		return "Give the page the button leads to, such as /support/."
	case s.Link == "":
		return ""
	case len(s.Link) > MaxURL:
		return fmt.Sprintf("Keep the link under %d characters.", MaxURL)
	case !localPath(s.Link) && !webAddress(s.Link):
		return "Give a path on this site, such as /support/, or a full address starting with https://."
	}
	return ""
}

// localPath reports whether p is a path on this site: it starts with one
// slash (two would name another host), and has no backslash, space or
// control character that browsers might read differently.
func localPath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || !plain(p) {
		return false
	}
	u, err := url.Parse(p)
	return err == nil && u.Scheme == "" && u.Host == ""
}

// webAddress reports whether s is an absolute http or https URL with a host.
func webAddress(s string) bool {
	if !plain(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

func plain(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
		return r == '\\' || unicode.IsSpace(r) || unicode.IsControl(r)
	})
}

// clip shortens what is quoted back in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
