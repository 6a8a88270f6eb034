// Package server wires routes and middleware into an http.Server and runs
// it until the process is told to stop.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/datelinenews/dateline/internal/pagecache"
)

// New returns the whole application's handler with its middleware. The
// page cache sits outside the security headers, so stored pages carry them
// and a hit needs nothing further. Form posts from other sites are refused
// (by Sec-Fetch-Site and Origin), which with SameSite cookies protects the
// desk without per-form tokens.
func New(log *slog.Logger, cache *pagecache.Cache, routes http.Handler) http.Handler {
	csrf := http.NewCrossOriginProtection()
	return chain(routes, recoverPanics(log), accessLog(log), cached(cache), securityHeaders, csrf.Handler)
}

// The server's limits, shared with the page cache's front door.
const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 120 * time.Second
	writeTimeout      = 120 * time.Second
)

// Serve answers on ln until ctx is cancelled, then stops taking new
// connections and lets in-flight requests finish (up to 20 seconds).
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
