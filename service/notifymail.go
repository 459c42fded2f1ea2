package service

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"iduit/domain"
	"iduit/models"
)

// Notification mail pacing: a burst of events (an autosave session, a busy thread) waits notifyGather
// so that it goes out as one mail, and a person gets at most one mail per proposal per notifySpacing.
const (
	notifyGather  = time.Minute
	notifySpacing = 15 * time.Minute
)

// NotificationSettings returns the person's choices for notification mail.
func (s *Service) NotificationSettings(ctx context.Context, user domain.User) (domain.NotificationSettings, error) {
	return s.store.NotificationSettings(ctx, user.ID)
}

// SetNotificationSettings changes how often the person is mailed and in which language; an empty field
// stays as it is.
func (s *Service) SetNotificationSettings(ctx context.Context, user domain.User, set domain.NotificationSettings) (domain.NotificationSettings, error) {
	var problems []domain.Problem
	switch set.Mail {
	case "", domain.MailEach, domain.MailDaily, domain.MailOff:
	default:
		problems = append(problems, domain.Problem{Field: "mail", Message: "must be each, daily or off"})
	}
	if set.Lang != "" && set.Lang != "en" && set.Lang != "ru" {
		problems = append(problems, domain.Problem{Field: "lang", Message: "must be en or ru"})
	}
	if len(problems) > 0 {
		return domain.NotificationSettings{}, domain.Invalid("the notification settings are not valid", problems...)
	}
	if err := s.store.SetNotificationSettings(ctx, user.ID, set); err != nil {
		return domain.NotificationSettings{}, err
	}
	return s.store.NotificationSettings(ctx, user.ID)
}

// Unsubscribe turns notification mail off for the holder of an unsubscribe link; no session is needed.
func (s *Service) Unsubscribe(ctx context.Context, token string) error {
	return s.store.Unsubscribe(ctx, token)
}

// MarkAllNotificationsRead marks every notification of the user read.
func (s *Service) MarkAllNotificationsRead(ctx context.Context, user domain.User) error {
	return s.store.MarkAllNotificationsRead(ctx, user.ID, s.clock())
}

// UnreadNotifications counts the user's unread notifications.
func (s *Service) UnreadNotifications(ctx context.Context, user domain.User) (int64, error) {
	return s.store.UnreadNotifications(ctx, user.ID)
}

// mailLang is a language mail can be written in: Russian when asked for, English otherwise.
func mailLang(lang string) string {
	if lang == "ru" {
		return "ru"
	}
	return "en"
}

// MailNotifications writes the notification mail that is due into the outbox and returns how many
// mails it wrote. Each mail and the marking of its notifications as mailed are one transaction, so a
// crash loses no notification and none is mailed twice, even with several servers.
func (s *Service) MailNotifications(ctx context.Context) (int, error) {
	now := s.clock()
	due, err := s.store.DueNotificationMail(ctx, now, notifyGather, notifySpacing)
	if err != nil {
		return 0, err
	}
	written := 0
	for _, r := range due {
		ok, err := s.mailDigest(ctx, r, now)
		if err != nil {
			return written, err
		}
		if ok {
			written++
		}
	}
	return written, nil
}

// mailDigest writes one mail listing a recipient's unmailed notifications.
func (s *Service) mailDigest(ctx context.Context, r recipient, now time.Time) (bool, error) {
	items, err := s.store.UnmailedNotifications(ctx, r.User.ID, r.ProposalID)
	if err != nil || len(items) == 0 {
		return false, err
	}
	people, err := s.audiencesOf(ctx, r.User, items)
	if err != nil {
		return false, err
	}
	token := r.Token
	if token == "" {
		if token, err = s.store.UnsubscribeToken(ctx, r.User.ID, base64.RawURLEncoding.EncodeToString(randomBytes(32))); err != nil {
			return false, err
		}
	}
	lang := mailLang(r.Lang)
	unsubscribe := s.publicURL + "/unsubscribe?token=" + url.QueryEscape(token)
	var lines []digestLine
	ids := make([]string, len(items))
	for i, n := range items {
		ids[i] = n.ID
		a := people[n.ProposalID]
		if a.p.Role == "" {
			continue // no longer a member: the proposal is none of their business now
		}
		lines = append(lines, digestLine{kind: n.Kind, actor: shownName(lang, a.person(n.Actor)), title: a.p.Title,
			detail: n.Detail, link: s.publicURL + notificationPath(n)})
	}
	var m *domain.Mail
	if len(lines) > 0 {
		mail := s.newMail(domain.MailNotifications, r.User.Email, now, digestMailText(lang, r.User.Name, lines, unsubscribe))
		mail.ListUnsubscribe = unsubscribe
		m = &mail
	}
	err = s.store.MarkNotificationsMailed(ctx, ids, now, m)
	if domain.ErrorKind(err) == domain.KindConflict {
		return false, nil // another server mailed them first
	}
	return err == nil && m != nil, err
}

// recipient is whom a notification mail goes to.
type recipient = models.MailRecipient

// shownName is a person's name as a mail in lang shows it; a hidden reviewer's label is translated.
func shownName(lang string, who domain.User) string {
	if lang == "ru" && who.ID == "" {
		if code, ok := strings.CutPrefix(who.Name, "Reviewer "); ok {
			return "Рецензент " + code
		}
	}
	return who.Name
}

// NotificationPath is the page (and anchor) a notification points at: the comment in its section, or
// the proposal for a status change.
func NotificationPath(n domain.Notification) string { return notificationPath(n) }

func notificationPath(n domain.Notification) string {
	base := "/proposals/" + url.PathEscape(n.ProposalID)
	if n.CommentID != "" && n.SectionKey != "" {
		return base + "/sections/" + url.PathEscape(n.SectionKey) + "#c-" + n.CommentID
	}
	return base
}

// digestLine is one notification as a mail lists it.
type digestLine struct{ kind, actor, title, detail, link string }

// digestMailText is a notification mail: one line per event, each with its link, and how to stop them.
func digestMailText(lang, name string, lines []digestLine, unsubscribe string) mailText {
	var b strings.Builder
	subject := ""
	if lang == "ru" {
		fmt.Fprintf(&b, "Здравствуйте, %s!\n\nВ iduit есть новое для вас:\n\n", name)
		subject = fmt.Sprintf("iduit: новые уведомления (%d)", len(lines))
		if len(lines) == 1 {
			subject = "iduit: " + lineText(lang, lines[0])
		}
	} else {
		fmt.Fprintf(&b, "Hello %s,\n\nThere is news for you in iduit:\n\n", name)
		subject = fmt.Sprintf("iduit: %d new notifications", len(lines))
		if len(lines) == 1 {
			subject = "iduit: " + lineText(lang, lines[0])
		}
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "- %s\n  %s\n\n", lineText(lang, l), l.link)
	}
	if lang == "ru" {
		fmt.Fprintf(&b, "Как часто приходят такие письма, можно изменить на странице учётной записи. "+
			"Отписаться от них одним нажатием:\n%s\n", unsubscribe)
	} else {
		fmt.Fprintf(&b, "You can change how often these mails come on your account page. "+
			"To stop them with one click:\n%s\n", unsubscribe)
	}
	return mailText{subject: subject, body: b.String()}
}

// lineText says what happened, in the reader's language.
func lineText(lang string, l digestLine) string {
	ru := lang == "ru"
	switch l.kind {
	case domain.NotificationMention:
		if ru {
			return fmt.Sprintf("%s упомянул(а) вас в комментарии к заявке «%s»", l.actor, l.title)
		}
		return fmt.Sprintf("%s mentioned you in a comment on “%s”", l.actor, l.title)
	case domain.NotificationReply:
		if ru {
			return fmt.Sprintf("%s ответил(а) в обсуждении заявки «%s»", l.actor, l.title)
		}
		return fmt.Sprintf("%s replied in a thread on “%s”", l.actor, l.title)
	default:
		if ru {
			return fmt.Sprintf("%s изменил(а) статус заявки «%s»: %s", l.actor, l.title, domain.StatusName(l.detail, "ru"))
		}
		return fmt.Sprintf("%s changed the status of “%s” to %s", l.actor, l.title, domain.StatusName(l.detail, "en"))
	}
}

// notifyPoll is how often serve looks for notification mail that is due.
const notifyPoll = 20 * time.Second

// MailNotificationsLoop writes due notification mail into the outbox until ctx ends; DeliverMail sends it.
func (s *Service) MailNotificationsLoop(ctx context.Context, log *slog.Logger) {
	t := time.NewTicker(notifyPoll)
	defer t.Stop()
	for {
		if _, err := s.MailNotifications(ctx); err != nil && ctx.Err() == nil {
			log.Warn("mail: cannot write notification mail", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// OpenCommentCounts counts the open comments per section of proposals the user has already been shown
// (their membership checked): proposal id → section key → count.
func (s *Service) OpenCommentCounts(ctx context.Context, proposals []domain.Proposal) (map[string]map[string]int, error) {
	ids := make([]string, len(proposals))
	for i, p := range proposals {
		ids[i] = p.ID
	}
	return s.store.OpenCommentCounts(ctx, ids)
}
