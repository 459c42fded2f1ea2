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

// invitationMailText is the invitation mail: who invites, to what, in which role, and the link.
func invitationMailText(lang, inviter, title, role, link string) mailText {
	if lang == "ru" {
		return mailText{
			subject: fmt.Sprintf("iduit: приглашение к работе над заявкой «%s»", title),
			body: fmt.Sprintf("Здравствуйте!\n\n%s приглашает вас к работе над заявкой «%s» в iduit (роль: %s).\n\n"+
				"Чтобы присоединиться, создайте учетную запись по этой ссылке в течение семи дней:\n\n%s\n\n"+
				"Если вы не ждали этого письма, просто не открывайте ссылку.\n", inviter, title, roleNames["ru"][role], link),
		}
	}
	return mailText{
		subject: fmt.Sprintf("iduit: you are invited to work on “%s”", title),
		body: fmt.Sprintf("Hello,\n\n%s invites you to work on the proposal “%s” in iduit (role: %s).\n\n"+
			"To join, create an account through this link within seven days:\n\n%s\n\n"+
			"If you did not expect this mail, ignore it.\n", inviter, title, roleNames["en"][role], link),
	}
}

// roleNames are the roles as a mail names them.
var roleNames = map[string]map[string]string{
	"en": {"owner": "owner", "editor": "editor", "reviewer": "reviewer", "viewer": "viewer"},
	"ru": {"owner": "владелец", "editor": "редактор", "reviewer": "рецензент", "viewer": "наблюдатель"},
}
