package service

import (
	"context"
	"encoding/base64"
	"log/slog"
	"time"

	"iduit/domain"
)

// PasswordResetTTL is how long a reset link works: long enough to find the mail on a slow connection,
// short enough that an old mailbox does not hold a working key.
const PasswordResetTTL = time.Hour

// maxResetsPerHour bounds the reset mails one account can be sent, so the form cannot be used to flood a
// person's mailbox.
const maxResetsPerHour = 3

// RequestPasswordReset writes a reset link for the account with this e-mail into the outbox, in lang
// ("en" or "ru"). It answers the same whether or not the account exists, so the form does not tell
// strangers who has an account; an account that asked too often is silently sent nothing more.
func (s *Service) RequestPasswordReset(ctx context.Context, email, lang string) error {
	email = domain.NormalizeEmail(email)
	if p := domain.CheckEmail("email", email); p != nil {
		return domain.Invalid("the e-mail address is not valid", *p)
	}
	user, _, err := s.store.UserByEmail(ctx, email)
	if domain.ErrorKind(err) == domain.KindNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	now := s.clock()
	if n, err := s.store.RecentPasswordResets(ctx, user.ID, now.Add(-time.Hour)); err != nil || n >= maxResetsPerHour {
		return err
	}
	token := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	mail := s.newMail(domain.MailPasswordReset, user.Email, now, resetMailText(lang, user.Name, s.publicURL+"/reset-password?token="+token))
	return s.store.CreatePasswordReset(ctx, user.ID, hashToken(token), now, now.Add(PasswordResetTTL), mail)
}

// ResetPassword sets a new password with a reset link's token and ends every session of the account.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if p := checkPasswordRules(password, ""); p != nil {
		return domain.Invalid("the new password is not valid", *p)
	}
	if token == "" {
		return domain.Errorf(domain.KindNotFound, "password reset link not found")
	}
	hash, err := s.hashes.hash(ctx, password)
	if err != nil {
		return err
	}
	_, err = s.store.UsePasswordReset(ctx, hashToken(token), s.clock(), hash)
	if domain.ErrorKind(err) == domain.KindNotFound {
		return domain.Errorf(domain.KindNotFound, "this password reset link is unknown, used or expired; ask for a new one")
	}
	return err
}

// newMail makes an outbox entry; its Message-ID is fixed now, so every send of it carries the same one.
func (s *Service) newMail(kind, to string, now time.Time, text mailText) domain.Mail {
	id := domain.NewID()
	host := "iduit.invalid"
	if u := s.publicURL; u != "" {
		if h := hostOf(u); h != "" {
			host = h
		}
	}
	return domain.Mail{ID: id, MessageID: id + "@" + host, Kind: kind, To: to,
		Subject: text.subject, Body: text.body, CreatedAt: now}
}

// MailSender sends one e-mail; the mail package's SMTP sender is one.
type MailSender func(ctx context.Context, m domain.Mail) error

// Mail delivery tuning: how many mails a round takes, how long a claim lasts (a sender that dies is
// replaced after this), and the back-off after a failed send.
const (
	mailBatch      = 20
	mailLease      = 2 * time.Minute
	mailRetryFirst = 30 * time.Second
	mailRetryMax   = 6 * time.Hour
)

// DeliverMail sends the outbox until ctx ends, looking for due mail every poll. A failed send is tried
// again after 30 s, 1 min, 2 min, … up to every 6 hours; a mail is marked sent only after the server
// accepted it, and a mail marked sent is never sent again.
func (s *Service) DeliverMail(ctx context.Context, send MailSender, poll time.Duration, log *slog.Logger) {
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		for s.deliverDue(ctx, send, log) == mailBatch {
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// deliverDue sends one round of due mail and returns how many it took.
func (s *Service) deliverDue(ctx context.Context, send MailSender, log *slog.Logger) int {
	due, err := s.store.ClaimMail(ctx, s.clock(), mailLease, mailBatch)
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("mail: cannot read the outbox", slog.String("error", err.Error()))
		}
		return 0
	}
	for _, m := range due {
		sendCtx, cancel := context.WithTimeout(ctx, time.Minute)
		err := send(sendCtx, m)
		cancel()
		if err == nil {
			err = s.store.MailSent(context.WithoutCancel(ctx), m.ID, s.clock())
			if err != nil {
				log.Error("mail: sent but not marked sent; it may be sent again with the same Message-ID", slog.String("id", m.ID), slog.String("error", err.Error()))
			}
			continue
		}
		wait := min(mailRetryFirst<<min(m.Attempts, 20), mailRetryMax)
		log.Warn("mail: send failed; will retry", slog.String("id", m.ID), slog.String("kind", m.Kind),
			slog.Int("attempt", m.Attempts+1), slog.Duration("retry_in", wait), slog.String("error", err.Error()))
		if err := s.store.MailFailed(context.WithoutCancel(ctx), m.ID, s.clock().Add(wait), err.Error()); err != nil {
			log.Error("mail: cannot record a failed send", slog.String("id", m.ID), slog.String("error", err.Error()))
		}
	}
	return len(due)
}
