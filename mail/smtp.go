// Package mail sends the product's e-mail over SMTP. It wraps github.com/wneessen/go-mail (STARTTLS,
// implicit TLS, authentication) so that the rest of the program sees one function: send this mail.
package mail

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"

	"iduit/domain"
)

// Sender delivers mail to one SMTP server.
type Sender struct {
	client *gomail.Client
	from   string
}

// NewSender reads an SMTP URL:
//
//	smtp://user:pass@host:587     STARTTLS, required (the default port is 587)
//	smtps://user:pass@host:465    TLS from the first byte (the default port is 465)
//	smtp://host:1025?tls=none     no encryption: only for a server on the same machine or a test
//
// Without user information no authentication is tried. from is the From address.
func NewSender(rawURL, from string) (*Sender, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("IDUIT_SMTP_URL must look like smtp://user:password@host:587")
	}
	if from == "" {
		return nil, fmt.Errorf("IDUIT_MAIL_FROM must be set when IDUIT_SMTP_URL is")
	}
	opts := []gomail.Option{gomail.WithTimeout(30 * time.Second)}
	port := 0
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("IDUIT_SMTP_URL: the port %q is not a number", p)
		}
	}
	switch u.Scheme {
	case "smtps":
		opts = append(opts, gomail.WithSSL(), gomail.WithPort(or(port, 465)))
	case "smtp":
		policy := gomail.TLSMandatory
		switch u.Query().Get("tls") {
		case "", "starttls":
		case "none":
			policy = gomail.NoTLS
		default:
			return nil, fmt.Errorf("IDUIT_SMTP_URL: tls must be starttls or none")
		}
		opts = append(opts, gomail.WithTLSPolicy(policy), gomail.WithPort(or(port, 587)))
	default:
		return nil, fmt.Errorf("IDUIT_SMTP_URL must start with smtp:// or smtps://")
	}
	if u.User != nil {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pass))
	}
	client, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, fmt.Errorf("IDUIT_SMTP_URL: %w", err)
	}
	return &Sender{client: client, from: from}, nil
}

func or(v, fallback int) int {
	if v == 0 {
		return fallback
	}
	return v
}

// Send delivers one mail. The Message-ID and the date are the mail's own, so that sending it again
// after a lost acknowledgement produces the same message, which mail clients show once.
func (s *Sender) Send(ctx context.Context, m domain.Mail) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return fmt.Errorf("from address: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return fmt.Errorf("to address: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDateWithValue(m.CreatedAt)
	msg.SetGenHeader(gomail.HeaderXAutoResponseSuppress, "All")
	if m.ListUnsubscribe != "" {
		// RFC 8058: the mail client may unsubscribe with one POST to the URL, without opening a page.
		msg.SetGenHeader(gomail.Header("List-Unsubscribe"), "<"+m.ListUnsubscribe+">")
		msg.SetGenHeader(gomail.Header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click")
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	return s.client.DialAndSendWithContext(ctx, msg)
}
