package desk

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/settings"
)

// settingsStore is what the settings page reads and writes.
type settingsStore interface {
	Site(ctx context.Context) (settings.Site, error)
	SaveSite(ctx context.Context, site settings.Site) error
}

// SettingsPage is the site-wide settings form, for admins.
type SettingsPage struct {
	Layout
	Form      settings.Site // as typed, kept when it needs fixing
	Errors    map[string]string
	Languages []Language
	TimeZones []string
}

// timeZones are suggestions for the time zone field; any IANA name is accepted.
var timeZones = []string{"UTC", "Asia/Kabul", "Asia/Tehran", "Asia/Karachi", "Asia/Dubai", "Asia/Kolkata",
	"Asia/Tashkent", "Asia/Dushanbe", "Europe/Istanbul", "Europe/Kyiv", "Europe/Moscow", "Europe/Berlin",
	"Europe/Paris", "Europe/London", "Africa/Cairo", "Africa/Nairobi", "America/New_York", "America/Los_Angeles"}

// Settings shows the site settings. The support box's text and link show
// what readers see, defaults included, so the admin edits real words.
func (h *Handler) Settings(w http.ResponseWriter, r *http.Request) error {
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return err
	}
	site.Support.Text, site.Support.Link = site.Support.Words(), site.Support.URL()
	return h.settingsForm(w, r, http.StatusOK, site, nil)
}

// SaveSettings stores the site settings, all or none.
func (h *Handler) SaveSettings(w http.ResponseWriter, r *http.Request) error {
	if err := readForm(w, r, manageFormBytes); err != nil {
		return err
	}
	st := h.Store
	before, err := st.Site(r.Context())
	if err != nil {
		return err
	}
	site := parseSettings(r)
	if problems := site.Validate(); len(problems) > 0 {
		return h.settingsForm(w, r, http.StatusUnprocessableEntity, site, problems)
	}
	if err := st.SaveSite(r.Context(), site); err != nil {
		return err
	}
	h.audit(r, "settings.update", "site", settingsChanges(before, site))
	return seeOther(w, r, "/admin/settings", "Settings saved.")
}

// parseSettings reads the form, trimming the stray spaces a paste brings.
func parseSettings(r *http.Request) settings.Site {
	f := r.PostForm
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	return settings.Site{Name: get("name"), Tagline: get("tagline"), Language: get("language"),
		TimeZone: get("time_zone"), Logo: get("logo"),
		Support: settings.Support{Hidden: f.Get("support_show") != "on", Text: get("support_text"), Link: get("support_link")}}
}

func (h *Handler) settingsForm(w http.ResponseWriter, r *http.Request, status int, form settings.Site, problems map[string]string) error {
	l, err := h.layout(r, "Settings", "settings")
	if err != nil {
		return err
	}
	return h.page(w, r, status, "settings", SettingsPage{Layout: l, Form: form, Errors: problems,
		Languages: languages, TimeZones: timeZones})
}

// settingsChanges describes for the audit log what an admin changed.
func settingsChanges(a, b settings.Site) string {
	return changes("name", a.Name, b.Name, "tagline", a.Tagline, b.Tagline, "language", a.Language, b.Language,
		"time zone", a.TimeZone, b.TimeZone, "logo", a.Logo, b.Logo,
		"support shown", strconv.FormatBool(a.Support.Shown()), strconv.FormatBool(b.Support.Shown()),
		"support text", a.Support.Words(), b.Support.Words(), "support link", a.Support.URL(), b.Support.URL())
}
