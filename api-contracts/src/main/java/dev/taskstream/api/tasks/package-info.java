/** Messages of the Task aggregate, and the REST shapes that carry them. */
package dev.taskstream.api.tasks;
