/**
 * The read side: projections fold events into tables shaped for the questions users ask, and the
 * REST read API answers from them. Talks to the other sides only through {@code dev.taskstream.api}.
 */
package dev.taskstream.query;
