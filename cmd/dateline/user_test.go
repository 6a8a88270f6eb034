package main

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
)

func TestUserResetPassword(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	env := map[string]string{"DATELINE_DATA": data, "DATELINE_PASSWORD": "a forgotten password"}
	if code, _, errOut := runCmd(t, env, "", "user", "add", "--email", "mina@example.org", "--name", "Mina", "--role", "admin"); code != 0 {
		t.Fatalf("user add: %d %q", code, errOut)
	}
	env = map[string]string{"DATELINE_DATA": data}
	link := regexp.MustCompile(`^(https?://[^/]+)/admin/link/([A-Za-z0-9_-]{43})\n$`)

	cases := []struct {
		name string
		env  map[string]string
		args []string
		base string
	}{
		{"default address", env, nil, "http://127.0.0.1:8080"},
		{"flag, trailing slash dropped", env, []string{"--url", "https://news.example.org/"}, "https://news.example.org"},
		{"environment", map[string]string{"DATELINE_DATA": data, "DATELINE_URL": "https://desk.example.org"}, nil, "https://desk.example.org"},
	}
	var token string
	for _, c := range cases {
		code, out, errOut := runCmd(t, c.env, "", append([]string{"user", "reset-password", "--email", "Mina@Example.org"}, c.args...)...)
		m := link.FindStringSubmatch(out)
		if code != 0 || m == nil || m[1] != c.base || !strings.Contains(errOut, "valid for an hour") {
			t.Fatalf("%s: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
		token = m[2]
	}

	// The last link signs in once, within the hour.
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	late := people.NewAuth(st, func() time.Time { return time.Now().Add(61 * time.Minute) })
	if _, _, err := late.UseLink(ctx, token, "reset"); !errors.Is(err, people.ErrTokenInvalid) {
		t.Errorf("link used after an hour: err %v, want ErrTokenInvalid", err)
	}
	auth := people.NewAuth(st, time.Now)
	if u, _, err := auth.UseLink(ctx, token, "reset"); err != nil || u.Email != "mina@example.org" {
		t.Fatalf("use link: %v, %v", u.Email, err)
	}
	if _, _, err := auth.UseLink(ctx, token, "reset"); !errors.Is(err, people.ErrTokenInvalid) {
		t.Errorf("link used twice: err %v", err)
	}

	bad := []struct {
		name string
		args []string
		want string
		code int
	}{
		{"unknown email", []string{"--email", "nobody@example.org"}, "no user has the email address nobody@example.org", 1},
		{"no email", nil, "--email is required", 1},
		{"bad url", []string{"--email", "mina@example.org", "--url", "news.example.org"}, "--url", 1},
		{"stray argument", []string{"--email", "mina@example.org", "extra"}, "unexpected argument", 2},
	}
	for _, b := range bad {
		code, out, errOut := runCmd(t, env, "", append([]string{"user", "reset-password"}, b.args...)...)
		if code != b.code || out != "" || !strings.Contains(errOut, b.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and %q", b.name, code, out, errOut, b.code, b.want)
		}
		if code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%s: error is not one line: %q", b.name, errOut)
		}
	}
	if code, _, errOut := runCmd(t, nil, "", "user", "reset-password", "--help"); code != 0 || !strings.Contains(errOut, "--url") {
		t.Errorf("reset-password --help: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, nil, "", "user", "frobnicate"); code != 2 || !strings.Contains(errOut, "reset-password") {
		t.Errorf("unknown user subcommand: %d %q", code, errOut)
	}
}
