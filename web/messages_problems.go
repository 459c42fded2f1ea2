package web

// problemMessages say the coded input problems (domain/problems.go) in the reader's language. Counted
// arguments arrive already agreed with their number (countedProblemArgs), so %v stands for «21 символ».
var problemMessages = map[string]msg{
	"problem.required":           {"is required", "нужно заполнить"},
	"problem.too_long":           {"is %v long; the limit is %v", "длина — %v, допустимо не более %v"},
	"problem.password_too_short": {"must be at least %v long", "должен быть не короче %v"},
	"problem.password_too_long":  {"must be at most %v long", "должен быть не длиннее %v"},
	"problem.invalid_utf8":       {"is not valid UTF-8 text", "содержит недопустимые символы"},
	"problem.control_char":       {"contains the control character U+%04X", "содержит недопустимый управляющий символ U+%04X"},
	"problem.not_email":          {"is not an email address", "не похоже на адрес электронной почты"},
	"problem.not_number":         {"must be a number", "должно быть числом"},
	"problem.not_finite":         {"must be a finite number", "должно быть конечным числом"},
	"problem.number_range":       {"must be a number from %v to %v", "должно быть числом от %v до %v"},
	"problem.not_number_such_as": {"is not a number; write it like 12 000,50 or 12000.50", "не число; пишите так: 12 000,50 или 12000.50"},
	"problem.negative_amount":    {"is negative; amounts are zero or more", "меньше нуля; суммы должны быть не меньше нуля"},
	"problem.negative":           {"is negative", "меньше нуля"},
	"problem.not_one_of":         {"must be one of: %v", "должно быть одним из: %v"},
	"problem.not_date":           {"must be a date YYYY-MM-DD", "должна быть датой в формате ГГГГ-ММ-ДД"},
	"problem.not_date_string":    {"must be a date YYYY-MM-DD", "должна быть датой в формате ГГГГ-ММ-ДД"},
	"problem.quote_not_found":    {"was not found in the field's current text", "не найдена в текущем тексте поля"},
	"problem.quote_needs_field":  {"must be chosen when you quote text", "нужно выбрать поле, если вы цитируете текст"},
	"problem.common_password":    {"is one of the most common passwords; choose another", "слишком распространенный пароль; выберите другой"},
	"problem.only_spaces":        {"must not be only spaces", "не может состоять из одних пробелов"},
	"problem.few_distinct":       {"must contain at least %v different characters", "должен содержать не меньше %v разных символов"},
	"problem.password_is_email":  {"must not be your email address", "не должен совпадать с адресом почты"},
	"problem.wrong_password":     {"is wrong", "указан неверно"},
	"problem.no_account":         {"has no account here; ask the person to sign up first", "не зарегистрирован здесь; попросите человека сначала зарегистрироваться"},
	"problem.file_empty":         {"is empty", "пустой"},
	"problem.not_time_zone":      {"is not a time zone such as Asia/Bishkek or UTC", "не часовой пояс; укажите, например, Asia/Bishkek или UTC"},
	"problem.not_section":        {"is not a section of this proposal's template", "нет такого раздела в шаблоне этой заявки"},
}

// countedProblemArgs names, per problem code, the counted noun of each of its numeric arguments.
var countedProblemArgs = map[string][]string{
	"too_long":           {"characters", "characters.gen"},
	"password_too_short": {"characters.gen"},
	"password_too_long":  {"characters.gen"},
}

func init() {
	for k, v := range problemMessages {
		catalogue[k] = v
	}
}
