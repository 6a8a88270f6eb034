package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/change"
	"github.com/datelinenews/dateline/internal/config"
	"github.com/datelinenews/dateline/internal/wordpress"
)

// importUsage lists the import subcommands.
const importUsage = `Usage:
  dateline import wordpress [--data DIR | --database URL] [--uploads DIR] [--dry-run] FILE.xml`

func runImport(ctx context.Context, env *environment, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "wordpress":
			return runImportWordPress(ctx, env, args[1:])
		case "-h", "--help", "help":
			fmt.Fprintln(env.stderr, importUsage)
			return flag.ErrHelp
		}
	}
	fmt.Fprintln(env.stderr, importUsage)
	return errUsage
}

// runImportWordPress imports a WordPress export (Tools › Export › All
// content) in one transaction, printing a progress bar on a terminal, a
// summary, and where the warnings were written.
func runImportWordPress(ctx context.Context, env *environment, args []string) error {
	var uploads string
	var dry bool
	fs := newFlags(env, "import wordpress", "import wordpress [--data DIR | --database URL] [--uploads DIR] [--dry-run] FILE.xml\n\n"+
		"Imports a WordPress export (Tools › Export › All content). Run it again with a newer export to update.")
	var cfg config.Config
	if err := config.Register(fs, &cfg, false, env.getenv); err != nil {
		return err
	}
	fs.StringVar(&uploads, "uploads", "", "WordPress's wp-content/uploads folder, copied from the old server")
	fs.BoolVar(&dry, "dry-run", false, "show what would be imported, and write nothing")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(env.stderr, "give one export file after the flags, such as: dateline import wordpress --uploads ./uploads export.xml")
		fs.Usage()
		return errUsage
	}
	if err := cfg.Validate(false); err != nil {
		return err
	}
	if uploads != "" {
		if info, err := os.Stat(uploads); err != nil || !info.IsDir() {
			return fmt.Errorf("--uploads %s: not a folder", uploads)
		}
	}
	return importWordPress(ctx, env, cfg, fs.Arg(0), uploads, dry)
}

func importWordPress(ctx context.Context, env *environment, cfg config.Config, file, uploads string, dry bool) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, newLogger(env.stderr, "text"))
	if err != nil {
		return err
	}
	defer st.Close()
	bucket, err := disk.New(filepath.Join(cfg.Data, "media"))
	if err != nil {
		return err
	}
	logPath, logFile, err := warningsLog(cfg.Data, dry)
	if err != nil {
		return err
	}
	defer logFile.Close()
	bar := newProgress(env.stderr, info.Size())
	report, err := wordpress.Import(ctx, st, f, wordpress.Options{Uploads: uploads, Media: bucket, DryRun: dry,
		Warnings: logFile, Progress: bar.update, Now: time.Now})
	bar.done()
	if err != nil {
		return fmt.Errorf("%s: %w; nothing was imported", file, err)
	}
	printReport(env.stdout, report, logPath)
	if !dry && st.Broadcasts() {
		// Servers running on this database drop their cached pages now
		// rather than when the pages expire.
		if err := st.Notify(ctx, "import "+change.All); err != nil {
			fmt.Fprintf(env.stderr, "imported, but the running servers were not told to refresh their pages: %v\n", err)
		}
	}
	return nil
}

// warningsLog creates the warnings file next to the data; a dry run's goes
// to a temporary file, as a dry run writes nothing in the data folder.
func warningsLog(data string, dry bool) (string, *os.File, error) {
	name := "import-warnings-" + time.Now().Format("20060102-150405") + ".log"
	dir := data
	if dry {
		dir = os.TempDir()
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", nil, err
	}
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	return p, f, err
}

func printReport(w io.Writer, r *wordpress.Report, logPath string) {
	if r.DryRun {
		fmt.Fprintf(w, "Dry run of the import of %s: nothing was written.\n\n", r.Site.Title)
	} else {
		fmt.Fprintf(w, "Imported %s (%s).\n\n", r.Site.Title, r.Site.BaseSiteURL)
	}
	r.WriteSummary(w)
	fmt.Fprintf(w, "\nOld addresses that now redirect: %d\n", r.Redirects)
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "\nMissing files (%d), not found in the uploads folder:\n", len(r.Missing))
		for _, m := range r.Missing {
			fmt.Fprintln(w, "  "+m)
		}
	}
	if r.Warnings == 0 {
		fmt.Fprintln(w, "\nNo warnings.")
		return
	}
	fmt.Fprintf(w, "\n%d warnings, all in %s; the first:\n", r.Warnings, logPath)
	for _, msg := range r.First {
		fmt.Fprintln(w, "  "+msg)
	}
}
