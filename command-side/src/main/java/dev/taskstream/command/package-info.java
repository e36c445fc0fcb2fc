/**
 * The write side: aggregates decide, the event store remembers. Talks to the other sides only
 * through the messages in {@code dev.taskstream.api}.
 */
package dev.taskstream.command;
