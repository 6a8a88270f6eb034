package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/datelinenews/dateline/internal/config"
	"github.com/datelinenews/dateline/internal/store"
)

// loadConfig parses a subcommand's flags over the environment and validates them.
func loadConfig(env *environment, name, synopsis string, serve bool, args []string, extra func(fs *flag.FlagSet)) (config.Config, error) {
	fs := newFlags(env, name, synopsis)
	var cfg config.Config
	if err := config.Register(fs, &cfg, serve, env.getenv); err != nil {
		return cfg, err
	}
	if extra != nil {
		extra(fs)
	}
	if err := parse(fs, args); err != nil {
		return cfg, err
	}
	return cfg, cfg.Validate(serve)
}

// openStore opens and migrates the database, reporting what it applied.
func openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.Database, cfg.Data)
	if err != nil {
		return nil, err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("migrate %s database: %w", st.Engine(), err)
	}
	for _, name := range applied {
		log.Info("applied migration", "name", name)
	}
	return st, nil
}

func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
