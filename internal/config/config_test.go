package config

import (
	"flag"
	"io"
	"strings"
	"testing"
)

func load(t *testing.T, args []string, env map[string]string) (Config, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var c Config
	if err := Register(fs, &c, true, func(k string) string { return env[k] }); err != nil {
		return c, err
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	return c, c.Validate(true)
}

func TestPrecedence(t *testing.T) {
	t.Parallel()
	c, err := load(t, nil, nil)
	if err != nil || c.Addr != "127.0.0.1:8080" || c.Data != "./dateline-data" {
		t.Fatalf("defaults: %+v, %v", c, err)
	}
	env := map[string]string{"DATELINE_ADDR": "127.0.0.1:9000", "DATELINE_DATA": "/srv/news", "DATELINE_NO_DEMO": "true"}
	c, err = load(t, nil, env)
	if err != nil || c.Addr != "127.0.0.1:9000" || c.Data != "/srv/news" || !c.NoDemo {
		t.Fatalf("environment: %+v, %v", c, err)
	}
	c, err = load(t, []string{"--addr", "127.0.0.1:9001", "--no-demo=false"}, env)
	if err != nil || c.Addr != "127.0.0.1:9001" || c.NoDemo {
		t.Fatalf("flag beats environment: %+v, %v", c, err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := load(t, []string{"--addr", "nonsense", "--database", "mysql://x", "--log-format", "xml", "--url", "ftp://x/y"}, nil)
	if err == nil {
		t.Fatal("bad settings accepted")
	}
	for _, want := range []string{"--addr", "--database", "--log-format", "--url"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	if _, err := load(t, nil, map[string]string{"DATELINE_NO_DEMO": "perhaps"}); err == nil {
		t.Error("DATELINE_NO_DEMO=perhaps accepted")
	}
}

func TestEffectiveRedactsPassword(t *testing.T) {
	t.Parallel()
	c := Defaults()
	c.Database = "postgres://news:s3cret@db.internal/news"
	out := strings.Join(c.Effective(), "\n")
	if strings.Contains(out, "s3cret") || !strings.Contains(out, "news:xxxxx@db.internal") {
		t.Errorf("Effective() = %q", out)
	}
}
