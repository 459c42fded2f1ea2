package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"iduit/domain"
	"iduit/service"
)

type notificationResponse struct {
	ID         string  `json:"id"`
	Kind       string  `json:"kind"`
	ProposalID string  `json:"proposal_id"`
	CommentID  *string `json:"comment_id"`
	// SuggestionID is set when the notification is about a suggestion (accepted or rejected).
	SuggestionID *string        `json:"suggestion_id"`
	Actor        personResponse `json:"actor"`
	CreatedAt    time.Time      `json:"created_at"`
	ReadAt       *time.Time     `json:"read_at"`
	Detail       string         `json:"detail"`
	Path         string         `json:"path"`
}

func toNotificationResponse(n domain.Notification) notificationResponse {
	return notificationResponse{ID: n.ID, Kind: n.Kind, ProposalID: n.ProposalID, CommentID: optional(n.CommentID), SuggestionID: optional(n.SuggestionID),
		Actor: toPerson(n.Actor), CreatedAt: n.CreatedAt, ReadAt: n.ReadAt,
		Detail: n.Detail, Path: service.NotificationPath(n)}
}

func (h *handlers) listNotifications(c *gin.Context) {
	page, err := pageFrom(c)
	if err != nil {
		writeError(c, err)
		return
	}
	unread := c.Query("unread") == "true"
	items, total, err := h.svc.Notifications(c.Request.Context(), currentUser(c), unread, page)
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, newList(items, total, page, toNotificationResponse))
}

func (h *handlers) readNotification(c *gin.Context) {
	if err := h.svc.MarkNotificationRead(c.Request.Context(), currentUser(c), c.Param("nid")); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// notificationSettingsBody is a person's notification mail choices, read and written alike.
type notificationSettingsBody struct {
	// Mail is how often notifications are mailed: each, daily or off.
	Mail string `json:"mail"`
	// Lang is the language of the mail: en or ru.
	Lang string `json:"lang"`
}

func (h *handlers) notificationSettings(c *gin.Context) {
	set, err := h.svc.NotificationSettings(c.Request.Context(), currentUser(c))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, notificationSettingsBody(set))
}

func (h *handlers) setNotificationSettings(c *gin.Context) {
	var req notificationSettingsBody
	if err := decodeJSON(c, &req); err != nil {
		writeError(c, err)
		return
	}
	set, err := h.svc.SetNotificationSettings(c.Request.Context(), currentUser(c), domain.NotificationSettings(req))
	if err != nil {
		writeError(c, err)
		return
	}
	respond(c, http.StatusOK, notificationSettingsBody(set))
}

func (h *handlers) readAllNotifications(c *gin.Context) {
	if err := h.svc.MarkAllNotificationsRead(c.Request.Context(), currentUser(c)); err != nil {
		writeError(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
