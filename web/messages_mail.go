package web

func init() {
	for k, v := range mailMessages {
		catalogue[k] = v
	}
}

// mailMessages are the texts of the pages reached from e-mail: forgotten and new password.
var mailMessages = map[string]msg{
	"reset.forgot_link":  {"Forgot your password?", "Забыли пароль?"},
	"reset.forgot_title": {"Forgotten password", "Забытый пароль"},
	"reset.forgot_intro": {"Type the e-mail address of your account. We will send a link to choose a new password; it works for one hour.",
		"Введите адрес электронной почты вашей учетной записи. Мы пришлем ссылку, по которой можно задать новый пароль; она действует один час."},
	"reset.send": {"Send the link", "Прислать ссылку"},
	"reset.sent": {"If an account with this address exists, a link is on its way. Check your inbox and the spam folder.",
		"Если учетная запись с таким адресом есть, ссылка уже отправлена. Проверьте входящие и папку «Спам»."},
	"reset.new_title": {"Choose a new password", "Новый пароль"},
	"reset.new_intro": {"Choose a new password. You will be signed out on every device and can then sign in with it.",
		"Задайте новый пароль. Вы выйдете из учетной записи на всех устройствах и сможете войти с новым паролем."},
	"reset.save": {"Save the new password", "Сохранить новый пароль"},
	"reset.link_dead": {"This link is unknown, already used or expired. Ask for a new one.",
		"Эта ссылка неизвестна, уже использована или устарела. Запросите новую."},
	"reset.done":      {"Your password is changed. Sign in with the new one.", "Пароль изменен. Войдите с новым паролем."},
	"reset.ask_again": {"Ask for a new link", "Запросить новую ссылку"},

	"account.title":        {"Your account", "Ваша учетная запись"},
	"account.change_title": {"Change the password", "Смена пароля"},
	"account.change_intro": {"You stay signed in here; every other device is signed out.",
		"На этом устройстве вы останетесь в системе; на всех остальных устройствах произойдет выход."},
	"account.current_password": {"Current password", "Текущий пароль"},
	"account.new_password":     {"New password", "Новый пароль"},
	"account.change_submit":    {"Change the password", "Сменить пароль"},
	"account.zone_title":       {"Time zone", "Часовой пояс"},
	"account.zone":             {"Show times in the time zone", "Показывать время в часовом поясе"},
	"account.zone_hint":        {"A name from the time-zone database, such as Asia/Bishkek or Europe/Moscow.", "Название из базы часовых поясов, например Asia/Bishkek или Europe/Moscow."},
	"account.zone_submit":      {"Save the time zone", "Сохранить часовой пояс"},
	"account.zone_saved":       {"The time zone is saved.", "Часовой пояс сохранен."},
	"account.changed":          {"The password is changed. Other devices were signed out.", "Пароль изменен. На других устройствах выполнен выход."},

	"members.invited": {"The person has no account yet, so an invitation is on its way by e-mail. It works for seven days.",
		"У этого человека еще нет учетной записи, поэтому ему отправлено приглашение по электронной почте. Оно действует семь дней."},
	"members.revoked":             {"The invitation was revoked; its link no longer works.", "Приглашение отозвано; ссылка больше не работает."},
	"members.pending_title":       {"Invitations waiting for sign-up", "Приглашения, ожидающие регистрации"},
	"members.invited_by":          {"invited by", "пригласил(а)"},
	"members.expires":             {"works until", "действует до"},
	"members.revoke":              {"Revoke", "Отозвать"},
	"activity.invitation_sent":    {"invited a person by e-mail", "пригласил(а) человека по электронной почте"},
	"activity.invitation_revoked": {"revoked an invitation", "отозвал(а) приглашение"},

	"signup.invited": {"%v invited you to work on “%v” as %v. Create your account with the invited address to join.",
		"%v приглашает вас к работе над заявкой «%v», роль: %v. Создайте учетную запись с адресом, на который пришло приглашение."},
	"signup.invitation_dead": {"This invitation link is unknown, used, revoked or expired. Ask the proposal's owner for a new one.",
		"Ссылка-приглашение неизвестна, уже использована, отозвана или устарела. Попросите владельца заявки прислать новую."},
}
