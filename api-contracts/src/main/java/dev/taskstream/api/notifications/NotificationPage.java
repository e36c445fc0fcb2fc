package dev.taskstream.api.notifications;

import java.util.List;

/** A page of notifications, newest first; {@code unreadCount} counts all the user's unread ones, on every page. */
public record NotificationPage(List<NotificationView> items, String nextCursor, long unreadCount) {
}
