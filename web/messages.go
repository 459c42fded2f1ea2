package web

import (
	"unicode"
	"unicode/utf8"

	"iduit/domain"
)

// catalogue holds every text of the pages in English and Russian. Russian uses the project glossary's
// terms (glossary/glossary.yaml; its test reads this file). A count either stands after a colon
// ("слов: 12") or goes through count (counts.go), which agrees the noun with the number. Keys are grouped by page; a test checks that both languages are filled and that every
// key the templates use exists.
var catalogue = map[string]msg{
	// Layout and navigation.
	"nav.skip":      {"Skip to content", "Перейти к содержанию"},
	"nav.home":      {"iduit, home", "iduit, на главную"},
	"nav.label":     {"Main", "Главное меню"},
	"nav.proposals": {"My proposals", "Мои заявки"},
	"nav.signout":   {"Sign out", "Выйти"},
	"nav.crumbs":    {"You are here", "Вы здесь"},
	"nav.proposal":  {"Proposal pages", "Разделы заявки"},
	"nav.pages":     {"More pages", "Другие страницы"},
	"nav.prev_page": {"← Newer", "← Более новые"},
	"nav.next_page": {"Older →", "Более ранние →"},
	"foot.about": {"iduit helps community networks draft their part of Global Fund funding requests based on the IDUIT. Your drafts are saved on this server only.",
		"iduit помогает сетям сообществ готовить свою часть запросов на финансирование в Глобальный фонд на основе IDUIT. Черновики хранятся только на этом сервере."},
	"form.problems": {"Please correct the following:", "Пожалуйста, исправьте:"},

	// Accounts.
	"account.email":    {"Email", "Электронная почта"},
	"account.name":     {"Your name", "Ваше имя"},
	"account.password": {"Password", "Пароль"},
	"signin.title":     {"Sign in", "Вход"},
	"signin.intro": {"Sign in to work on your network's proposals.",
		"Войдите, чтобы работать над заявками вашей сети."},
	"signin.submit": {"Sign in", "Войти"},
	"signin.wrong":  {"The email or password is wrong.", "Неверный адрес электронной почты или пароль."},
	"signin.new":    {"New here?", "Впервые здесь?"},
	"signup.title":  {"Create an account", "Регистрация"},
	"signup.intro": {"One account lets you write, review and comment on any proposal you are invited to.",
		"С одной учетной записью можно писать, рецензировать и комментировать все заявки, в которые вас пригласили."},
	"signup.password_hint": {"At least %s. A few words together make a good password.",
		"Не меньше %s. Хороший пароль — несколько слов подряд."},
	"signup.submit": {"Create account", "Зарегистрироваться"},
	"signup.have":   {"Already have an account?", "Уже есть учетная запись?"},
	"signup.taken": {"An account with this email already exists. Sign in instead.",
		"Учетная запись с этим адресом уже есть. Войдите в нее."},

	// Errors.
	"error.home":       {"Go to my proposals", "К моим заявкам"},
	"error.request_id": {"If it happens again, send us this request number:", "Если ошибка повторится, сообщите нам номер запроса:"},
	"error.kept": {"Your text was not saved. Copy it from here:",
		"Ваш текст не сохранен. Скопируйте его отсюда:"},
	"error.invalid.title":               {"Something in the form needs fixing", "В форме есть ошибки"},
	"error.invalid.text":                {"Please go back and correct the form.", "Вернитесь назад и исправьте форму."},
	"error.unauthenticated.title":       {"Please sign in", "Пожалуйста, войдите"},
	"error.unauthenticated.text":        {"Your session has ended. Sign in again.", "Ваш сеанс закончился. Войдите снова."},
	"error.forbidden.title":             {"Not allowed", "Нет доступа"},
	"error.forbidden.text":              {"Your role on this proposal does not allow this.", "Ваша роль в этой заявке не позволяет это сделать."},
	"error.not_found.title":             {"Page not found", "Страница не найдена"},
	"error.not_found.text":              {"This page does not exist, or you are not a member of this proposal.", "Такой страницы нет, или вы не участник этой заявки."},
	"error.conflict.title":              {"This cannot be done now", "Сейчас это сделать нельзя"},
	"error.conflict.text":               {"The proposal is not in a state that allows this.", "Состояние заявки этого не позволяет."},
	"error.precondition_failed.title":   {"Someone saved in the meantime", "Кто-то успел сохранить раньше"},
	"error.precondition_failed.text":    {"Open the page again to see the newest version, then try again.", "Откройте страницу заново, чтобы увидеть последнюю версию, и повторите."},
	"error.precondition_required.title": {"The page is out of date", "Страница устарела"},
	"error.precondition_required.text":  {"Open the page again and try again.", "Откройте страницу заново и повторите."},
	"error.unprocessable.title":         {"Not ready yet", "Пока не готово"},
	"error.unprocessable.text":          {"The check for errors still finds problems.", "Проверка на ошибки еще находит проблемы."},
	"error.too_large.title":             {"Too much text at once", "Слишком много текста за один раз"},
	"error.too_large.text":              {"The form is larger than the server accepts. Save in smaller parts.", "Форма больше, чем принимает сервер. Сохраняйте по частям."},
	"error.too_many_requests.title":     {"Too many requests", "Слишком много запросов"},
	"error.too_many_requests.text":      {"Wait a little, then try again.", "Подождите немного и попробуйте снова."},
	"error.unavailable.title":           {"Try again in a moment", "Попробуйте чуть позже"},
	"error.unavailable.text":            {"The server is too busy right now, or cannot reach its database.", "Сервер сейчас перегружен или не может связаться с базой данных."},
	"error.internal.title":              {"Something went wrong on our side", "Что-то пошло не так на нашей стороне"},
	"error.internal.text":               {"Nothing you did caused this. Please try again.", "Ошибка возникла не по вашей вине. Попробуйте еще раз."},
	"error.csrf.title":                  {"This form has expired", "Срок действия формы истек"},
	"error.csrf.text": {"For your safety the form was not sent. Open the page again and repeat what you did.",
		"Для вашей безопасности форма не отправлена. Откройте страницу заново и повторите действие."},

	// The IDUIT chapters, by number and title only.
	"iduit.chapter": {"IDUIT chapter %d: %s", "IDUIT, глава %d: %s"},
	"iduit.ch1":     {"Community empowerment", "Расширение прав и возможностей сообществ"},
	"iduit.ch2":     {"Law reform, human rights, stigma and discrimination", "Реформа законодательства, права человека, стигма и дискриминация"},
	"iduit.ch3":     {"Health and support services", "Медицинские услуги и поддержка"},
	"iduit.ch4":     {"Service delivery approaches", "Подходы к предоставлению услуг"},
	"iduit.ch5":     {"Programme management", "Управление программой"},

	// Statuses, roles and section states.
	// The status names have one owner (domain.StatusName, shared with the documents and the mail).
	"status.draft":                  statusMsg(domain.StatusDraft),
	"status.in_review":              statusMsg(domain.StatusInReview),
	"status.changes_requested":      statusMsg(domain.StatusChangesRequested),
	"status.approved":               statusMsg(domain.StatusApproved),
	"status.final":                  statusMsg(domain.StatusFinal),
	"status_help.draft":             {"Being written. Send it for review when it is ready.", "Заявка в работе. Отправьте ее на рецензию, когда будет готова."},
	"status_help.in_review":         {"Reviewers are reading and commenting.", "Рецензенты читают и комментируют."},
	"status_help.changes_requested": {"Reviewers asked for changes; see the comments.", "Рецензенты просят доработать — см. комментарии."},
	"status_help.approved":          {"Reviewers approved it. The owner can mark it final.", "Рецензенты одобрили заявку. Владелец может отметить ее как итоговую."},
	"status_help.final":             {"The endorsed text, read-only. The owner can reopen it.", "Согласованный текст, только для чтения. Владелец может вернуть заявку в работу."},
	"action.in_review":              {"Send for review", "Отправить на рецензию"},
	"action.changes_requested":      {"Request changes", "Вернуть на доработку"},
	"action.approved":               {"Approve", "Одобрить"},
	"action.final":                  {"Mark as final", "Отметить как итоговую"},
	"action.draft":                  {"Reopen as a draft", "Вернуть в черновик"},
	"role.owner":                    {"Owner", "Владелец"},
	"role.editor":                   {"Editor", "Редактор"},
	"role.reviewer":                 {"Reviewer", "Рецензент"},
	"role.viewer":                   {"Viewer", "Наблюдатель"},
	"role_help.owner":               {"Writes, manages members, marks the proposal final.", "Пишет, управляет участниками, утверждает итоговую версию."},
	"role_help.editor":              {"Writes and comments.", "Пишет и комментирует."},
	"role_help.reviewer":            {"Comments, requests changes or approves (technical partners, CCM members).", "Комментирует, возвращает на доработку или одобряет (технические партнеры, члены СКМ)."},
	"role_help.viewer":              {"Reads only.", "Только читает."},
	"state.empty":                   {"Not started", "Не начат"},
	"state.in_progress":             {"In progress", "В работе"},
	"state.complete":                {"Complete", "Готов"},
	"progress.sections":             {"Sections complete: %d of %d", "Готово разделов: %d из %d"},
	"progress.fields":               {"fields filled: %d of %d", "заполнено полей: %d из %d"},
}

// fundingMsg is a funding status's name: domain's, as the documents print it.
func fundingMsg(status string) msg {
	return msg{domain.FundingStatusName(status, "en"), domain.FundingStatusName(status, "ru")}
}

// statusMsg is a status's name as a page shows it: domain's name, capitalised.
func statusMsg(status string) msg {
	return msg{capitalise(domain.StatusName(status, "en")), capitalise(domain.StatusName(status, "ru"))}
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
