package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/store"
)

// syncBuffer lets the test read what a running command has printed so far.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func runCmd(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut syncBuffer
	e := &environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(k string) string { return env[k] }}
	code = run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

func TestVersionAndHelp(t *testing.T) {
	t.Parallel()
	if code, out, _ := runCmd(t, nil, "", "version"); code != 0 || !strings.HasPrefix(out, "dateline ") {
		t.Errorf("version: %d %q", code, out)
	}
	for _, cmd := range []string{"serve", "migrate", "version", "config"} {
		code, _, errOut := runCmd(t, nil, "", cmd, "--help")
		if code != 0 || !strings.Contains(errOut, "Usage: dateline "+cmd) {
			t.Errorf("%s --help: %d %q", cmd, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, nil, "", "user", "add", "--help"); code != 0 || !strings.Contains(errOut, "--role") {
		t.Errorf("user add --help: %d %q", code, errOut)
	}
	if code, _, errOut := runCmd(t, nil, "", "frobnicate"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, _ := runCmd(t, nil, "", "serve", "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

func TestUserAdd(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	env := map[string]string{"DATELINE_DATA": data, "DATELINE_PASSWORD": "correct horse battery"}
	code, out, errOut := runCmd(t, env, "", "user", "add", "--email", "Mina@Example.org", "--name", "Mina Rahimi", "--role", "editor")
	if code != 0 || !strings.Contains(out, "Added Mina Rahimi <mina@example.org> as editor") {
		t.Fatalf("user add: %d %q %q", code, out, errOut)
	}
	// The password may also come on standard input.
	code, _, errOut = runCmd(t, map[string]string{"DATELINE_DATA": data}, "another long password\n", "user", "add", "--email", "tom@example.org", "--name", "Tom", "--role", "author")
	if code != 0 {
		t.Fatalf("user add from stdin: %d %q", code, errOut)
	}
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for email, pw := range map[string]string{"mina@example.org": "correct horse battery", "tom@example.org": "another long password"} {
		u, err := st.UserByEmail(context.Background(), email)
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := people.CheckPassword(u.PasswordHash, pw); !ok || err != nil {
			t.Errorf("%s: stored password does not match (%v)", email, err)
		}
	}

	bad := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"duplicate", env, []string{"--email", "mina@example.org", "--name", "M", "--role", "editor"}, "already exists"},
		{"bad role", env, []string{"--email", "x@example.org", "--name", "X", "--role", "boss"}, "unknown role"},
		{"bad email and no name", env, []string{"--email", "not-an-address", "--role", "admin"}, "--name is required"},
		{"short password", map[string]string{"DATELINE_DATA": data, "DATELINE_PASSWORD": "short"}, []string{"--email", "y@example.org", "--name", "Y", "--role", "admin"}, "at least 12"},
		{"no password", map[string]string{"DATELINE_DATA": data}, []string{"--email", "z@example.org", "--name", "Z", "--role", "admin"}, "no password"},
	}
	for _, b := range bad {
		code, _, errOut := runCmd(t, b.env, "", append([]string{"user", "add"}, b.args...)...)
		if code != 1 || !strings.Contains(errOut, b.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want one line containing %q", b.name, code, errOut, b.want)
		}
	}
}

func TestDatabaseErrorsAreOneLine(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("not a folder"), 0o600)
	cases := map[string][]string{
		"data folder is a file": {"migrate", "--data", file},
		"unreachable postgres":  {"migrate", "--database", "postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"},
		"not a postgres url":    {"migrate", "--database", "mysql://localhost/news"},
	}
	for name, args := range cases {
		code, _, errOut := runCmd(t, nil, "", args...)
		if code == 0 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 || !strings.HasPrefix(errOut, "dateline migrate: ") {
			t.Errorf("%s: exit %d, stderr %q; want a one-line error", name, code, errOut)
		}
		if strings.Contains(errOut, "secret") {
			t.Errorf("%s: password printed: %q", name, errOut)
		}
	}
	// A database file that is not SQLite is refused without being changed.
	data := t.TempDir()
	junk := bytes.Repeat([]byte("this is not a database "), 200)
	os.WriteFile(filepath.Join(data, store.SQLiteFile), junk, 0o600)
	code, _, errOut := runCmd(t, nil, "", "migrate", "--data", data)
	if code != 1 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("corrupt database: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(data, store.SQLiteFile)); !bytes.Equal(after, junk) {
		t.Error("corrupt database file was modified")
	}
}

// TestServeDemo starts `dateline serve` on an empty data folder, reads the
// admin password from the console, fetches the front page, and stops it
// as SIGINT would.
func TestServeDemo(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	data := t.TempDir()
	var out, errOut syncBuffer
	e := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"serve", "--addr", addr, "--data", data}) }()

	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), "Dateline is running at") {
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", out.String(), errOut.String())
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d:\n%s\n%s", code, out.String(), errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	console := out.String()
	pw := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(console)
	if pw == nil || !strings.Contains(console, "http://"+addr+"/admin/") {
		t.Fatalf("console lacks the admin URL and password:\n%s", console)
	}
	res, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), "The Northern Dispatch") {
		t.Errorf("front page: %d", res.StatusCode)
	}
	// The page cache is on by default: the second reader gets the stored page.
	again, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	again.Body.Close()
	if again.Header.Get("X-Cache") != "hit" {
		t.Errorf("second front page request: X-Cache %q", again.Header.Get("X-Cache"))
	}
	stop()
	if code := <-done; code != 0 {
		t.Errorf("serve exit status %d after stop:\n%s", code, errOut.String())
	}

	// The password works, and a second start neither re-seeds nor prints it again.
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.UserByEmail(context.Background(), "admin@example.org")
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := people.CheckPassword(u.PasswordHash, pw[1]); !ok {
		t.Error("printed password does not match the admin account")
	}
	var out2 syncBuffer
	e.stdout = &out2
	ctx2, stop2 := context.WithCancel(context.Background())
	go func() { done <- run(ctx2, e, []string{"serve", "--addr", addr, "--data", data}) }()
	for !strings.Contains(out2.String(), "Dateline is running at") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	stop2()
	<-done
	if strings.Contains(out2.String(), "password") {
		t.Errorf("second start printed a password:\n%s", out2.String())
	}
}
