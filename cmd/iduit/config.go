package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"iduit/models"
)

// config is every setting, with its default, read once at start-up.
type config struct {
	DatabaseURL     string
	Addr            string
	LogLevel        string
	LogFormat       string
	SecureCookies   bool
	SessionTTL      time.Duration
	ShutdownTimeout time.Duration
	MaxBodyBytes    int64
	// ImportMaxBytes bounds an import archive's body; 0 takes the service's default (the proposal's file
	// limit plus the 64 MiB of an export document and 1 MiB).
	ImportMaxBytes int64
	TrustedProxies []string
	// Args are the command's arguments after its flags.
	Args []string
	// CSRFSecret signs the web forms' tokens; empty means a random one per process.
	CSRFSecret string
	// AdminAddr, when set, is a second listen address serving /metrics and /debug/pprof/ — never the
	// public one: profiles and internal figures are for operators on a private network.
	AdminAddr string
	// SMTPURL names the mail server (smtp://user:pass@host:587); empty keeps mail in the outbox.
	SMTPURL string
	// MailFrom is the From address of the product's mail.
	MailFrom string
	// PublicURL is where people reach the site; links in mail start with it.
	PublicURL string
}

func defaultConfig() config {
	return config{
		DatabaseURL:     "sqlite:iduit.db",
		Addr:            ":8080",
		LogLevel:        "info",
		LogFormat:       "json",
		SessionTTL:      14 * 24 * time.Hour,
		ShutdownTimeout: 15 * time.Second,
		MaxBodyBytes:    1 << 20,
	}
}

// String prints the configuration with the database password masked, for the start-up log.
func (c config) String() string {
	csrf := "per-process"
	if c.CSRFSecret != "" {
		csrf = "configured"
	}
	admin := c.AdminAddr
	if admin == "" {
		admin = "off"
	}
	smtp := "off"
	if c.SMTPURL != "" {
		smtp = models.RedactURL(c.SMTPURL)
	}
	return fmt.Sprintf("database=%s addr=%s admin=%s log=%s/%s secure_cookies=%t session_ttl=%s csrf_secret=%s smtp=%s public_url=%s",
		models.RedactURL(c.DatabaseURL), c.Addr, admin, c.LogLevel, c.LogFormat, c.SecureCookies, c.SessionTTL, csrf, smtp, c.PublicURL)
}

// loadConfig reads the environment, then flags that mirror it. A secret may also come from a file named
// by VAR_FILE (Docker and Kubernetes secrets), never from the code.
func loadConfig(command string, args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	cfg := defaultConfig()
	var errs []string
	env := func(name string) string {
		if path := getenv(name + "_FILE"); path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				errs = append(errs, name+"_FILE cannot be read: "+err.Error())
				return ""
			}
			return strings.TrimSpace(string(b))
		}
		return getenv(name)
	}
	setString(&cfg.DatabaseURL, env("DATABASE_URL"))
	setString(&cfg.Addr, env("IDUIT_ADDR"))
	setString(&cfg.LogLevel, env("IDUIT_LOG_LEVEL"))
	setString(&cfg.LogFormat, env("IDUIT_LOG_FORMAT"))
	setString(&cfg.AdminAddr, env("IDUIT_ADMIN_ADDR"))
	if v := env("IDUIT_TRUSTED_PROXIES"); v != "" {
		for _, p := range strings.Split(v, ",") {
			cfg.TrustedProxies = append(cfg.TrustedProxies, strings.TrimSpace(p))
		}
	}
	setString(&cfg.CSRFSecret, env("IDUIT_CSRF_SECRET"))
	setString(&cfg.SMTPURL, env("IDUIT_SMTP_URL"))
	setString(&cfg.MailFrom, env("IDUIT_MAIL_FROM"))
	setString(&cfg.PublicURL, env("IDUIT_PUBLIC_URL"))
	if cfg.CSRFSecret != "" && len(cfg.CSRFSecret) < 32 {
		errs = append(errs, "IDUIT_CSRF_SECRET must be at least 32 characters (for example: openssl rand -hex 32)")
	}
	if v := env("IDUIT_SECURE_COOKIES"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, "IDUIT_SECURE_COOKIES must be true or false")
		}
		cfg.SecureCookies = b
	}
	for name, dst := range map[string]*time.Duration{"IDUIT_SESSION_TTL": &cfg.SessionTTL, "IDUIT_SHUTDOWN_TIMEOUT": &cfg.ShutdownTimeout} {
		if v := env(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				errs = append(errs, name+" must be a positive duration such as 15s or 336h")
			}
			*dst = d
		}
	}
	if v := env("IDUIT_IMPORT_MAX_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			errs = append(errs, "IDUIT_IMPORT_MAX_BYTES must be a positive number of bytes, such as 340000000")
		}
		cfg.ImportMaxBytes = n
	}
	if len(errs) > 0 {
		return cfg, fmt.Errorf("configuration: %s", strings.Join(errs, "; "))
	}
	fs := flag.NewFlagSet("iduit "+command, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DatabaseURL, "database-url", cfg.DatabaseURL, "postgres://..., postgresql://... or sqlite:PATH (DATABASE_URL)")
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address (IDUIT_ADDR)")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	cfg.Args = fs.Args()
	return cfg, nil
}

func setString(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}
