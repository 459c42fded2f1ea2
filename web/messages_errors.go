package web

// errorMessages say the service's coded errors (domain/messages.go) in the reader's language. %v
// arguments follow the order of the error's Args.
var errorMessages = map[string]msg{
	"err.proposal_final": {"The proposal is final and read-only; the owner can reopen it.",
		"Заявка отмечена как итоговая версия и доступна только для чтения; владелец может вернуть ее в работу."},
	"err.role_forbids": {"Your role on this proposal (%v) does not allow this.",
		"Ваша роль в этой заявке (%v) не позволяет это сделать."},
	"err.stale_version": {"It is at version %v, not %v: someone saved after you opened it. Reload, merge and save again.",
		"Сейчас это версия %v, а вы открывали версию %v: кто-то сохранил раньше вас. Откройте заново, объедините правки и сохраните."},
	"err.wrong_credentials": {"The email or password is wrong.", "Неверный адрес почты или пароль."},
	"err.session_ended":     {"The session has expired or was signed out; sign in again.", "Сеанс истек или был завершен; войдите снова."},
	"err.too_many_sign_ins": {"Too many failed sign-ins; try again in %v seconds.",
		"Слишком много неудачных попыток входа; попробуйте снова через %v с."},
	"err.not_author": {"Only the author of a comment may change or delete it.", "Изменить или удалить комментарий может только его автор."},
	"err.last_owner": {"The last owner cannot be removed; add another owner first.",
		"Нельзя удалить последнего владельца; сначала добавьте другого владельца."},
	"err.email_taken": {"An account with this email already exists.", "Учетная запись с таким адресом уже есть."},
	"err.bad_transition": {"A proposal cannot go from %v to %v.",
		"Заявку нельзя перевести из статуса «%v» в статус «%v»."},
	"err.not_ready": {"The check for errors found %s; fix them before marking the proposal final.",
		"Проверка нашла %s — исправьте, прежде чем отмечать заявку как итоговую."},
	"err.budget_first": {"Save the budget first: targets are set for its grant years.",
		"Сначала сохраните бюджет: целевые значения задаются по его годам гранта."},
	"err.render_busy": {"The server is busy making other PDFs; try again in a few seconds.",
		"Сервер сейчас готовит другие PDF; попробуйте через несколько секунд."},
	"err.diff_busy": {"The server is busy comparing other versions; try again in a few seconds.",
		"Сервер сейчас сравнивает другие версии; попробуйте через несколько секунд."},
	"err.own_share_busy": {"You already have several PDFs or comparisons in progress; try again when they are done.",
		"У вас уже готовятся несколько PDF или сравнений; попробуйте, когда они будут готовы."},
	"err.storage_full": {"The server cannot store anything right now (its disk is full or read-only); nothing was saved.",
		"Сервер сейчас не может ничего сохранить (диск заполнен или доступен только для чтения); ничего не сохранено."},
	"err.passwords_busy": {"The server is busy checking other passwords; try again in a few seconds.",
		"Сервер сейчас проверяет другие пароли; попробуйте через несколько секунд."},
	"err.database_down": {"The database is not available; try again shortly.", "База данных недоступна; попробуйте чуть позже."},
}

func init() {
	for k, v := range errorMessages {
		catalogue[k] = v
	}
}
