/** Messages of the Tag aggregate: a user's own labels for tasks, unique by name regardless of case. */
package dev.taskstream.api.tags;
