// Package testenv holds helpers that tests in other packages use to reach
// the services they need: PostgreSQL and a headless Chromium.
//
// Outside CI, a test whose service is missing is skipped with a message that
// says how to enable it. Under CI (CI=true or CI=1) the same situation fails
// the test, so a misconfigured CI machine cannot pass by skipping.
package testenv

import (
	"net/url"
	"os"
	"strings"
	"testing"
)

// PostgresEnv is the environment variable that holds the URL of a PostgreSQL
// database that tests may use and overwrite.
const PostgresEnv = "DATELINE_TEST_DATABASE"

// ExamplePostgresURL is the URL that .ci/run exports, and the one the skip
// message suggests.
const ExamplePostgresURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// InCI reports whether the tests run under CI, that is whether the
// environment variable CI is "true" or "1".
func InCI() bool {
	v := strings.TrimSpace(os.Getenv("CI"))
	return strings.EqualFold(v, "true") || v == "1"
}

// PostgresURL returns the URL of the test database from DATELINE_TEST_DATABASE.
// When the variable is unset it fails the test under CI and skips it
// otherwise. A value that is not a postgres:// or postgresql:// URL always
// fails the test, because someone set it on purpose and got it wrong.
func PostgresURL(t testing.TB) string {
	t.Helper()
	v := strings.TrimSpace(os.Getenv(PostgresEnv))
	if v == "" {
		if InCI() {
			t.Fatalf("%s is not set; CI needs PostgreSQL for this test (.ci/run exports %s=%s)",
				PostgresEnv, PostgresEnv, ExamplePostgresURL)
		}
		t.Skipf("skipping: needs PostgreSQL; run with %s=%s go test ./...",
			PostgresEnv, ExamplePostgresURL)
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		t.Fatalf("%s must be a postgres:// or postgresql:// URL such as %s, got %q",
			PostgresEnv, ExamplePostgresURL, redact(v))
	}
	return v
}

// redact hides a password in a URL-looking string for error messages.
func redact(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		if _, ok := u.User.Password(); ok {
			return u.Redacted()
		}
	}
	return s
}
