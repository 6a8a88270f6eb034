package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/testenv"
)

const wpFixture = "../../../shared/fixtures/wordpress/small-export.xml"

func fixturePath(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(wpFixture); err != nil {
		t.Skipf("WordPress fixture not found (%v)", err)
	}
	return wpFixture
}

// TestImportWordPress runs the command as an operator would, twice: the
// second run finds everything unchanged. Media are left out (no
// --uploads) to keep it quick; internal/wordpress tests them.
func TestImportWordPress(t *testing.T) {
	t.Parallel()
	file := fixturePath(t)
	data := t.TempDir()
	env := map[string]string{"DATELINE_DATA": data}
	code, out, errOut := runCmd(t, env, "", "import", "wordpress", file)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"Imported The Example Gazette", "articles", "comments", "warnings, all in "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !regexp.MustCompile(`articles\s+42\s+0\s+0\s+0\s+\d+`).MatchString(out) {
		t.Errorf("summary does not show 42 articles imported:\n%s", out)
	}
	logPath := regexp.MustCompile(`all in (\S+);`).FindStringSubmatch(out)
	if logPath == nil || filepath.Dir(logPath[1]) != data {
		t.Fatalf("warnings log not named, or not in the data folder:\n%s", out)
	}
	if b, err := os.ReadFile(logPath[1]); err != nil || !strings.Contains(string(b), "password-protected") {
		t.Errorf("warnings log %s: %v\n%s", logPath[1], err, b)
	}
	code, out, errOut = runCmd(t, env, "", "import", "wordpress", file)
	if code != 0 || !regexp.MustCompile(`articles\s+0\s+0\s+42\s`).MatchString(out) || !regexp.MustCompile(`comments\s+0\s+0\s+283\s`).MatchString(out) {
		t.Errorf("second import: exit %d, want everything unchanged:\n%s\n%s", code, out, errOut)
	}
}

func TestImportWordPressPostgres(t *testing.T) {
	t.Parallel()
	file := fixturePath(t)
	url := testenv.PostgresURL(t)
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	schema := "test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	dbURL := url + sep + "search_path=" + schema
	env := map[string]string{"DATELINE_DATA": t.TempDir(), "DATELINE_DATABASE": dbURL}
	code, out, errOut := runCmd(t, env, "", "import", "wordpress", file)
	if code != 0 || !regexp.MustCompile(`comments\s+283\s`).MatchString(out) {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	st, err := store.Open(context.Background(), dbURL, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.QueryCount(context.Background(), `SELECT COUNT(*) FROM articles`); err != nil || n != 42 {
		t.Errorf("articles = %d, %v; want 42", n, err)
	}
}

func TestImportWordPressBadInput(t *testing.T) {
	t.Parallel()
	file := fixturePath(t)
	whole, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	truncated := filepath.Join(dir, "truncated.xml")
	if err := os.WriteFile(truncated, whole[:len(whole)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	env := map[string]string{"DATELINE_DATA": data}
	code, _, errOut := runCmd(t, env, "", "import", "wordpress", truncated)
	if code != 1 || !regexp.MustCompile(`line \d+: .*truncated; nothing was imported`).MatchString(errOut) {
		t.Errorf("truncated file: exit %d, %q", code, errOut)
	}
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.QueryCount(context.Background(), `SELECT COUNT(*) FROM articles`); err != nil || n != 0 {
		t.Errorf("after a failed import: %d articles, %v", n, err)
	}
	if code, _, errOut := runCmd(t, env, "", "import", "wordpress"); code != 2 || !strings.Contains(errOut, "give one export file") {
		t.Errorf("no file: exit %d, %q", code, errOut)
	}
	if code, _, _ := runCmd(t, env, "", "import", "wordpress", filepath.Join(dir, "nope.xml")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	if code, _, errOut := runCmd(t, env, "", "import", "wordpress", "--uploads", filepath.Join(dir, "nope"), file); code != 1 || !strings.Contains(errOut, "not a folder") {
		t.Errorf("bad --uploads: exit %d, %q", code, errOut)
	}
}

func TestImportWordPressDryRun(t *testing.T) {
	t.Parallel()
	file := fixturePath(t)
	data := t.TempDir()
	code, out, errOut := runCmd(t, map[string]string{"DATELINE_DATA": data}, "", "import", "wordpress", "--dry-run", file)
	if code != 0 || !strings.Contains(out, "Dry run") || !regexp.MustCompile(`articles\s+42\s`).MatchString(out) {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	st, err := store.Open(context.Background(), "", data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.QueryCount(context.Background(), `SELECT COUNT(*) FROM articles`); err != nil || n != 0 {
		t.Errorf("dry run wrote %d articles, %v", n, err)
	}
}

func TestProgressBar(t *testing.T) {
	t.Parallel()
	got := bar(50, 100, 1200, 10e9)
	for _, want := range []string{"[===============               ]", " 50%", "1200 items", "120/s", "10s left"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar = %q, lacks %q", got, want)
		}
	}
}
