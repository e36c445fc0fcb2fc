/**
 * Long-running workflows that react to events over time (recurrence, reminders). They talk to the
 * other sides only through {@code dev.taskstream.api} messages.
 */
package dev.taskstream.sagas;
