/**
 * The operator command line, in the same jar as the server: {@code java -jar taskstream.jar <subcommand>}. It talks
 * to a running server over HTTP (its admin API and the read API), so it needs no Spring context of its own.
 */
package dev.taskstream.server.cli;
