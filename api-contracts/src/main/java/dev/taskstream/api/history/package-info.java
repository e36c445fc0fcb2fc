/** What the event log tells about one task or series: each event with who, when, from where, and what changed. */
package dev.taskstream.api.history;
