package main

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"time"

	"github.com/datelinenews/dateline/internal/blob/disk"
	"github.com/datelinenews/dateline/internal/config"
	"github.com/datelinenews/dateline/internal/demo"
	"github.com/datelinenews/dateline/internal/schedule"
	"github.com/datelinenews/dateline/internal/server"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/web"
)

func runServe(ctx context.Context, env *environment, args []string) error {
	cfg, err := loadConfig(env, "serve", "serve [--addr 127.0.0.1:8080] [--data ./dateline-data] [--database URL] [--no-demo]", true, args, nil)
	if err != nil {
		return err
	}
	log := newLogger(env.stderr, cfg.LogFormat)

	proxies, err := web.ParseProxies(cfg.TrustedProxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxies: %w", err)
	}
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close()
	media, err := disk.New(filepath.Join(cfg.Data, "media"))
	if err != nil {
		return err
	}
	pageCache, err := config.ParseSize(cfg.PageCache)
	if err != nil {
		return fmt.Errorf("--page-cache: %w", err)
	}
	app, err := server.Build(ctx, server.Deps{Store: st, Media: media, Log: log, Now: time.Now, Proxies: proxies, BaseURL: cfg.URL,
		PageCache: pageCache})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	defer ln.Close()
	url := "http://" + ln.Addr().String() + "/"

	if !cfg.NoDemo {
		if err := seedDemo(ctx, env, st, media, url); err != nil {
			return err
		}
	}
	jobsCtx, stopJobs := context.WithCancel(ctx)
	jobsDone := make(chan struct{})
	go func() { schedule.Run(jobsCtx, log, app.Jobs...); close(jobsDone) }()
	defer func() { stopJobs(); <-jobsDone }()

	fmt.Fprintf(env.stdout, "Dateline is running at %s (%s database). Press Ctrl+C to stop.\n", url, st.Engine())
	return server.Serve(ctx, app.Listen(ln), app.Handler, log)
}

// seedDemo creates the demo newsroom on an empty database and prints the
// admin's one-time password, the only time it is ever shown.
func seedDemo(ctx context.Context, env *environment, st *store.Store, media *disk.Bucket, url string) error {
	empty, err := demo.Empty(ctx, st)
	if err != nil || !empty {
		return err
	}
	fmt.Fprintln(env.stdout, "Creating a demo newsroom on the empty database…")
	admin, err := demo.Seed(ctx, st, media, time.Now(), demo.DefaultOptions())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "\nDemo newsroom ready. Sign in to the newsroom desk at %sadmin/\n", url)
	fmt.Fprintf(env.stdout, "  email:    %s\n  password: %s\n", admin.Email, admin.Password)
	fmt.Fprintln(env.stdout, "This password is shown only once: store it now, or create another admin with 'dateline user add'.")
	fmt.Fprintln(env.stdout)
	return nil
}
