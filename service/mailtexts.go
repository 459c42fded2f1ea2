package service

import (
	"fmt"
	"net/url"
)

// mailText is one e-mail's subject and plain-text body in the reader's language.
type mailText struct{ subject, body string }

// resetMailText is the password-reset mail. It says what to do if the reader did not ask, because a
// stranger can type anyone's address into the form.
func resetMailText(lang, name, link string) mailText {
	if lang == "ru" {
		return mailText{
			subject: "iduit: смена пароля",
			body: fmt.Sprintf("Здравствуйте, %s!\n\nКто-то (надеемся, вы) попросил сменить пароль к вашей учётной записи iduit. "+
				"Чтобы задать новый пароль, откройте ссылку в течение часа:\n\n%s\n\n"+
				"Если вы не просили сменить пароль, просто не открывайте ссылку: ваш пароль останется прежним.\n", name, link),
		}
	}
	return mailText{
		subject: "iduit: reset your password",
		body: fmt.Sprintf("Hello %s,\n\nSomeone (we hope you) asked to reset the password of your iduit account. "+
			"To choose a new password, open this link within an hour:\n\n%s\n\n"+
			"If you did not ask for this, ignore this mail: your password stays as it is.\n", name, link),
	}
}

// hostOf is the host name of a URL, for Message-IDs.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
