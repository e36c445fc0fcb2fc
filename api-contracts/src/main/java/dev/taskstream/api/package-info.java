/**
 * The language every side of Taskstream speaks: typed ids, commands, events and error codes.
 * Plain records only; nothing here knows Spring or JPA.
 */
package dev.taskstream.api;
