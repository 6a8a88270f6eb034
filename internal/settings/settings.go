// Package settings holds the site-wide settings a newsroom sets once: its
// name, tagline, language and time zone.
package settings

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Site is the newsroom's site-wide settings.
type Site struct {
	Name     string
	Tagline  string
	Language string // BCP 47 tag of the site's main language, e.g. "en"
	TimeZone string // IANA name, e.g. "Asia/Kabul"; dates in URLs and on pages use it
}

// Defaults are used for any setting the newsroom has not set.
func Defaults() Site {
	return Site{Name: "Dateline", Tagline: "Independent news", Language: "en", TimeZone: "UTC"}
}

// Location is the site's time zone; an unknown name falls back to UTC so a
// bad setting can never take the site down.
func (s Site) Location() *time.Location {
	loc, err := time.LoadLocation(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Validate reports every problem with the settings at once, by field.
func (s Site) Validate() map[string]string {
	problems := map[string]string{}
	if strings.TrimSpace(s.Name) == "" {
		problems["name"] = "Enter the site's name."
	}
	if _, err := language.Parse(s.Language); err != nil {
		problems["language"] = fmt.Sprintf("%q is not a language tag such as en, fa-AF or ps.", s.Language)
	}
	if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "" {
		problems["time_zone"] = fmt.Sprintf("%q is not a time zone name such as UTC or Asia/Kabul.", s.TimeZone)
	}
	return problems
}
