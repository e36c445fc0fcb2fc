/** What the admin API and the operator CLI exchange: event processors, replays, dead letters. */
package dev.taskstream.api.admin;
