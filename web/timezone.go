package web

import (
	"html/template"
	"net/http"
	"time"
	_ "time/tzdata" // the zones people choose must load on a server image without /usr/share/zoneinfo

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// defaultZones are the zones for a person who has not chosen one and whose browser has not said: the
// networks reading Russian are mostly in Central Asia, the English readers anywhere.
var defaultZones = map[string]string{"ru": "Asia/Bishkek", "en": "UTC"}

// zoneOf is the time zone this request's pages show times in.
func zoneOf(c *gin.Context) *time.Location {
	name := defaultZones[langOf(c)]
	if u, ok := userOf(c); ok && u.TimeZone != "" {
		name = u.TimeZone
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC
	}
	return loc
}

// viewsFor returns the pages bound to the request's language and zone, parsing them once per pair.
func (p *Pages) viewsFor(c *gin.Context, lang string) map[string]*template.Template {
	loc := zoneOf(c)
	if loc == time.UTC || p.fsys == nil {
		return p.views[lang]
	}
	key := lang + "|" + loc.String()
	if v, ok := p.zoned.Load(key); ok {
		return v.(map[string]*template.Template)
	}
	views, err := parsePages(p.fsys, lang, loc, p.static)
	if err != nil { // the same files parsed at start-up: cannot happen, but UTC is a safe answer
		return p.views[lang]
	}
	v, _ := p.zoned.LoadOrStore(key, views)
	return v.(map[string]*template.Template)
}

// commonZones are offered on the account page; any other IANA name may be typed.
var commonZones = []string{"Asia/Bishkek", "Asia/Almaty", "Asia/Tashkent", "Asia/Dushanbe", "Asia/Ashgabat",
	"Europe/Moscow", "Europe/Kyiv", "Europe/Minsk", "Asia/Tbilisi", "Asia/Yerevan", "Asia/Baku", "Europe/Chisinau",
	"Europe/Geneva", "UTC"}

// setTimeZone saves the zone chosen on the account page.
func (p *Pages) setTimeZone(c *gin.Context) {
	u := mustUser(c)
	zone := c.PostForm("time_zone")
	data := accountSettings{Base: p.base(c, tr(c, "account.title")), MinPassword: service.MinPasswordLength}
	if err := p.svc.SetTimeZone(c.Request.Context(), u, zone); err != nil {
		if domain.ErrorKind(err) != domain.KindInvalid {
			p.fail(c, err)
			return
		}
		data.Problems, data.Zone = p.problemMap(c, err), zone
		p.render(c, http.StatusBadRequest, "account", data)
		return
	}
	acc := mustAccess(c)
	acc.User.TimeZone = zone
	c.Set(keyAccess, acc) // this very page already shows times in the new zone
	data = accountSettings{Base: p.base(c, tr(c, "account.title")), MinPassword: service.MinPasswordLength}
	data.Flash = tr(c, "account.zone_saved")
	p.render(c, http.StatusOK, "account", data)
}

// rememberBrowserZone stores the zone the sign-in form's script read from the browser, the first time.
func (p *Pages) rememberBrowserZone(c *gin.Context, token string) {
	zone := c.PostForm("tz")
	if zone == "" {
		return
	}
	_, u, err := p.svc.Authenticate(c.Request.Context(), token)
	if err == nil {
		err = p.svc.RememberBrowserTimeZone(c.Request.Context(), u, zone)
	}
	if err != nil { // a preference: the sign-in has succeeded and must not fail for it
		p.logger(c).Warn("time zone not remembered", "error", err.Error())
	}
}
