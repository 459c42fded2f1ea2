package web

import "regexp"

func init() {
	for k, v := range attachmentMessages {
		catalogue[k] = v
	}
	for k, v := range attachmentErrors {
		errorMessages[k] = v
	}
	problemTexts = append(problemTexts, attachmentProblems...)
}

// attachmentMessages are the texts of the evidence files page.
var attachmentMessages = map[string]msg{
	"tab.attachments":   {"Files", "Файлы"},
	"attachments.title": {"Evidence files", "Подтверждающие документы"},
	"attachments.intro": {"Keep the evidence of the funding request here: minutes of consultations and of the CCM meeting, attendance sheets, the signed endorsement, co-financing letters, community-led monitoring data.",
		"Храните здесь подтверждения к заявке: протоколы консультаций и заседания СКК, листы регистрации участников, подписанное одобрение, письма о софинансировании, данные мониторинга силами сообществ."},
	"section.attachments":       {"Evidence files for this section", "Подтверждающие документы к этому разделу"},
	"attachments.filtered":      {"Files supporting section %v only.", "Только файлы к разделу %v."},
	"attachments.all":           {"All files", "Все файлы"},
	"attachments.empty":         {"No files yet.", "Файлов пока нет."},
	"attachments.added":         {"The file is attached.", "Файл прикреплен."},
	"attachments.deleted":       {"The file is removed from the list; the history keeps a record of it.", "Файл убран из списка; в журнале остается запись о нем."},
	"attachments.delete":        {"Remove", "Убрать"},
	"attachments.size":          {"Size", "Размер"},
	"attachments.uploaded":      {"Added by", "Добавил(а)"},
	"attachments.mb":            {"%v MB", "%v МБ"},
	"attachments.kb":            {"%v KB", "%v КБ"},
	"attachments.upload_title":  {"Add a file", "Добавить файл"},
	"attachments.upload":        {"Upload", "Загрузить"},
	"attachments.field.title":   {"Title", "Название"},
	"attachments.field.kind":    {"What it is", "Что это"},
	"attachments.field.section": {"Section it supports", "К какому разделу"},
	"attachments.field.link":    {"Link (optional)", "Связь (необязательно)"},
	"attachments.field.file":    {"File", "Файл"},
	"attachments.no_section":    {"No particular section", "Без привязки к разделу"},
	"attachments.title_hint":    {"Shown in the list; the file name is used when empty.", "Показывается в списке; если не заполнено, берется имя файла."},
	"attachments.link_hint": {`What else the file supports, as type:id, for example priority:12 or consultation:2026-03-bishkek.`,
		`С чем еще связан файл, в виде тип:id, например priority:12 или consultation:2026-03-bishkek.`},
	"attachments.file_hint": {"Accepted: %v. At most %v a file and %v a proposal. The type is read from the file itself, not from its name.",
		"Принимаются: %v. Не больше %v на файл и %v на заявку. Тип определяется по содержимому файла, а не по имени."},
	"attachments.personal_data": {"Community-led monitoring data can hold personal data of people who use drugs. Remove names, addresses and anything else that identifies a person before you upload; every member of this proposal, reviewers included, can download the file.",
		"Данные мониторинга силами сообществ могут содержать персональные данные людей, употребляющих наркотики. Перед загрузкой удалите имена, адреса и все, что позволяет узнать человека: файл могут скачать все участники заявки, включая рецензентов."},
	"attachments.kind.minutes":      {"Minutes", "Протокол"},
	"attachments.kind.attendance":   {"Attendance sheet", "Лист регистрации"},
	"attachments.kind.endorsement":  {"Endorsement", "Одобрение"},
	"attachments.kind.co-financing": {"Co-financing letter", "Письмо о софинансировании"},
	"attachments.kind.data":         {"Data", "Данные"},
	"attachments.kind.other":        {"Other", "Другое"},

	// Upload progress, said by the script while the file travels (the page without script shows none).
	"attachments.progress":        {"Uploading: {p} %", "Загрузка: {p} %"},
	"attachments.progress_saving": {"Uploaded: 100 %. Saving the file…", "Загружено: 100 %. Файл сохраняется…"},
	"attachments.progress_failed": {"The upload stopped: the connection was lost. Check the connection and upload again.",
		"Загрузка прервалась: пропало соединение. Проверьте подключение и загрузите файл еще раз."},

	// The sensitive mark: a file that may hold personal data stays out of the export and the annex list.
	"attachments.field.sensitive": {"Holds personal data (sensitive)", "Содержит персональные данные (конфиденциально)"},
	"attachments.sensitive_hint": {"Mark community-led monitoring data and anything else that may name or identify a person. A sensitive file is left out of the export and of the list of annexes in the documents; owners can still export it on purpose.",
		"Отметьте данные мониторинга силами сообществ и все, что может назвать или выдать человека. Конфиденциальный файл не попадает в экспорт и в список приложений в документах; владельцы могут экспортировать его намеренно."},
	"attachments.sensitive_mark": {"Sensitive: personal data", "Конфиденциально: персональные данные"},

	"activity.attachment_added":   {"attached a file", "прикрепил(а) файл"},
	"activity.attachment_edited":  {"changed a file's description", "изменил(а) описание файла"},
	"activity.attachment_deleted": {"removed a file", "убрал(а) файл"},

	"error.unsupported_media_type.title": {"This type of file is not accepted", "Такой тип файла не принимается"},
	"error.unsupported_media_type.text":  {"Upload a PDF, Word, Excel or OpenDocument file, a JPEG or PNG image, or CSV or plain text.", "Загрузите PDF, файл Word, Excel или OpenDocument, изображение JPEG или PNG, либо CSV или простой текст."},
}

// attachmentErrors say the upload's coded errors (service/attachments.go) in the reader's language.
var attachmentErrors = map[string]msg{
	"err.attachment.file_too_large": {"The file is larger than the limit of %v a file.", "Файл больше допустимого размера: %v на файл."},
	"err.attachment.quota":          {"The proposal's files would pass their total limit; remove a file or upload a smaller one.", "Файлы заявки превысили бы общий допустимый размер; уберите какой-нибудь файл или загрузите файл поменьше."},
	"err.attachment.type":           {"This type of file is not accepted; accepted are PDF, DOCX, XLSX, ODT, JPEG, PNG, CSV and plain text (UTF-8).", "Такой тип файла не принимается; принимаются PDF, DOCX, XLSX, ODT, JPEG, PNG, CSV и простой текст (UTF-8)."},
	"err.attachment.empty":          {"The file is empty.", "Файл пустой."},
	"err.attachment.retry":          {"The file's stored copy was removed while you uploaded it; upload it again.", "Сохраненная копия файла была удалена во время загрузки; загрузите его еще раз."},
	"err.package.sensitive_owner_only": {"Only an owner may include files marked sensitive in the package: they may hold personal data. Your role on this proposal is %v.",
		"Только владелец может включить в пакет файлы с пометкой «конфиденциально»: в них могут быть персональные данные. Ваша роль в этой заявке: %v."},
	"err.attachment.unreadable": {"The upload could not be read; choose the file and send the form again.", "Не удалось прочитать загрузку; выберите файл и отправьте форму еще раз."},
}

// attachmentProblems translate the upload's input problems into Russian.
var attachmentProblems = []struct {
	re *regexp.Regexp
	ru string
}{
	{regexp.MustCompile(`^must be one of minutes, attendance, endorsement, co-financing, data, other$`), "должно быть одним из: протокол, лист регистрации, одобрение, письмо о софинансировании, данные, другое"},
	{regexp.MustCompile(`^is not a section of this proposal's template$`), "нет такого раздела в шаблоне этой заявки"},
	{regexp.MustCompile(`^must look like "priority:ID".*$`), "должна иметь вид «priority:ID»: тип строчными латинскими буквами, двоеточие и id из латинских букв, цифр, «.», «_», «~» или «-» (не длиннее 200 символов)"},
	{regexp.MustCompile(`^is empty$`), "пустой"},
	{regexp.MustCompile(`^is longer than 4 KiB$`), "длиннее 4 КиБ"},
	{regexp.MustCompile(`^appears more than once$`), "указан больше одного раза"},
}
