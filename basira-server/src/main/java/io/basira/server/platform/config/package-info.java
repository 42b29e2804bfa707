/**
 * Database wiring shared by the server and the CLI: Flyway migrations ({@code MigrationConfiguration}) and the
 * PostgreSQL driver's settings.
 */
package io.basira.server.platform.config;
