package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"iduit/api"
	"iduit/httpkit"
	"iduit/mail"
	"iduit/metrics"
	"iduit/models"
	"iduit/service"
	"iduit/templates"
	"iduit/web"
)

func newLogger(cfg config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// openStore connects and brings the schema up to date. SQLite, the single-machine default, migrates
// itself; a PostgreSQL deployment runs `iduit migrate` once, so serve only checks the schema and refuses
// to start on a stale one.
func openStore(ctx context.Context, cfg config, log *slog.Logger) (*models.Store, error) {
	store, err := models.Open(ctx, cfg.DatabaseURL, models.Options{Logger: log})
	if err != nil {
		return nil, err
	}
	if store.Dialect() == models.DialectSQLite {
		n, err := store.Migrate(ctx)
		if err != nil {
			store.Close()
			return nil, err
		}
		log.Info("database migrated", slog.Int("applied", n), slog.Int("schema_version", models.SchemaVersion()))
		return store, nil
	}
	if err := store.CheckSchema(ctx); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

func serve(ctx context.Context, cfg config, logOut io.Writer) error {
	log := newLogger(cfg, logOut)
	log.Info("starting", slog.String("config", cfg.String()))
	catalogue, err := templates.Embedded()
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := service.New(store, catalogue, service.Config{SessionTTL: cfg.SessionTTL, PublicURL: cfg.PublicURL,
		Imports: service.ImportLimits{MaxArchiveBytes: cfg.ImportMaxBytes}})
	if err := startMail(ctx, cfg, svc, log); err != nil {
		return err
	}
	pages, err := web.New(web.Config{Service: svc, Logger: log, CSRFSecret: []byte(cfg.CSRFSecret), SecureCookies: cfg.SecureCookies})
	if err != nil {
		return err
	}
	if cfg.CSRFSecret == "" {
		log.Warn("IDUIT_CSRF_SECRET is not set: using a random secret, so open forms fail once after a restart and several servers cannot share sessions' forms")
	}
	engineCfg := httpkit.Config{Logger: log, MaxBodyBytes: cfg.MaxBodyBytes, TrustedProxies: cfg.TrustedProxies, Pages: pages}
	var admin *http.Server
	if cfg.AdminAddr != "" {
		m := metrics.New()
		store.Instrument(m)
		engineCfg.Observer = m
		admin = &http.Server{Addr: cfg.AdminAddr, Handler: adminHandler(m), ReadHeaderTimeout: 10 * time.Second,
			BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) }}
	}
	// The API and the pages side by side on one engine: /api/ answers programs with problem documents,
	// every other path answers people with pages.
	handler := httpkit.New(engineCfg)
	api.Mount(handler, api.Deps{Service: svc, Ready: store.Ping, SecureCookies: cfg.SecureCookies})
	pages.Mount(handler)
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second, // slow connections upload a 1 MB body in well under this
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if admin == nil {
		return listenUntilDone(ctx, srv, cfg.ShutdownTimeout, log)
	}
	// The admin listener lives and dies with the public one: if either fails, both stop.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	adminDone := make(chan error, 1)
	go func() {
		err := listenUntilDone(ctx, admin, cfg.ShutdownTimeout, log.With(slog.String("listener", "admin")))
		cancel()
		adminDone <- err
	}()
	err = listenUntilDone(ctx, srv, cfg.ShutdownTimeout, log)
	cancel()
	if aerr := <-adminDone; err == nil {
		err = aerr
	}
	return err
}

// adminHandler serves what operators read and the public must not: Prometheus metrics and Go's profiler.
func adminHandler(m *metrics.Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}

// mailPoll is how often the sender looks for due mail: a reset link arrives within seconds.
const mailPoll = 2 * time.Second

// startMail starts the outbox's sender when SMTP is configured. Without it the product still works: mail
// waits in the outbox, and serve says once that it is off.
func startMail(ctx context.Context, cfg config, svc *service.Service, log *slog.Logger) error {
	// Notification mail is written into the outbox whether or not SMTP is on, so that turning it on later
	// sends what is waiting.
	go svc.MailNotificationsLoop(ctx, log.With(slog.String("component", "notifications")))
	if cfg.SMTPURL == "" {
		log.Warn("mail is off: IDUIT_SMTP_URL is not set, so e-mail (password resets) waits in the outbox unsent")
		return nil
	}
	if cfg.PublicURL == "" {
		log.Warn("IDUIT_PUBLIC_URL is not set: links in e-mail will have no host")
	}
	sender, err := mail.NewSender(cfg.SMTPURL, cfg.MailFrom)
	if err != nil {
		return err
	}
	go svc.DeliverMail(ctx, sender.Send, mailPoll, log.With(slog.String("component", "mail")))
	return nil
}

// listenUntilDone serves until ctx ends (SIGTERM), then lets in-flight requests finish within the timeout:
// an acknowledged save is never cut off half-way.
func listenUntilDone(ctx context.Context, srv *http.Server, timeout time.Duration, log *slog.Logger) error {
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return err
	}
	log.Info("listening", slog.String("addr", ln.Addr().String()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down", slog.Duration("timeout", timeout))
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

func migrate(ctx context.Context, cfg config, stdout io.Writer) error {
	store, err := models.Open(ctx, cfg.DatabaseURL, models.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	n, err := store.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "applied %d migration(s); schema is at version %d\n", n, models.SchemaVersion())
	return nil
}

// healthcheck asks the local server whether it is ready; Docker's HEALTHCHECK runs it (the final image
// has no curl).
func healthcheck(ctx context.Context, cfg config) error {
	host, port, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return fmt.Errorf("IDUIT_ADDR %q: %w", cfg.Addr, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: %s", resp.Status)
	}
	return nil
}
