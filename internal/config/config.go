// Package config gathers Dateline's settings from flags and environment
// variables (a flag beats its variable, which beats the default) and checks
// them as a whole.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/web"
)

// Config is every setting of the dateline command.
type Config struct {
	Addr      string // serve: address to listen on
	Data      string // folder for the SQLite database and media files
	Database  string // postgres:// URL; empty means SQLite in Data
	NoDemo    bool   // serve: do not create the demo newsroom on an empty database
	LogFormat string // text or json
	// TrustedProxies lists reverse proxies (addresses or CIDR ranges) whose
	// X-Forwarded-For and X-Forwarded-Proto headers are believed.
	TrustedProxies string
	// URL is the site's public address (https://news.example.org), used in
	// canonical links and feeds; empty means each request's own host.
	URL string
	// PageCache bounds the in-memory page cache: "256MB", "1GB", "0" for none.
	PageCache string
}

// Defaults are the settings when nothing is given.
func Defaults() Config {
	return Config{Addr: "127.0.0.1:8080", Data: "./dateline-data", LogFormat: "text", PageCache: "256MB"}
}

// setting describes one setting: its flag, its variable and where it lives.
type setting struct {
	flag, env, usage string
	serveOnly        bool
	str              func(*Config) *string
	boolean          func(*Config) *bool
}

var settings = []setting{
	{flag: "addr", env: "DATELINE_ADDR", usage: "address to listen on, host:port", serveOnly: true, str: func(c *Config) *string { return &c.Addr }},
	{flag: "data", env: "DATELINE_DATA", usage: "folder for the SQLite database and media files", str: func(c *Config) *string { return &c.Data }},
	{flag: "database", env: "DATELINE_DATABASE", usage: "PostgreSQL URL (postgres://…); empty uses SQLite in the data folder", str: func(c *Config) *string { return &c.Database }},
	{flag: "no-demo", env: "DATELINE_NO_DEMO", usage: "do not create the demo newsroom on an empty database", serveOnly: true, boolean: func(c *Config) *bool { return &c.NoDemo }},
	{flag: "log-format", env: "DATELINE_LOG_FORMAT", usage: "log format: text or json", serveOnly: true, str: func(c *Config) *string { return &c.LogFormat }},
	{flag: "url", env: "DATELINE_URL", usage: "the site's public address, e.g. https://news.example.org, for canonical links, feeds and sign-in links; empty: the address each request used", str: func(c *Config) *string { return &c.URL }},
	{flag: "page-cache", env: "DATELINE_PAGE_CACHE", usage: "memory for rendered public pages, e.g. 256MB or 1GB; 0 turns the page cache off", serveOnly: true, str: func(c *Config) *string { return &c.PageCache }},
	{flag: "trusted-proxies", env: "DATELINE_TRUSTED_PROXIES", usage: "comma-separated addresses or CIDR ranges of reverse proxies to trust for X-Forwarded-For/-Proto", serveOnly: true, str: func(c *Config) *string { return &c.TrustedProxies }},
}

// Register adds the common flags (and, for serve, the server's) to fs, with
// defaults taken from the environment through getenv.
func Register(fs *flag.FlagSet, c *Config, serve bool, getenv func(string) string) error {
	*c = Defaults()
	var problems []string
	for _, s := range settings {
		if s.serveOnly && !serve {
			continue
		}
		env := getenv(s.env)
		usage := fmt.Sprintf("%s (env %s)", s.usage, s.env)
		if s.str != nil {
			p := s.str(c)
			if env != "" {
				*p = env
			}
			fs.StringVar(p, s.flag, *p, usage)
			continue
		}
		p := s.boolean(c)
		if env != "" {
			switch strings.ToLower(env) {
			case "1", "true", "yes", "on":
				*p = true
			case "0", "false", "no", "off":
			default:
				problems = append(problems, fmt.Sprintf("%s=%q: use true or false", s.env, env))
			}
		}
		fs.BoolVar(p, s.flag, *p, usage)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// Validate reports every problem at once, one per line.
func (c Config) Validate(serve bool) error {
	var problems []string
	if serve {
		if host, port, err := net.SplitHostPort(c.Addr); err != nil || port == "" {
			problems = append(problems, fmt.Sprintf("--addr %q: use host:port, for example 127.0.0.1:8080", c.Addr))
		} else if host != "" && net.ParseIP(host) == nil && host != "localhost" {
			if _, err := net.LookupHost(host); err != nil {
				problems = append(problems, fmt.Sprintf("--addr %q: unknown host %q", c.Addr, host))
			}
		}
		if _, err := web.ParseProxies(c.TrustedProxies); err != nil {
			problems = append(problems, fmt.Sprintf("--trusted-proxies %q: %v", c.TrustedProxies, err))
		}
		if _, err := ParseSize(c.PageCache); err != nil {
			problems = append(problems, fmt.Sprintf("--page-cache %q: %v", c.PageCache, err))
		}
		if c.LogFormat != "text" && c.LogFormat != "json" {
			problems = append(problems, fmt.Sprintf("--log-format %q: use text or json", c.LogFormat))
		}
	}
	if c.URL != "" {
		if u, err := url.Parse(c.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
			problems = append(problems, fmt.Sprintf("--url %q: give the site's address only, like https://news.example.org", c.URL))
		}
	}
	if c.Database != "" && !store.IsPostgresURL(c.Database) {
		problems = append(problems, "--database: give a postgres:// URL, or leave it empty for the embedded SQLite database")
	}
	if c.Database == "" && strings.TrimSpace(c.Data) == "" {
		problems = append(problems, "--data: give a folder for the database and media")
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// Effective lists the settings as name=value lines, the database password
// redacted, for `dateline config`.
func (c Config) Effective() []string {
	lines := []string{
		"addr=" + c.Addr,
		"data=" + c.Data,
		"database=" + store.Redact(c.Database),
		fmt.Sprintf("no-demo=%t", c.NoDemo),
		"log-format=" + c.LogFormat,
		"page-cache=" + c.PageCache,
		"trusted-proxies=" + c.TrustedProxies,
		"url=" + c.URL,
	}
	sort.Strings(lines)
	return lines
}

// ParseSize reads a size in bytes: a whole number with an optional unit,
// B, KB, MB or GB (powers of 1024), such as 256MB. 0 is allowed.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	units := []struct {
		suffix string
		mult   int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<50)/mult {
		return 0, errors.New("give a size such as 256MB, 1GB or 0")
	}
	return n * mult, nil
}
