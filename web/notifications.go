package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

// notificationsPage is the data of the notifications page.
type notificationsPage struct {
	Base
	Items      []notificationItem
	Prev, Next string
}

// notificationItem is one notification with the page it points at.
type notificationItem struct {
	domain.Notification
	Link string
}

// notificationsPage lists the person's notifications, newest first, the unread ones marked.
func (p *Pages) notificationsPage(c *gin.Context) {
	offset, _ := strconv.Atoi(c.Query("offset"))
	page := domain.Page{Limit: listPageSize, Offset: max(offset, 0)}
	items, total, err := p.svc.Notifications(c.Request.Context(), mustUser(c), false, page)
	if err != nil {
		p.fail(c, err)
		return
	}
	data := notificationsPage{Base: p.base(c, tr(c, "notifications.title"))}
	for _, n := range items {
		data.Items = append(data.Items, notificationItem{Notification: n, Link: service.NotificationPath(n)})
	}
	if page.Offset > 0 {
		data.Prev = "/notifications?offset=" + strconv.Itoa(max(page.Offset-listPageSize, 0))
	}
	if int64(page.Offset+listPageSize) < total {
		data.Next = "/notifications?offset=" + strconv.Itoa(page.Offset+listPageSize)
	}
	p.render(c, http.StatusOK, "notifications", data)
}

// readNotification marks one notification read and returns to the list.
func (p *Pages) readNotification(c *gin.Context) {
	if err := p.svc.MarkNotificationRead(c.Request.Context(), mustUser(c), c.Param("nid")); err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/notifications")
}

// readAllNotifications marks every notification read.
func (p *Pages) readAllNotifications(c *gin.Context) {
	if err := p.svc.MarkAllNotificationsRead(c.Request.Context(), mustUser(c)); err != nil {
		p.fail(c, err)
		return
	}
	redirect(c, "/notifications")
}

// saveNotificationSettings stores how often notifications are mailed.
func (p *Pages) saveNotificationSettings(c *gin.Context) {
	_, err := p.svc.SetNotificationSettings(c.Request.Context(), mustUser(c), domain.NotificationSettings{Mail: c.PostForm("mail")})
	if err != nil {
		p.fail(c, err)
		return
	}
	data := p.accountData(c)
	data.Flash = tr(c, "notifications.saved")
	p.render(c, http.StatusOK, "account", data)
}

// unsubscribePage is the data of the page an unsubscribe link opens.
type unsubscribePage struct {
	Base
	Token string
	Done  bool
}

// unsubscribePage asks to confirm with a button: a link opened by a mail scanner must not unsubscribe.
func (p *Pages) unsubscribePage(c *gin.Context) {
	p.render(c, http.StatusOK, "unsubscribe", unsubscribePage{Base: p.base(c, tr(c, "unsubscribe.title")), Token: c.Query("token")})
}

// unsubscribe turns notification mail off for the link's holder, with or without a session; it answers
// a mail client's one-click POST the same way as the page's button.
func (p *Pages) unsubscribe(c *gin.Context) {
	if err := p.svc.Unsubscribe(c.Request.Context(), c.Query("token")); err != nil {
		p.fail(c, err)
		return
	}
	p.render(c, http.StatusOK, "unsubscribe", unsubscribePage{Base: p.base(c, tr(c, "unsubscribe.title")), Done: true})
}
