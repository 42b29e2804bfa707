/**
 * The server's entry points: {@code Basira}, the command line, and {@code BasiraServer}, the Spring
 * Boot application. Every package below is an adapter around basira-core; see ARCHITECTURE.md for
 * what wires what.
 */
package io.basira.server;
