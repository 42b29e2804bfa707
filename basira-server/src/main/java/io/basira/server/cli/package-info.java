/**
 * The {@code basira} commands (picocli). Each command starts the Spring context it needs (web for
 * {@code serve}, none for the rest) and calls the same services as the API.
 */
package io.basira.server.cli;
