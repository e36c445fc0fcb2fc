/**
 * Messages of the TaskSeries aggregate (recurring tasks), the REST shapes that carry them, and
 * {@link dev.taskstream.api.series.Recurrence}: RFC 5545 rules read and expanded by lib-recur.
 */
package dev.taskstream.api.series;
