/** What the notifications API shows and takes: the firings of a user's reminders. */
package dev.taskstream.api.notifications;
