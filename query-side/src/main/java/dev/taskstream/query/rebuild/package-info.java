/**
 * Rebuilding a processor's projections without read downtime: the projections' own handlers fold the whole event
 * store into new copies of their tables ({@code <table>_next}) while the live tables keep answering; when the copy
 * has caught up, the live processor pauses, the copy takes the last events, and one transaction renames the tables.
 */
package dev.taskstream.query.rebuild;
