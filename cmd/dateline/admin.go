package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/config"
	"github.com/datelinenews/dateline/internal/people"
)

func runMigrate(ctx context.Context, env *environment, args []string) error {
	cfg, err := loadConfig(env, "migrate", "migrate [--data ./dateline-data] [--database URL]", false, args, nil)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, newLogger(env.stderr, "text"))
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s database is at schema version %d\n", st.Engine(), v)
	return nil
}

func runConfig(ctx context.Context, env *environment, args []string) error {
	cfg, err := loadConfig(env, "config", "config [flags of serve]", true, args, nil)
	if err != nil {
		return err
	}
	for _, line := range cfg.Effective() {
		fmt.Fprintln(env.stdout, line)
	}
	return nil
}

// userUsage lists the user subcommands.
const userUsage = `Usage:
  dateline user add --email E --name N --role admin|editor|author|contributor
  dateline user reset-password --email E [--url http://127.0.0.1:8080]`

func runUser(ctx context.Context, env *environment, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "add":
			return runUserAdd(ctx, env, args[1:])
		case "reset-password":
			return runResetPassword(ctx, env, args[1:])
		case "-h", "--help", "help":
			fmt.Fprintln(env.stderr, userUsage)
			return flag.ErrHelp
		}
	}
	fmt.Fprintln(env.stderr, userUsage)
	return errUsage
}

func runUserAdd(ctx context.Context, env *environment, args []string) error {
	var email, name, role string
	cfg, err := loadConfig(env, "user add", "user add --email E --name N --role admin|editor|author|contributor\n\nThe password is read from DATELINE_PASSWORD or, if that is unset, from standard input.", false, args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the new user's email address, used to sign in")
		fs.StringVar(&name, "name", "", "the user's name as shown in the desk")
		fs.StringVar(&role, "role", "", "admin, editor, author or contributor")
	})
	if err != nil {
		return err
	}
	u, err := newUser(email, name, role)
	if err != nil {
		return err
	}
	password, err := readPassword(env)
	if err != nil {
		return err
	}
	if u.PasswordHash, err = people.HashPassword(password); err != nil {
		return err
	}
	st, err := openStore(ctx, cfg, newLogger(env.stderr, "text"))
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.CreateUser(ctx, u, time.Now()); err != nil {
		if errors.Is(err, people.ErrConflict) {
			return fmt.Errorf("a user with email %s already exists", u.Email)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "Added %s <%s> as %s.\n", u.Name, u.Email, u.Role)
	return nil
}

// newUser checks every field and reports all problems at once.
func newUser(email, name, role string) (people.User, error) {
	var problems []string
	addr, err := people.NormalizeEmail(email)
	if email == "" {
		problems = append(problems, "--email is required")
	} else if err != nil {
		problems = append(problems, "--email: "+err.Error())
	}
	name = strings.TrimSpace(name)
	if name == "" {
		problems = append(problems, "--name is required")
	}
	r, err := people.ParseRole(role)
	if role == "" {
		problems = append(problems, "--role is required: admin, editor, author or contributor")
	} else if err != nil {
		problems = append(problems, "--role: "+err.Error())
	}
	if len(problems) > 0 {
		return people.User{}, errors.New(strings.Join(problems, "; "))
	}
	return people.User{Email: addr, Name: name, Role: r}, nil
}

// readPassword takes the password from DATELINE_PASSWORD or the first line
// of standard input: never from the command line, where other users of the
// machine could read it in the process list.
func readPassword(env *environment) (string, error) {
	if p := env.getenv("DATELINE_PASSWORD"); p != "" {
		return p, nil
	}
	if f, ok := env.stdin.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(env.stderr, "Password (input is visible; or set DATELINE_PASSWORD): ")
		}
	}
	line, err := bufio.NewReader(env.stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		if err != nil {
			return "", errors.New("no password: set DATELINE_PASSWORD or pipe it on standard input")
		}
		return "", errors.New("empty password")
	}
	return line, nil
}

// runResetPassword prints a one-time sign-in link for a staff member who
// cannot sign in: the way back in for a newsroom whose only admin forgot
// their password, as it needs shell access to the server, not the desk.
func runResetPassword(ctx context.Context, env *environment, args []string) error {
	var email string
	cfg, err := loadConfig(env, "user reset-password", "user reset-password --email E [--url http://127.0.0.1:8080]\n\nPrints a link that signs the user in once, within an hour, to choose a new password.", false, args, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "the user's email address")
	})
	if err != nil {
		return err
	}
	// --url (or DATELINE_URL) is the one setting for the site's address;
	// without it, the address `dateline serve` listens on by default.
	site := cfg.URL
	if site == "" {
		site = "http://" + config.Defaults().Addr
	}
	base, err := siteURL(site)
	if err != nil {
		return err
	}
	if strings.TrimSpace(email) == "" {
		return errors.New("--email is required")
	}
	st, err := openStore(ctx, cfg, newLogger(env.stderr, "text"))
	if err != nil {
		return err
	}
	defer st.Close()
	u, token, err := people.NewAuth(st, time.Now).ResetLink(ctx, email)
	switch {
	case errors.Is(err, people.ErrNotFound):
		return fmt.Errorf("no user has the email address %s", strings.TrimSpace(email))
	case errors.Is(err, people.ErrDisabled):
		return fmt.Errorf("the account of %s is disabled: an admin must enable it first", u.Email)
	case err != nil:
		return err
	}
	fmt.Fprintf(env.stderr, "One-time sign-in link for %s <%s>, valid for an hour:\n", u.Name, u.Email)
	fmt.Fprintln(env.stdout, base+"/admin/link/"+token)
	return nil
}

// siteURL checks the --url flag and returns it without a trailing slash.
func siteURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("--url %q: give the site's address, like https://news.example.org", s)
	}
	return strings.TrimRight(u.String(), "/"), nil
}
