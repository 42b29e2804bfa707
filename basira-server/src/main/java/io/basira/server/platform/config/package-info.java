/**
 * Wiring: {@code CoreConfiguration} builds the core's write path ({@code IngestRecords} with its JDBC
 * ports, locks and participants), the import and the shared read models, and the one {@code Clock}
 * ({@code basira.clock.fixed} fixes it); {@code MigrationConfiguration} runs Flyway. Features wire their
 * own beans in their {@code *Configuration}.
 */
package io.basira.server.platform.config;
