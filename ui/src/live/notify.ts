import type { StreamMessage } from './sync';

/**
 * A reminder fired: besides the in-app list (refreshed from the same message), show a browser notification when
 * the user allowed them. Every open tab gets the message; the notification's tag makes the browser show one.
 */
export function announceNotification(message: StreamMessage): void {
  const notification = message.notification as { id: string; title: string; taskId: string } | undefined;
  if (!notification || !('Notification' in window) || Notification.permission !== 'granted') return;
  const shown = new Notification(`Reminder: ${notification.title}`, { tag: notification.id });
  shown.onclick = () => {
    window.focus();
    location.assign(`/tasks/${notification.taskId}`);
  };
}
