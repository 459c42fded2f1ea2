package web

func init() {
	for k, v := range notificationMessages {
		catalogue[k] = v
	}
}

// notificationMessages are the texts of the notifications page, the mail setting and unsubscribing.
var notificationMessages = map[string]msg{
	"notifications.title":      {"Notifications", "Уведомления"},
	"notifications.unread":     {"unread", "непрочитанных"},
	"notifications.none":       {"Nothing new. You will be told here of mentions, replies and status changes.", "Нового нет. Здесь появятся упоминания, ответы и смены статуса."},
	"notifications.new":        {"New", "Новое"},
	"notifications.mention":    {"%s mentioned you on “%s”", "%s упомянул(а) вас в заявке «%s»"},
	"notifications.reply":      {"%s replied in a thread on “%s”", "%s ответил(а) в обсуждении заявки «%s»"},
	"notifications.status":     {"%s changed the status of “%s” to %s", "%s изменил(а) статус заявки «%s»: %s"},
	"notifications.open":       {"Open", "Открыть"},
	"notifications.read":       {"Mark read", "Прочитано"},
	"notifications.read_all":   {"Mark all read", "Отметить все прочитанными"},
	"notifications.prev":       {"Newer", "Новее"},
	"notifications.next":       {"Older", "Старше"},
	"notifications.saved":      {"Your e-mail setting is saved.", "Настройка писем сохранена."},
	"notifications.mail_title": {"E-mail about notifications", "Письма об уведомлениях"},
	"notifications.mail_each": {"Each event (a burst comes as one mail, at most one per proposal every 15 minutes)",
		"О каждом событии (несколько подряд — одним письмом, не чаще раза в 15 минут по каждой заявке)"},
	"notifications.mail_daily": {"One digest a day", "Одна сводка в день"},
	"notifications.mail_off":   {"No e-mail", "Не присылать"},
	"notifications.mail_save":  {"Save", "Сохранить"},
	"unsubscribe.title":        {"Stop notification e-mail", "Отписка от писем"},
	"unsubscribe.intro": {"Press the button to stop e-mail about notifications. You can turn it on again on your account page.",
		"Нажмите кнопку, чтобы больше не получать письма об уведомлениях. Включить их снова можно на странице учётной записи."},
	"unsubscribe.submit": {"Unsubscribe", "Отписаться"},
	"unsubscribe.done":   {"Done: you will get no more notification e-mail.", "Готово: писем об уведомлениях больше не будет."},
}
