package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/language"

	"iduit/domain"
)

// languages are the interface languages, in the order the switch offers them.
var languages = []string{"en", "ru"}

// langCookie keeps each person's choice of interface language; it is a preference, not a secret.
const langCookie = "iduit_lang"

var nativeLanguageNames = map[string]string{"en": "English", "ru": "Русский"}

// langOf is the interface language: the person's choice, else the browser's, else English. Speakers of
// languages of the region whose networks work in Russian get Russian.
func langOf(c *gin.Context) string {
	if v := c.GetString(langCookie); v != "" {
		return v
	}
	if ck, err := c.Request.Cookie(langCookie); err == nil && (ck.Value == "en" || ck.Value == "ru") {
		return ck.Value
	}
	return browserLanguage(c.GetHeader("Accept-Language"))
}

// acceptable are the languages a browser may ask for, each with the interface language it gets: the
// region's languages whose networks work in Russian get Russian. English comes first, so that a browser
// asking for none of them gets English.
var acceptable = []struct {
	tag  language.Tag
	lang string
}{
	{language.English, "en"}, {language.Russian, "ru"}, {language.MustParse("be"), "ru"},
	{language.Kirghiz, "ru"}, {language.Kazakh, "ru"}, {language.MustParse("tg"), "ru"}, {language.Uzbek, "ru"},
}

var languageMatcher = language.NewMatcher(func() []language.Tag {
	tags := make([]language.Tag, len(acceptable))
	for i, a := range acceptable {
		tags[i] = a.tag
	}
	return tags
}())

// browserLanguage picks the interface language from an Accept-Language header with x/text's matcher,
// which honours q-values ("de, ru;q=0.8, en;q=0.5" is Russian) and regional variants (en-GB is English).
func browserLanguage(header string) string {
	_, i := language.MatchStrings(languageMatcher, header)
	return acceptable[i].lang
}

// switchLanguage stores the choice for a year and returns to the page it was made on.
func (p *Pages) switchLanguage(c *gin.Context) {
	lang := c.PostForm("lang")
	if lang != "en" && lang != "ru" {
		lang = "en"
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		Secure: p.secure, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	if u, ok := userOf(c); ok {
		// Mail follows the language the person reads the site in; the switch still works if this fails.
		_, _ = p.svc.SetNotificationSettings(c.Request.Context(), u, domain.NotificationSettings{Lang: lang})
	}
	redirect(c, localPath(c.PostForm("next"), "/"))
}

// translate looks a key up in the catalogue; a missing key is an error so that the start-up test and
// the page tests catch it rather than a reader.
func translate(lang, key string, args ...any) (string, error) {
	m, ok := catalogue[key]
	if !ok {
		return "", fmt.Errorf("no message %q", key)
	}
	s := m.en
	if lang == "ru" {
		s = m.ru
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s, nil
}

// tr is translate for Go code with keys that are known to exist.
func tr(c *gin.Context, key string, args ...any) string {
	s, err := translate(langOf(c), key, args...)
	if err != nil {
		return key
	}
	return s
}

// msg is one message in both interface languages.
type msg struct{ en, ru string }

func chapterName(lang string, n int) (string, error) {
	title, err := translate(lang, fmt.Sprintf("iduit.ch%d", n))
	if err != nil {
		return "", err
	}
	return translate(lang, "iduit.chapter", n, title)
}

// problemView is one input problem, with the control it belongs to.
type problemView struct {
	Field, Anchor, Message string
}

// problemTexts translate the service's uncoded input messages into Russian by pattern: a fallback for
// problems built without a code (domain/problems.go); a message with no pattern is shown as written.
var problemTexts = []struct {
	re *regexp.Regexp
	ru string
}{
	{regexp.MustCompile(`^is required$`), "нужно заполнить"},
	{regexp.MustCompile(`^"(.+)" is not one of the currencies this template allows \[(.*)\]$`), "«$1» — не из валют, которые допускает шаблон: $2"},
	{regexp.MustCompile(`^must be ([A-Z]{3}), the currency of the proposal settings$`), "должна быть $1 — валюта из настроек заявки"},
	{regexp.MustCompile(`^is the allocation amount of the proposal settings; change it there .*$`), "это размер аллокации из настроек заявки; измените его там"},
	{regexp.MustCompile(`^must not be negative$`), "не может быть отрицательным"},
	{regexp.MustCompile(`^must be one of \[(.*)\]$`), "должно быть одним из: $1"},
	{regexp.MustCompile(`^choose the currency of the allocation$`), "выберите валюту аллокации"},
	{regexp.MustCompile(`^the Chair is from civil society, so the second signatory must be the government representative$`), "председатель — от гражданского общества, поэтому второй подписант — представитель государства"},
	{regexp.MustCompile(`^the Chair is from .+, so the second signatory must be the civil society representative$`), "второй подписант — представитель гражданского общества, так как председатель не от гражданского общества"},
	{regexp.MustCompile(`^is not an email address$`), "не похоже на адрес электронной почты"},
	{regexp.MustCompile(`^must be a number$`), "должно быть числом"},
	{regexp.MustCompile(`^must be a finite number$`), "должно быть конечным числом"},
	{regexp.MustCompile(`^must be a number from (\S+) to (\S+)$`), "должно быть числом от $1 до $2"},
	{regexp.MustCompile(`^this (query parameter|form field) contains a NUL character or invalid UTF-8$`), "содержит недопустимые символы"},
	{regexp.MustCompile(`^a name contains a NUL character or invalid UTF-8$`), "содержит недопустимые символы"},
	{regexp.MustCompile(`^must be a date YYYY-MM-DD$`), "должна быть датой в формате ГГГГ-ММ-ДД"},
	{regexp.MustCompile(`^must be a date string YYYY-MM-DD$`), "должна быть датой в формате ГГГГ-ММ-ДД"},
	{regexp.MustCompile(`^contains the control character (U\+[0-9A-F]+)$`), "содержит недопустимый управляющий символ $1"},
	{regexp.MustCompile(`^is not valid UTF-8 text$`), "содержит недопустимые символы"},
	{regexp.MustCompile(`^does not appear in the field's current text$`), "не найдена в текущем тексте поля"},
	{regexp.MustCompile(`^is not a known template key$`), "такого шаблона нет"},
	{regexp.MustCompile(`^must be en or ru$`), "должен быть en или ru"},
	{regexp.MustCompile(`^is wrong$`), "указан неверно"},
	{regexp.MustCompile(`^is unknown, used, revoked or expired$`), "неизвестно, уже использовано, отозвано или устарело"},
	{regexp.MustCompile(`^must be the address the invitation was sent to$`), "должен совпадать с адресом, на который пришло приглашение"},
	{regexp.MustCompile(`^is one of the most common passwords; choose another$`), "слишком распространенный пароль; выберите другой"},
	{regexp.MustCompile(`^must not be only spaces$`), "не может состоять из одних пробелов"},
	{regexp.MustCompile(`^must contain at least (\d+) different characters$`), "должен содержать не меньше $1 разных символов"},
	{regexp.MustCompile(`^must not be your email address$`), "не должен совпадать с адресом почты"},
	{regexp.MustCompile(`^must be 1 or 0$`), "должно быть 1 или 0"},
}

func localiseProblem(lang, message string) string {
	if lang != "ru" {
		return message
	}
	if s, ok := localiseCountedProblem(message); ok {
		return s
	}
	for _, pt := range problemTexts {
		if pt.re.MatchString(message) {
			return pt.re.ReplaceAllString(message, pt.ru)
		}
	}
	return message
}

// problems prepares the service's input problems for a page, naming the field they belong to.
func (p *Pages) problems(c *gin.Context, in []domain.Problem) []problemView {
	lang := langOf(c)
	out := make([]problemView, len(in))
	for i, pr := range in {
		out[i] = problemView{Field: pr.Field, Message: localiseCodedProblem(lang, pr)}
	}
	return out
}

// localiseCodedProblem says a problem from the catalogue by its code, agreeing counts with their numbers
// and listing a set of accepted values plainly; a problem without a code falls back to the patterns.
func localiseCodedProblem(lang string, pr domain.Problem) string {
	if pr.Code == "" {
		return localiseProblem(lang, pr.Message)
	}
	args := make([]any, len(pr.Args))
	nouns := countedProblemArgs[pr.Code]
	for i, a := range pr.Args {
		args[i] = a
		switch v := a.(type) {
		case int:
			if i < len(nouns) {
				args[i], _ = count(lang, v, nouns[i])
			}
		case []string:
			args[i] = strings.Join(v, ", ")
		}
	}
	if s, err := translate(lang, "problem."+pr.Code, args...); err == nil {
		return s
	}
	return localiseProblem(lang, pr.Message)
}
